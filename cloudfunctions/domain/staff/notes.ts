import { maskPhonesIn } from '../phone';
import type { Staff } from './staff';

export type NoteKind = 'note' | 'complaint';

/**
 * A staff note about a member, kept by the store whose staff wrote it: staff of another store never
 * see it. A complaint is a note of kind 'complaint'; its id is the complaint's id (the call-back
 * to-do and the 补偿券 are keyed by it). The id names the store and the page's request, never a person.
 */
export interface StaffNote {
  _id: string;
  storeId: string;
  memberId: string;
  kind: NoteKind;
  text: string;
  staffId: string;
  staffName: string;
  at: Date;
}

/** One note per store and request: a retried submit finds it there. */
export const noteId = (storeId: string, requestId: string) => `${storeId}:${requestId}`;

/** The store a note (or complaint) id belongs to. */
export const storeOfNote = (id: string) => id.slice(0, id.indexOf(':'));

/** How many notes the member view shows (newest first). */
export const NOTES_SHOWN = 20;

export function newNote(staff: Staff, memberId: string, input: { kind: NoteKind; text: string; requestId: string }, now: Date): StaffNote {
  return { _id: noteId(staff.storeId, input.requestId), storeId: staff.storeId, memberId, kind: input.kind, text: maskPhonesIn(input.text.trim()), staffId: staff._id, staffName: staff.name, at: now };
}
