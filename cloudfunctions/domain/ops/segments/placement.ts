import type { TierCode } from '../../../contract';
import type { SpendDays } from '../../spend';
import type { SegmentLogEntry, SegmentPlacement } from '../placement';
import { segmentOf } from './conditions';
import type { SegmentDefinition } from './definition';
import { moneyBand } from './moneyBands';
import { type Cuts, quintileScore } from './quintiles';
import { daysSince, daysSinceKey, dayBefore, rfmFacts, type RfmWindow } from './window';

/** The run's cut points (R in days since the last purchase, F in purchase days, M in fen bands). */
export interface RfmCuts {
  r: Cuts;
  f: Cuts;
  m: Cuts;
}

/** What the job reads of a member to place them. */
export interface MemberForSegments {
  _id: string;
  homeStore: { storeId: string };
  tier: TierCode;
  consent: { marketing: { optIn: boolean } };
  spendDays?: SpendDays;
  joinedAt: Date;
}

/** Movement is told against the segment a member held this many days before the run. */
export const MOVEMENT_DAYS = 7;

/**
 * The segment log after today's placement: one entry per change (the day it took effect), the
 * same day's rerun replacing its own entry; entries older than the one in force a week ago are
 * dropped, so the log stays a handful of entries.
 */
export function nextLog(log: readonly SegmentLogEntry[], segment: string | null, day: string): SegmentLogEntry[] {
  const kept = log.filter((e) => e.on < day);
  const last = kept[kept.length - 1];
  const next = last && last.segment === segment ? kept : [...kept, { segment, on: day }];
  const weekAgo = dayBefore(day, MOVEMENT_DAYS);
  const inForce = next.map((e) => e.on <= weekAgo).lastIndexOf(true);
  return inForce > 0 ? next.slice(inForce) : next;
}

/** The segment in force a week before the run (null: the member was not placed yet then). */
export function weekAgoOf(log: readonly SegmentLogEntry[], day: string): SegmentPlacement['weekAgo'] {
  const weekAgo = dayBefore(day, MOVEMENT_DAYS);
  const entry = [...log].reverse().find((e) => e.on <= weekAgo);
  return entry ? { segment: entry.segment, scoredOn: entry.on } : null;
}

/**
 * One member's placement for the run: facts over the window, quintile scores against the run's
 * cut points (no purchase in 12 months scores 1, 1, 1), the first matching definition, the log
 * and the segment of a week ago. Pure: the same member, previous placement, cuts and definitions
 * always give the same document, so a rerun of a batch writes what it wrote.
 */
export function placeMember(
  m: MemberForSegments,
  tags: string[],
  previous: Pick<SegmentPlacement, 'log'> | null,
  cuts: RfmCuts,
  definitions: readonly SegmentDefinition[],
  w: RfmWindow,
): SegmentPlacement {
  const facts = rfmFacts(m.spendDays, w);
  const daysSinceLastOrder = facts.lastKey === null ? null : daysSinceKey(facts.lastKey, w);
  const scored = daysSinceLastOrder !== null;
  const r = scored ? quintileScore(daysSinceLastOrder, cuts.r, 'lower') : 1;
  const f = scored ? quintileScore(facts.days, cuts.f, 'higher') : 1;
  const mScore = scored ? quintileScore(moneyBand(facts.fen), cuts.m, 'higher') : 1;
  const segment = segmentOf(definitions, { r, f, m: mScore, daysSinceJoin: daysSince(m.joinedAt, w) })?.code ?? null;
  const log = nextLog(previous?.log ?? [], segment, w.day);
  return {
    _id: m._id,
    storeId: m.homeStore.storeId,
    tier: m.tier,
    optIn: m.consent.marketing.optIn,
    segment,
    r,
    f,
    m: mScore,
    daysSinceLastOrder,
    orders12m: facts.days,
    spend12m: facts.fen,
    scoredOn: w.day,
    weekAgo: weekAgoOf(log, w.day),
    tags: [...tags].sort(),
    log,
  };
}
