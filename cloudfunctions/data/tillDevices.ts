import type { TillDevice } from '../domain/tillDevice';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, findById, removedCount } from './read';
import { type Transaction, txGet } from './transaction';

/**
 * The devices of the offline till code, one document per issued secret, keyed by its handle (why
 * not on the member's memberCodes document: a handle must be unique among the devices held, which
 * the document id gives for free, where a unique index on a field only some memberCodes documents
 * carry would count every document without one as a duplicate null; and the sweep of expired
 * server codes removes whole memberCodes documents).
 * 'duplicate' when the drawn handle is held already: the caller draws again.
 */
export async function addTillDevice(db: Database, device: TillDevice): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.tillDevices, device);
}

/**
 * Marks the member's other current devices replaced by the one just issued (one conditional update
 * over the member's index), after it was added: the newest issue wins, and of two issues whose
 * writes interleave the one that runs this last sees the other, so never two stay current. (Two
 * issued in the very same millisecond in parallel may both end replaced: each phone's code then
 * works its minute and the next open asks again.)
 */
export async function replaceOlderDevices(db: Database, issued: TillDevice): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.tillDevices)
    .where(_.and([{ memberId: issued.memberId, replacedAt: null }, _.or([{ issuedAt: _.lt(issued.issuedAt) }, { issuedAt: issued.issuedAt, _id: _.neq(issued._id) }])]))
    .update({ data: { replacedAt: issued.issuedAt } });
}

/** The device a code's handle names, whatever its state, or null. */
export async function findTillDevice(db: Database, handle: string): Promise<TillDevice | null> {
  return findById<TillDevice>(db, COLLECTIONS.tillDevices, handle);
}

/** The member's devices held now (the current one, and one replaced lately until the sweep), for their export. */
export async function devicesOfMember(db: Database, memberId: string): Promise<TillDevice[]> {
  return allByIdCursor<TillDevice>(db, COLLECTIONS.tillDevices, { memberId });
}

/** A device read inside a till order's transaction (a parallel order may have used the code, a new open replaced it). */
export async function txTillDevice(t: Transaction, handle: string): Promise<TillDevice | null> {
  return txGet<TillDevice>(t, COLLECTIONS.tillDevices, handle);
}

/** Records inside the order's transaction that it used the device's code of `step`: that step and every earlier one are used up. */
export async function txUseDeviceStep(t: Transaction, handle: string, step: number, usedFor: string): Promise<void> {
  await t.collection(COLLECTIONS.tillDevices).doc(handle).update({ data: { lastUsedStep: step, lastUsedFor: usedFor } });
}

/** A member leaving keeps no device: every code of theirs stops resolving. */
export async function deleteDevicesOf(db: Database, memberId: string): Promise<number> {
  return removedCount(await db.collection(COLLECTIONS.tillDevices).where({ memberId }).remove());
}

/** Removes devices that make no code any more since before `before` (past rotateBy, or replaced); returns how many. */
export async function deleteDevicesEndedBefore(db: Database, before: Date): Promise<number> {
  const _ = db.command;
  const expired = removedCount(await db.collection(COLLECTIONS.tillDevices).where({ rotateBy: _.lt(before) }).remove());
  const replaced = removedCount(await db.collection(COLLECTIONS.tillDevices).where({ replacedAt: _.lt(before) }).remove());
  return expired + replaced;
}
