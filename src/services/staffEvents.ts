import type { ActionInput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { newRequestId } from './points';

export type EventDraft = Omit<ActionInput<'benefits', 'createEvent'>, 'requestId'>;

/** Drafts whose outcome is unknown (no answer came): the manager's retry carries the same request id, so the event is made once. */
const UNKNOWN_OUTCOME = new Set(['UNAVAILABLE', 'INTERNAL']);
const unsettledDrafts = new Map<string, string>();

/** The manager's private events: create, the store's list, sign-ups, check-in by the member code, figures. */
export const staffEventsApi = serviceFor('benefits', (benefits) => ({
  async create(draft: EventDraft) {
    const key = JSON.stringify(draft);
    const requestId = unsettledDrafts.get(key) ?? newRequestId();
    unsettledDrafts.set(key, requestId);
    const answer = await benefits('createEvent', { ...draft, requestId });
    if (answer.ok || !UNKNOWN_OUTCOME.has(answer.error.code)) unsettledDrafts.delete(key);
    return answer;
  },
  list: () => benefits('storeEvents'),
  signUps: (eventId: string) => benefits('eventSignUps', { eventId }),
  checkIn: (eventId: string, code: string) => benefits('checkIn', { eventId, code }),
  figures: (eventId: string) => benefits('eventFigures', { eventId }),
}));
