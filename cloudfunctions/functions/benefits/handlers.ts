import type { benefitsContract } from '../../contract/benefits';
import type { Handlers } from '../../platform/handler';
import { bookingHandlers } from './booking';
import { cocreationHandlers } from './cocreation';
import { eventsHandlers } from './events';

export const benefitsHandlers: Handlers<typeof benefitsContract> = {
  ...bookingHandlers,
  ...eventsHandlers,
  ...cocreationHandlers,
};
