import { stableHash } from '../../hash';
/**
 * The control group: a member is held out when a hash of campaign and member falls in the first
 * `percent` of 10,000 buckets. Deterministic (every runner, every rerun holds out the same members),
 * independent across campaigns, and spread evenly whatever the memberIds look like.
 */
export function inControlGroup(campaignId: string, memberId: string, percent: number): boolean {
  if (percent <= 0) return false;
  return bucketOf(`${campaignId}|${memberId}`) < Math.round(percent * 100);
}

/** The key's bucket of 10,000 (the one stable hash). */
export function bucketOf(key: string): number {
  return stableHash(key) % 10_000;
}
