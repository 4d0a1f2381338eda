import type * as z from 'zod/mini';
import type { exportBookingSchema, exportSignUpSchema, exportStaffNoteSchema, exportStaffTagSchema } from '../../contract/member';
import type { Booking } from '../benefits/booking/booking';
import type { EventSignUp, PrivateEvent } from '../benefits/events/event';
import type { StaffNote } from '../staff/notes';
import type { MemberStaffTag, TagGroup } from '../staff/tags';
import { toIso } from '../time';

/*
 * What the brand's people hold about the member, as the export shows it (PIPL: everything held):
 * stylist bookings and event sign-ups (issue 18), staff notes and tags (issue 17). Newest first;
 * a store by its name, never a clerk's id.
 */

const newestFirst = <T>(rows: T[], at: (row: T) => Date) => [...rows].sort((a, b) => at(b).getTime() - at(a).getTime());
const storeName = (names: ReadonlyMap<string, string>, storeId: string) => names.get(storeId) ?? storeId;

export function bookingRecords(bookings: Booking[], names: ReadonlyMap<string, string>): z.infer<typeof exportBookingSchema>[] {
  return newestFirst(bookings, (b) => b.startAt).map((b) => ({
    bookingId: b._id,
    storeName: storeName(names, b.storeId),
    stylistName: b.stylistName,
    startAt: toIso(b.startAt),
    scene: b.scene,
    budgetFen: b.budgetFen,
    note: b.note,
    state: b.state,
    cancelReason: b.cancelReason,
    bookedAt: toIso(b.createdAt),
  }));
}

export function signUpRecords(signUps: EventSignUp[], events: ReadonlyMap<string, PrivateEvent>, names: ReadonlyMap<string, string>): z.infer<typeof exportSignUpSchema>[] {
  return newestFirst(signUps, (s) => s.createdAt).map((s) => {
    const event = events.get(s.eventId);
    return {
      eventId: s.eventId,
      // an event the store has since removed still shows that there was a sign-up
      title: event?.title ?? '私享会',
      storeName: storeName(names, s.storeId),
      startsAt: event ? toIso(event.startsAt) : null,
      state: s.state,
      signedUpAt: toIso(s.createdAt),
      checkedInAt: s.checkedInAt ? toIso(s.checkedInAt) : null,
    };
  });
}

export function staffNoteRecords(notes: StaffNote[], names: ReadonlyMap<string, string>): z.infer<typeof exportStaffNoteSchema>[] {
  return newestFirst(notes, (n) => n.at).map((n) => ({ storeName: storeName(names, n.storeId), kind: n.kind, text: n.text, at: toIso(n.at) }));
}

export function staffTagRecords(tags: MemberStaffTag[], groups: TagGroup[], names: ReadonlyMap<string, string>): z.infer<typeof exportStaffTagSchema>[] {
  const tagNames = new Map(groups.flatMap((g) => g.tags.map((t) => [t.tagId, t.name] as const)));
  return newestFirst(tags, (t) => t.at).map((t) => ({ tag: tagNames.get(t.tagId) ?? t.tagId, storeName: storeName(names, t.addedBy.storeId), at: toIso(t.at) }));
}
