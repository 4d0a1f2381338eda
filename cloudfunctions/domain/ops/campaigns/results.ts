const DAY = 86_400_000;

/** The window over which purchases are compared, treated against held out (from the campaign's start). */
export const RESULT_WINDOW_DAYS = 30;

export interface ResultFacts {
  startAt: Date;
  now: Date;
  treated: string[];
  control: string[];
  /** the campaign's coupons as they are now */
  coupons: Array<{ _id: string; memberId: string; status: string; issuedAt: Date; usedAt: Date | null; usedOrder: string | null }>;
  /** the till orders that used one of them (by order key): what was paid, refunded, and each coupon's share of the discount */
  usedOrders: Array<{ _id: string; amountFen: number; refundedFen: number; coupons: Array<{ couponId: string; discountFen: number }> }>;
  /** members (treated or held out) with a paid order within the window */
  purchasers: Set<string>;
}

export interface GroupFigures {
  members: number;
  purchasers: number;
  /** purchasers / members (0 for an empty group) */
  rate: number;
}

export interface CampaignResults {
  issued: number;
  used: number;
  usedWithin7Days: number;
  usedWithin30Days: number;
  /** what the orders that used a campaign coupon were paid, less what was refunded of them, fen */
  attributedSalesFen: number;
  /** what the campaign's coupons took off those orders, fen */
  discountFen: number;
  /** (attributed sales − discount) / discount; null before any discount was given */
  roi: number | null;
  treated: GroupFigures;
  control: GroupFigures;
  /** treated rate − control rate, in percentage points; null without a control group */
  upliftPoints: number | null;
  /** the extra purchasers the campaign made: (treated rate − control rate) × treated members; null without a control group */
  incrementalPurchasers: number | null;
  windowDays: number;
  windowEndsAt: Date;
  /** the window is over: the uplift will not move any more */
  windowClosed: boolean;
}

const group = (ids: string[], purchasers: Set<string>): GroupFigures => {
  const bought = ids.filter((id) => purchasers.has(id)).length;
  return { members: ids.length, purchasers: bought, rate: ids.length ? bought / ids.length : 0 };
};

/** The campaign's results from its coupons, the orders that used them and who bought in the window. */
export function campaignResults(f: ResultFacts): CampaignResults {
  const used = f.coupons.filter((c) => c.status === 'used' && c.usedAt);
  const within = (days: number) => used.filter((c) => c.usedAt!.getTime() - c.issuedAt.getTime() <= days * DAY).length;
  const ours = new Set(f.coupons.map((c) => c._id));
  let attributedSalesFen = 0;
  let discountFen = 0;
  for (const o of f.usedOrders) {
    attributedSalesFen += o.amountFen - o.refundedFen;
    for (const c of o.coupons) if (ours.has(c.couponId)) discountFen += c.discountFen;
  }
  const treated = group(f.treated, f.purchasers);
  const control = group(f.control, f.purchasers);
  const hasControl = control.members > 0;
  const windowEndsAt = new Date(f.startAt.getTime() + RESULT_WINDOW_DAYS * DAY);
  return {
    issued: f.coupons.length,
    used: used.length,
    usedWithin7Days: within(7),
    usedWithin30Days: within(30),
    attributedSalesFen,
    discountFen,
    roi: discountFen > 0 ? (attributedSalesFen - discountFen) / discountFen : null,
    treated,
    control,
    upliftPoints: hasControl ? (treated.rate - control.rate) * 100 : null,
    incrementalPurchasers: hasControl ? (treated.rate - control.rate) * treated.members : null,
    windowDays: RESULT_WINDOW_DAYS,
    windowEndsAt,
    windowClosed: f.now.getTime() >= windowEndsAt.getTime(),
  };
}
