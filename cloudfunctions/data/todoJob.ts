import type { Member } from '../domain/member';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents, PAGE_MAX } from './read';

/** Where a read in (field, _id) order got to: the field's value (ms for instants) and the last id at that value. */
export interface RangeAt {
  v: number;
  id: string;
}

type Field = 'lotsExpireNext' | 'lastOrderAt' | 'joinedAt';

/**
 * A page of members whose `field` (an indexed instant) lies in [from, until), in (field, _id)
 * order after `at` — keyset paging on the (field, _id) index, so each page reads its own members
 * and no more, and many members sharing one instant (every lot expires at a year's end) are
 * paged by id. `next` is where the following page starts, or null when the range is done.
 */
export async function membersInRange(db: Database, field: Field, range: { from: Date; until: Date }, at: RangeAt | null, limit: number): Promise<{ members: Member[]; next: RangeAt | null }> {
  const _ = db.command;
  const ties = (v: number, after: string) =>
    documents<Member>(db.collection(COLLECTIONS.members).where({ [field]: new Date(v), _id: _.gt(after) }).orderBy('_id', 'asc').limit(limit));
  const out: Member[] = [];
  if (at) {
    out.push(...(await ties(at.v, at.id)));
    if (out.length === limit) return { members: out, next: { v: at.v, id: out[out.length - 1]!._id } };
  }
  const lower = at ? _.gt(new Date(at.v)) : _.gte(range.from);
  const rest = await documents<Member>(db.collection(COLLECTIONS.members).where({ [field]: lower.and(_.lt(range.until)) }).orderBy(field, 'asc').limit(limit));
  if (rest.length < limit) return { members: [...out, ...rest], next: null };
  const value = (m: Member) => (m[field] as Date).getTime();
  const last = value(rest[rest.length - 1]!);
  // the values before the last are complete in this page; the last one's members may go on past it
  const whole = rest.filter((m) => value(m) < last).sort((a, b) => value(a) - value(b) || (a._id < b._id ? -1 : 1));
  if (whole.length > 0) {
    const end = whole[whole.length - 1]!;
    return { members: [...out, ...whole], next: { v: value(end), id: end._id } };
  }
  // the whole page shares one instant: page it by id
  const same = await ties(last, '');
  return { members: [...out, ...same], next: { v: last, id: same[same.length - 1]!._id } };
}

/** The members a clerk signed up whose joining falls in [from, until) (their clerk figures), through the signedUpBy.staffId + joinedAt index. */
export async function membersSignedUpBy(db: Database, staffId: string, range: { from: Date; until: Date }): Promise<Member[]> {
  const _ = db.command;
  const out: Member[] = [];
  let from = _.gte(range.from);
  for (;;) {
    const page = await documents<Member>(
      db
        .collection(COLLECTIONS.members)
        .where({ 'signedUpBy.staffId': staffId, joinedAt: from.and(_.lt(range.until)) })
        .orderBy('joinedAt', 'asc')
        .limit(PAGE_MAX),
    );
    out.push(...page);
    const last = page[page.length - 1]?.joinedAt;
    // a page of one instant cannot move on (never seen: a thousand joins by one clerk in one millisecond)
    if (page.length < PAGE_MAX || !last || last.getTime() === page[0]!.joinedAt.getTime()) return dedupe(out);
    // go on from the last instant again (the ties at it are read twice and kept once)
    from = _.gte(last);
  }
}

function dedupe(ms: Member[]): Member[] {
  const seen = new Set<string>();
  return ms.filter((m) => !seen.has(m._id) && seen.add(m._id));
}

/** Of these days' runs of a job ("YYYY-MM-DD"), those that finished. */
export async function finishedRunDates(db: Database, job: string, runDates: string[]): Promise<string[]> {
  const _ = db.command;
  const runs = await documents<{ runDate: string; done: boolean }>(db.collection(COLLECTIONS.jobRuns).where({ _id: _.in(runDates.map((d) => `${job}:${d}`)) }).limit(runDates.length));
  return runs.filter((r) => r.done).map((r) => r.runDate);
}
