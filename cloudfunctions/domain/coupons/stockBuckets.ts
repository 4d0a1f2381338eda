import { stableHash } from '../hash';
import type { CouponStock, CouponTemplate } from './template';

/**
 * A claim-centre stock is split into buckets so a flash campaign does not serialise every claim
 * on one document: the platform writes one document at a time, so one stock document caps the
 * whole campaign at that document's write rate (docs/capacity.md has the figures). A bucket holds
 * about UNITS_PER_BUCKET units: a stock that small sells out in seconds even on one document, so
 * it keeps one (the layout every stock had before buckets).
 */
export const UNITS_PER_BUCKET = 1_000;
/** At most this many buckets: the claim centre reads every bucket of every template it shows. */
export const MAX_BUCKETS = 64;

/** How many buckets a stock of this size is split into. */
export function bucketCount(stock: number): number {
  return Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(stock / UNITS_PER_BUCKET)));
}

/**
 * The id of bucket k. Bucket 0 keeps the template's id, so a stock document written before
 * buckets existed is bucket 0 of a one-bucket stock and keeps working unchanged.
 */
export const bucketId = (templateId: string, k: number) => (k === 0 ? templateId : `${templateId}#${k}`);

/** The ids of every bucket of a limited template's stock, bucket 0 first. */
export function bucketIds(t: Pick<CouponTemplate, '_id' | 'stock'>): string[] {
  return Array.from({ length: t.stock === null ? 1 : bucketCount(t.stock) }, (_, k) => bucketId(t._id, k));
}

/** The stock documents of a new limited template: the units spread evenly, the first buckets one more. */
export function stockBuckets(t: Pick<CouponTemplate, '_id' | 'stock'>): CouponStock[] {
  const total = t.stock ?? 0;
  const ids = bucketIds(t);
  const base = Math.floor(total / ids.length);
  const extra = total % ids.length;
  return ids.map((_id, k) => {
    const units = base + (k < extra ? 1 : 0);
    return { _id, total: units, remaining: units, holders: [] };
  });
}

/** A stable spread of members over buckets: the same member starts at the same bucket. */
const startBucket = (memberId: string, n: number): number => stableHash(memberId) % n;

/**
 * The buckets a claim tries, in order: from the member's own bucket onwards, only those the last
 * read showed with units left (a bucket never gains units but by a give-back, so an empty one is
 * skipped). Parallel members start at different buckets, so their writes land on different documents.
 */
export function bucketsToTry(ids: string[], memberId: string, left: ReadonlyMap<string, number>): string[] {
  const start = startBucket(memberId, ids.length);
  const walk = ids.map((_, i) => ids[(start + i) % ids.length]!);
  return walk.filter((id) => (left.get(id) ?? 0) > 0);
}

/** What is left of a stock: the sum of its buckets' units (a bucket not found counts as empty). */
export const unitsLeft = (ids: string[], left: ReadonlyMap<string, number>): number => ids.reduce((sum, id) => sum + (left.get(id) ?? 0), 0);
