import type { staffSalesContract } from '../../contract/staffSales';
import type { Handlers } from '../../platform/handler';
import { salesCounterHandlers } from './salesCounter';
import { salesOutfitHandlers } from './salesOutfits';

/** The staff assistant's sales actions (issue 17, parts 2, 6 and 7). */
export const staffSalesHandlers: Handlers<typeof staffSalesContract> = {
  ...salesCounterHandlers,
  ...salesOutfitHandlers,
};
