import type { NpsAnswer } from '../domain/ops/nps/answer';
import { type NpsCounts, PASSIVE_FROM, PROMOTER_FROM } from '../domain/ops/nps/score';
import type { StaffLook } from '../domain/staff/audit';
import type { TillOrder } from '../domain/till/records';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, documents, findById } from './read';

/** The member's latest answer (the highest seq), through the member + seq index. */
export async function latestNpsAnswer(db: Database, memberId: string): Promise<NpsAnswer | null> {
  const [latest] = await documents<NpsAnswer>(db.collection(COLLECTIONS.npsAnswers).where({ memberId }).orderBy('seq', 'desc').limit(1));
  return latest ?? null;
}

/** Adds the answer under its id (`<memberId>:<seq>`): of two at once, one is 'created' and the other finds it there. */
export async function insertNpsAnswer(db: Database, answer: NpsAnswer): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.npsAnswers, answer);
}

export async function findNpsAnswer(db: Database, id: string): Promise<NpsAnswer | null> {
  return findById<NpsAnswer>(db, COLLECTIONS.npsAnswers, id);
}

/** Takes an answer back (its member began leaving meanwhile). */
export async function removeNpsAnswer(db: Database, id: string): Promise<void> {
  await db.collection(COLLECTIONS.npsAnswers).doc(id).remove();
}

/** Every answer of a member (their export). */
export const npsAnswersOf = (db: Database, memberId: string) => allByIdCursor<NpsAnswer>(db, COLLECTIONS.npsAnswers, { memberId });

/** Erases a leaving member's answers (the store's NPS loses them with the rest). */
export async function deleteNpsAnswersOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.npsAnswers).where({ memberId }).remove();
}

/** A till order by its key (`${storeId}:${orderId}`). */
export async function findTillOrder(db: Database, key: string): Promise<TillOrder | null> {
  return findById<TillOrder>(db, COLLECTIONS.orders, key);
}

/** The looks at a member in [from, until] (who served them at the till), through the member + at index. */
export async function looksAround(db: Database, memberId: string, range: { from: Date; until: Date }): Promise<StaffLook[]> {
  const _ = db.command;
  return documents<StaffLook>(db.collection(COLLECTIONS.staffAudit).where({ memberId, at: _.gte(range.from).and(_.lte(range.until)) }).orderBy('at', 'desc').limit(50));
}

/** A store's answers in [from, until) summed per clerk (null: the store only) and band: one aggregation, whatever the number of answers. */
export async function npsSumsByStaff(db: Database, storeId: string, range: { from: Date; until: Date }): Promise<Array<NpsCounts & { staffId: string | null }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.npsAnswers)
    .aggregate()
    .match({ storeId, answeredAt: _.gte(range.from).and(_.lt(range.until)) })
    .group({
      _id: '$staffId',
      // the bands of domain/ops/nps/score.ts, counted by the database
      promoters: $.sum($.cond([$.gte(['$score', PROMOTER_FROM]), 1, 0])),
      passives: $.sum($.cond([$.and([$.gte(['$score', PASSIVE_FROM]), $.lt(['$score', PROMOTER_FROM])]), 1, 0])),
      detractors: $.sum($.cond([$.lt(['$score', PASSIVE_FROM]), 1, 0])),
    })
    .end()) as { list: Array<{ _id: string | null; promoters: number; passives: number; detractors: number }> };
  return res.list.map((g) => ({ staffId: g._id ?? null, promoters: g.promoters, passives: g.passives, detractors: g.detractors }));
}

/** A store's latest answers with a reason in [from, until), newest first. */
export async function latestNpsReasons(db: Database, storeId: string, range: { from: Date; until: Date }, limit: number): Promise<NpsAnswer[]> {
  const _ = db.command;
  return documents<NpsAnswer>(
    db.collection(COLLECTIONS.npsAnswers).where({ storeId, answeredAt: _.gte(range.from).and(_.lt(range.until)), reason: _.neq(null) }).orderBy('answeredAt', 'desc').limit(limit),
  );
}
