import type { staffSalesContract } from '../../contract/staffSales';
import type { Handlers } from '../../platform/handler';

export const staffSalesHandlers: Handlers<typeof staffSalesContract> = {};
