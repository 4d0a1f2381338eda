/** The collection names: only the data layer knows them. */
export const COLLECTIONS = {
  members: 'members',
  /** the server-issued till code (`66…`) of each member, keyed by memberId */
  memberCodes: 'memberCodes',
  /** the devices of the offline till code (`67…`), one per issued secret, keyed by its 8-digit handle; the secret itself is derived, never stored */
  tillDevices: 'tillDevices',
  /** wrong member codes per till (store) or clerk per minute (`till:<storeId>:<minute>`): the wrong-guess limit */
  codeGuesses: 'codeGuesses',
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
  /** invite codes, keyed by the code: the member each names */
  inviteCodes: 'inviteCodes',
  /** referrals, one per invitee (keyed by a digest of the invitee's memberId) */
  referrals: 'referrals',
  /** the referral programme's terms (data, seeded from database/seed/referralProgramme.json) */
  referralProgrammes: 'referralProgrammes',
  /** what the inviter rewards of a month have cost, per programme and month */
  referralBudgets: 'referralBudgets',
  /** one per member (keyed by memberId): the style quiz under way, the member's own preferences, what they open in the catalogue */
  styleProfiles: 'styleProfiles',
  /** style reports, one per finished quiz attempt (`${memberId}:${attempt}`): the latest rules, the earlier ones are history */
  styleReports: 'styleReports',
  /** the scoring weights the brand's stylists tune (seeded from database/seed/styleWeights.json) */
  styleWeights: 'styleWeights',
  /** the member's wardrobe, one piece each: bought at the till (keyed by the order line) or added by hand */
  wardrobeItems: 'wardrobeItems',
  /** outfits a member saved, keyed by member and pieces (the same outfit saved twice is one) */
  savedOutfits: 'savedOutfits',
  /** 导购为你搭配: lists a store's stylist made for a member (products and wardrobe pieces) */
  outfitLists: 'outfitLists',
  /** every look at a member by staff (who, when, which member, which view, why): append-only */
  staffAudit: 'staffAudit',
  /** the stores' care lists: one to-do per store, kind, member and occasion */
  todos: 'todos',
  /** staff notes and complaints about a member, kept by the store whose staff wrote them (keyed `<store>:<requestId>`) */
  staffNotes: 'staffNotes',
  /** the brand's staff tag groups (seeded from database/seed/staffTagGroups.json; managers edit them) */
  tagGroups: 'tagGroups',
  /** staff tags on members, one per member and tag (`<memberId>:<tagId>`) */
  memberStaffTags: 'memberStaffTags',
  /** stylists' 1v1 slots (`<store>-<day>-<minute>-<stylist key>`): bookingId taken by a conditional update */
  bookingSlots: 'bookingSlots',
  /** members' stylist bookings (`<memberId>:<requestId>`) */
  bookings: 'bookings',
  /** each stylist's day (`<store>-<day>-<stylist key>`): the stretches given to slots, moved on by a versioned compare-and-set so parallel publishes never overlap */
  stylistDays: 'stylistDays',
  /** each member's two upcoming-booking seats (`<memberId>:1|2`), taken by adding them */
  bookingSeats: 'bookingSeats',
  /** 新品共创: the brand's upcoming pieces (seeded from database/seed/cocreationPieces.json; managers publish, close, launch) */
  cocreationPieces: 'cocreationPieces',
  /** 新品共创 votes, one per member and piece (`<pieceId>:<memberId>`); by vote time, a piece's 优先试穿 line */
  cocreationVotes: 'cocreationVotes',
  /** private events (私享会) a store's manager runs, keyed `<storeId>-<requestId>`; `seatsTaken` is decided by conditional increments */
  events: 'events',
  /** one per event and member (`<eventId>:<memberId>`): seat, waiting (ordered by seq) or cancelled, and the check-in */
  eventSignUps: 'eventSignUps',
  /** where the nightly segments job placed each member (issue 19: domain/ops/placement.ts), keyed by memberId */
  memberSegments: 'memberSegments',
  /** the named segments as data (忠实型, 沉睡型 …: thresholds on the RFM scores), managers edit them */
  segmentDefinitions: 'segmentDefinitions',
  /** alerts raised to a store's manager (issue 19, part 4: domain/ops/alerts/alert.ts), keyed `<storeId>:<rule>:<day>`: once per store, rule and day */
  storeAlerts: 'storeAlerts',
  /** the alert rules as data: document `current` overrides database/seed/alertRules.json */
  alertRules: 'alertRules',
  /** NPS answers (issue 19, part 5: written by the member's NPS question; the dashboard counts them per store) */
  npsAnswers: 'npsAnswers',
  /** targeted campaigns (issue 19: domain/ops/campaigns), keyed `${storeId}-${requestId}` */
  campaigns: 'campaigns',
  /** each campaign batch's plan (who is treated, who held out), keyed `${campaignId}:${n}`: written once, applied by any runner */
  campaignBatches: 'campaignBatches',
  /** clerks' join codes, keyed by the code (the staff member holding it): what makes a drawn code unique, as CloudBase has no sparse index */
  staffJoinCodes: 'staffJoinCodes',
} as const;
