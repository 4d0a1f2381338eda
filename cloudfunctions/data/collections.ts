/** The collection names: only the data layer knows them. */
export const COLLECTIONS = {
  members: 'members',
  memberCodes: 'memberCodes',
  stores: 'stores',
  staff: 'staff',
  products: 'products',
  /** till orders, keyed `${storeId}:${orderId}`: the idempotency record of each delivery */
  orders: 'orders',
  /** till refunds, keyed `${storeId}:${refundId}` */
  refunds: 'refunds',
  /** the append-only points ledger */
  ledger: 'ledger',
  /** POS request nonces seen in the last minutes (replay guard) */
  posNonces: 'posNonces',
  /** subscribe-message credits per member */
  subscriptions: 'subscriptions',
  /** subscribe messages sent (or being sent), keyed by occasion: a rerun never sends twice */
  messages: 'messages',
  /** the daily jobs' checkpoints */
  jobRuns: 'jobRuns',
  /** the brand's coupon offers (data, seeded from database/seed/couponTemplates.json) */
  couponTemplates: 'couponTemplates',
  /** what is left of a limited template, decided by conditional decrements */
  couponStock: 'couponStock',
  /** members' coupons, one document each, keyed by occasion */
  coupons: 'coupons',
  /** what shoppers who left used of the once-ever offers, under a keyed digest of their openid */
  formerUse: 'formerUse',
} as const;
