/**
 * The control group: a member is held out when a hash of campaign and member falls in the first
 * `percent` of 10,000 buckets. Deterministic (every runner, every rerun holds out the same members),
 * independent across campaigns, and spread evenly whatever the memberIds look like.
 */
export function inControlGroup(campaignId: string, memberId: string, percent: number): boolean {
  if (percent <= 0) return false;
  return bucketOf(`${campaignId}|${memberId}`) < Math.round(percent * 100);
}

/** FNV-1a (32 bits) with a final avalanche, into 10,000 buckets. */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 10_000;
}
