import { benefitsContract } from '../../contract/benefits';
import { createMain } from '../../platform/handler';
import { benefitsHandlers } from './handlers';

/** The `benefits` cloud function: stylist 1v1 booking, private events and co-creation, for members and the staff who run them. */
export const main = createMain('benefits', benefitsContract, benefitsHandlers);
