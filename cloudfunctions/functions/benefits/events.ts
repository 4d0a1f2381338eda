import type { benefitsEventsContract } from '../../contract/benefitsEvents';
import type { Handlers } from '../../platform/handler';

export const eventsHandlers: Handlers<typeof benefitsEventsContract> = {};
