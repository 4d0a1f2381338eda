import { staffContract } from '../../contract/staff';
import { createMain } from '../../platform/handler';
import { staffHandlers } from './handlers';

/** The `staff` cloud function: the store assistant's member lookup. */
export const main = createMain('staff', staffContract, staffHandlers);
