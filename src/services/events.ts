import { serviceFor } from './cloud';

/** The member's private events (私享会): those they may join or how to unlock them, sign up, cancel, the pass. */
export const eventsApi = serviceFor('benefits', (benefits) => ({
  list: () => benefits('events'),
  /** Safe to tap twice: one sign-up per member and event. */
  signUp: (eventId: string) => benefits('signUp', { eventId }),
  cancel: (eventId: string) => benefits('cancelSignUp', { eventId }),
  pass: (eventId: string) => benefits('myPass', { eventId }),
}));
