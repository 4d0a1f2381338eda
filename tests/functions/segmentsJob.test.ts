import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { SegmentPlacement } from '../../cloudfunctions/domain/ops/placement';
import { DEFAULT_DEFINITIONS, type SegmentDefinition } from '../../cloudfunctions/domain/ops/segments/definition';
import type { Member } from '../../cloudfunctions/domain/member';
import { currentScope, type CallScope } from '../../local/cloud/context';
import type { Doc, Write } from '../../local/cloud/database';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { seedSegmentMembers } from '../support/segmentMembers';

/**
 * The nightly segments job (issue 19): every member scored on recency, frequency and monetary
 * value over 12 months (quintiles across the brand's buying members) and placed in the first
 * segment definition that matches. Checked against a recount written here from the members
 * alone (its own window, its own quintile ranks by sorting, its own money bands), at 100,000
 * members; resumable and safe to rerun; leaving members unplaced; movement since a week ago.
 */
jest.setTimeout(3_600_000);

const SEGMENTS = { action: 'run', job: 'segments' };
const MANAGER = 'manager-S001';
const DAY = 86_400_000;

async function runToEnd(h: Harness, extra: Record<string, unknown> = {}) {
  for (let i = 0; i < 1_000; i += 1) {
    const answer = await runJobs(h, { ...SEGMENTS, ...extra });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const run = answer.data.runs[0]!;
    if (run.failed) throw new Error('the segments run failed');
    if (run.done) return run;
  }
  throw new Error('the segments run did not finish');
}

const placements = (h: Harness) => [...h.cloud.db.collection(COLLECTIONS.memberSegments).values()].map((e) => e.doc as unknown as SegmentPlacement);
const membersOf = (h: Harness) => [...h.cloud.db.collection(COLLECTIONS.members).values()].map((e) => e.doc as unknown as Member);

// — the recount: nothing from the job's own code but the definitions' data —

/** "YYYYMMDD" of an instant in Shanghai. */
const dayKey = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
/** Two significant figures of whole fen (under ¥1: 0; ¥10,000,000 and more: one band). */
function band(fen: number): number {
  if (fen < 100) return 0;
  if (fen >= 1_000_000_000) return 1_000_000_000;
  const digits = String(fen).length;
  return Number(String(fen).slice(0, 2)) * 10 ** (digits - 2);
}
/** 1 + ⌊5 × (values strictly worse) / n⌋ for each value, by sorting. */
function ranks(values: number[], higherBetter: boolean): (v: number) => number {
  const sorted = [...values].map((v) => (higherBetter ? v : -v)).sort((a, b) => a - b);
  return (v: number) => {
    const g = higherBetter ? v : -v;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < g) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(5, 1 + Math.floor((5 * lo) / sorted.length));
  };
}
const inRange = (r: { min: number; max: number } | null, s: number) => r === null || (s >= r.min && s <= r.max);

function recount(members: Member[], now: Date, definitions: readonly SegmentDefinition[]): Map<string, { segment: string | null; storeId: string; tier: string }> {
  const through = dayKey(now.getTime());
  const yearAgo = new Date(now.getTime() + 8 * 3_600_000);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const after = yearAgo.toISOString().slice(0, 10).replace(/-/g, '');
  const daysBetween = (a: string, b: string) => Math.round((Date.UTC(+b.slice(0, 4), +b.slice(4, 6) - 1, +b.slice(6)) - Date.UTC(+a.slice(0, 4), +a.slice(4, 6) - 1, +a.slice(6))) / DAY);
  const facts = members
    .filter((m) => !m.leavingSince)
    .map((m) => {
      const keys = Object.keys(m.spendDays ?? {}).filter((k) => k > after && k <= through);
      const last = keys.sort().at(-1);
      return { m, bought: keys.length > 0, days: last ? daysBetween(last, through) : 0, f: keys.length, fen: keys.reduce((s, k) => s + m.spendDays![k]!, 0) };
    });
  const buyers = facts.filter((x) => x.bought);
  const rOf = ranks(buyers.map((x) => x.days), false);
  const fOf = ranks(buyers.map((x) => x.f), true);
  const mOf = ranks(buyers.map((x) => band(x.fen)), true);
  const out = new Map<string, { segment: string | null; storeId: string; tier: string }>();
  for (const x of facts) {
    const s = x.bought ? { r: rOf(x.days), f: fOf(x.f), m: mOf(band(x.fen)) } : { r: 1, f: 1, m: 1 };
    const joined = daysBetween(dayKey(x.m.joinedAt.getTime()), through);
    const def = definitions.find((d) => inRange(d.r, s.r) && inRange(d.f, s.f) && inRange(d.m, s.m) && (d.joinedWithinDays === null || joined <= d.joinedWithinDays));
    out.set(x.m._id, { segment: def?.code ?? null, storeId: x.m.homeStore.storeId, tier: x.m.tier });
  }
  return out;
}

function tally(rows: Iterable<{ segment: string | null; storeId: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.storeId}:${r.segment}`] = (out[`${r.storeId}:${r.segment}`] ?? 0) + 1;
  return out;
}

describe('on 100,000 members', () => {
  it('the segment counts per store equal a brute-force recount, and so do the manager’s counts by tier and by tag', async () => {
    const h = await createHarness();
    const now = h.clock.now();
    const seeded = await seedSegmentMembers(h.cloud.db, 100_000, now);
    const run = await runToEnd(h);
    expect(run).toMatchObject({ done: true, processed: 100_000, changed: 100_000 - seeded.leaving.size });

    const expected = recount(membersOf(h), now, DEFAULT_DEFINITIONS);
    const placed = placements(h);
    expect(placed).toHaveLength(expected.size);
    expect(tally(placed)).toEqual(tally(expected.values()));
    // member by member, not only in total
    const wrong = placed.filter((p) => expected.get(p._id)?.segment !== p.segment);
    expect(wrong.map((p) => p._id)).toEqual([]);
    // every segment is populated: the figures are not all in one bucket
    for (const d of DEFAULT_DEFINITIONS) expect(placed.filter((p) => p.segment === d.code).length).toBeGreaterThan(500);

    const counts: any = await h.call('ops', MANAGER, { action: 'segmentCounts' });
    const s001 = [...expected.entries()].filter(([, v]) => v.storeId === 'S001');
    expect(counts.ok && counts.data.total).toBe(s001.length);
    expect(counts.ok && Object.fromEntries(counts.data.segments.map((s: { code: string; count: number }) => [`S001:${s.code}`, s.count]))).toEqual(tally(s001.map(([, v]) => v)));

    const growers = await h.call('ops', MANAGER, { action: 'segmentCounts', tier: 'grower' });
    expect(growers.ok && Object.fromEntries(growers.data.segments.map((s: { code: string; count: number }) => [`S001:${s.code}`, s.count]))).toEqual(
      tally(s001.filter(([, v]) => v.tier === 'grower').map(([, v]) => v)),
    );
    const tagged = await h.call('ops', MANAGER, { action: 'segmentCounts', tags: ['care-vip'] });
    const withTag = s001.filter(([id]) => seeded.tags.get(id)?.includes('care-vip'));
    expect(withTag.length).toBeGreaterThan(1_000);
    expect(tagged.ok && tagged.data.total).toBe(withTag.length);
    expect(tagged.ok && Object.fromEntries(tagged.data.segments.map((s: { code: string; count: number }) => [`S001:${s.code}`, s.count]))).toEqual(tally(withTag.map(([, v]) => v)));
  });
});

/** Kills the call whose memberSegments write is the `at`-th seen (it and every later write of that call are refused). */
function crashAtWrite(h: Harness, at: number) {
  const db = h.cloud.db;
  const apply = db.apply.bind(db);
  const dead = new Set<CallScope>();
  let seen = 0;
  const spy = jest.spyOn(db, 'apply').mockImplementation((writes: Write[]) => {
    const scope = currentScope();
    if (dead.has(scope)) throw new Error('function instance killed');
    if (writes.some((w) => w.c === COLLECTIONS.memberSegments) && ++seen === at) {
      dead.add(scope);
      throw new Error('function instance killed');
    }
    return apply(writes);
  });
  return () => spy.mockRestore();
}

describe('the run is resumable and safe to run twice', () => {
  it('a crash midway, a stop after three batches and two parallel reruns place every member exactly as one clean run does', async () => {
    const clean = await createHarness();
    await seedSegmentMembers(clean.cloud.db, 3_000, clean.clock.now(), 7);
    await runToEnd(clean);
    const want = placements(clean).sort((a, b) => (a._id < b._id ? -1 : 1));

    const h = await createHarness();
    await seedSegmentMembers(h.cloud.db, 3_000, h.clock.now(), 7);
    // three batches (the three histograms), then one batch of placements
    expect((await runJobs(h, { ...SEGMENTS, maxBatches: 4 })).ok).toBe(true);
    expect(placements(h).length).toBeGreaterThan(490);
    expect(placements(h).length).toBeLessThanOrEqual(500);
    // the next runner dies in the middle of its batch's writes
    const restore = crashAtWrite(h, 1_000);
    await runJobs(h, SEGMENTS);
    restore();
    expect(placements(h).length).toBeLessThan(want.length);
    // two runners at once finish it
    const [a, b] = await Promise.all([runJobs(h, SEGMENTS), runJobs(h, SEGMENTS)]);
    expect(a.ok && b.ok).toBe(true);
    expect(await runToEnd(h)).toMatchObject({ done: true });
    expect(placements(h).sort((x, y) => (x._id < y._id ? -1 : 1))).toEqual(want);
  });

  it('a rerun of a finished day from the start writes the same placements', async () => {
    const h = await createHarness();
    await seedSegmentMembers(h.cloud.db, 1_200, h.clock.now(), 11);
    await runToEnd(h);
    const first = placements(h);
    await runToEnd(h, { restart: true });
    expect(placements(h)).toEqual(first);
  });
});

describe('who is placed', () => {
  it('a leaving member is not placed and loses the placement they had; a placement nobody wrote today (an erased member) goes at the end of the run', async () => {
    const h = await createHarness();
    const seeded = await seedSegmentMembers(h.cloud.db, 1_000, h.clock.now(), 3);
    await runToEnd(h);
    const [quitter] = seeded.ids.filter((id) => !seeded.leaving.has(id));
    expect(h.cloud.db.collection(COLLECTIONS.memberSegments).has(quitter!)).toBe(true);
    for (const id of seeded.leaving) expect(h.cloud.db.collection(COLLECTIONS.memberSegments).has(id)).toBe(false);

    const member = structuredClone(h.cloud.db.collection(COLLECTIONS.members).get(quitter!)!.doc);
    member.leavingSince = h.clock.now();
    const erased = seeded.ids.filter((id) => !seeded.leaving.has(id))[1]!;
    await h.cloud.db.apply([
      { c: COLLECTIONS.members, id: quitter!, doc: member },
      { c: COLLECTIONS.members, id: erased, doc: null },
    ]);
    h.clock.set(new Date(h.clock.now().getTime() + DAY));
    await runToEnd(h);
    expect(h.cloud.db.collection(COLLECTIONS.memberSegments).has(quitter!)).toBe(false);
    expect(h.cloud.db.collection(COLLECTIONS.memberSegments).has(erased)).toBe(false);
    expect(placements(h).every((p) => p.scoredOn === '2026-11-26')).toBe(true);
  });

  it('a member who leaves through member.delete loses their placement at once, and the export lists it before', async () => {
    const h = await createHarness();
    const memberId = await h.join('leaver');
    await runToEnd(h);
    const exported = await h.call('member', 'leaver', { action: 'export' });
    expect(exported.ok && exported.data.segment).toMatchObject({ segment: 'new', segmentName: '新客', r: 1, f: 1, m: 1, daysSinceLastOrder: null, purchaseDays12m: 0, spend12mFen: 0, scoredOn: '2026-11-25' });
    expect(await h.call('member', 'leaver', { action: 'delete', confirm: true })).toMatchObject({ ok: true });
    expect(h.cloud.db.collection(COLLECTIONS.memberSegments).has(memberId)).toBe(false);
  });
});

describe('movement since last week', () => {
  it('members who stopped buying move from 忠实型 to 沉睡型 after a week, and the manager sees the move with a masked sample', async () => {
    const h = await createHarness();
    const now = h.clock.now();
    await seedSegmentMembers(h.cloud.db, 800, now, 5);
    await runToEnd(h);
    const loyal = placements(h).filter((p) => p.segment === 'loyal' && p.storeId === 'S001').map((p) => p._id).slice(0, 12);
    expect(loyal.length).toBe(12);
    const unmoved = placements(h).filter((p) => p.storeId === 'S001' && !loyal.includes(p._id)).length;
    // they stop buying: one small purchase 11 months ago is all the year holds (recency at the bottom, spend low)
    const longAgo = dayKey(now.getTime() - 340 * DAY);
    await h.cloud.db.apply(
      loyal.map((id) => {
        const m = structuredClone(h.cloud.db.collection(COLLECTIONS.members).get(id)!.doc) as Doc & { spendDays: Record<string, number> };
        m.spendDays = { [longAgo]: 1_000 };
        return { c: COLLECTIONS.members, id, doc: m };
      }),
    );
    for (let d = 1; d <= 7; d += 1) {
      h.clock.set(new Date(now.getTime() + d * DAY));
      await runToEnd(h);
      const movement: any = await h.call('ops', MANAGER, { action: 'segmentMovement' });
      expect(movement.ok).toBe(true);
      if (d < 7) expect(movement.ok && movement.data.moves).toEqual([]);
      else {
        const move = movement.data.moves.find((m: { from: { code: string }; to: { code: string } }) => m.from.code === 'loyal' && m.to.code === 'dormant');
        expect(move).toMatchObject({ from: { name: '忠实型' }, to: { name: '沉睡型' } });
        expect(move.count).toBe(12);
        // nobody else moved by more than the quintiles shifting under them
        expect(movement.data.moved).toBeLessThan(12 + unmoved / 10);
        expect(move.sample.length).toBe(3);
        for (const s of move.sample) expect(s.nickname).toMatch(/^会\*+$/);
        expect(JSON.stringify(movement.data)).not.toMatch(/seg-|openid|138/);
        expect(movement.data.scoredOn).toBe('2026-12-02');
      }
    }
  });
});

describe('definitions are data', () => {
  it('a manager renames 忠实型 and raises its bar; the next night places by it and the counts use the new name', async () => {
    const h = await createHarness();
    await seedSegmentMembers(h.cloud.db, 1_500, h.clock.now(), 9);
    await runToEnd(h);
    const before = placements(h).filter((p) => p.segment === 'loyal').length;
    const got: any = await h.call('ops', MANAGER, { action: 'segmentDefinitions' });
    expect(got).toMatchObject({ ok: true, data: { version: 1 } });
    const definitions = got.data.definitions.map((d: SegmentDefinition) => (d.code === 'loyal' ? { ...d, name: '铁粉', r: { min: 5, max: 5 }, f: { min: 5, max: 5 } } : d));
    expect(await h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version: 1, definitions })).toMatchObject({ ok: true, data: { version: 2, updatedBy: '林店长' } });
    h.clock.set(new Date(h.clock.now().getTime() + DAY));
    await runToEnd(h);
    const after = placements(h).filter((p) => p.segment === 'loyal').length;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const counts: any = await h.call('ops', MANAGER, { action: 'segmentCounts' });
    expect(counts.ok && counts.data.segments.find((s: { code: string }) => s.code === 'loyal')).toMatchObject({ name: '铁粉' });
  });
});
