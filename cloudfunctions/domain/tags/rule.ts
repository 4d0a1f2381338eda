import type { Product } from '../../contract/catalog';
import type { MemberTag, TagSource } from '../../contract/style';
import type { ColourChoice } from '../../contract/styleQuiz';
import type { StylePreferences, StyleProfile, StyleReportRecord } from '../style/records';
import type { TillOrder } from '../till/records';

/** What the tag rules read: the latest report, the member's own preferences, purchases, what they open. */
export interface TagFacts {
  report: Pick<StyleReportRecord, 'report' | 'createdAt'> | null;
  preferences: StylePreferences;
  views: StyleProfile['views'] | null;
  /** the last 12 months' orders, newest first */
  orders: Pick<TillOrder, 'storeId' | 'amountFen' | 'listedFen' | 'discountFen' | 'items' | 'paidAt' | 'refundedFen'>[];
  products: ReadonlyMap<string, Product>;
  storeNames: ReadonlyMap<string, string>;
  /** the quiz's colours a member may love or avoid, by id */
  colourChoices: ReadonlyMap<string, ColourChoice>;
  now: Date;
  /** the member's part in 新品共创: when they last voted (absent or null: never) */
  cocreation?: { lastVotedAt: Date } | null;
}

/** One tag dimension: a stable code, its words, and where it reads its values from (null: nothing to say yet). */
export interface TagRule {
  code: string;
  label: string;
  group: MemberTag['group'];
  /** a preference the member can set in 我的风格档案 */
  editable?: boolean;
  derive(f: TagFacts): { values: string[]; source: TagSource; updatedAt: Date } | null;
}

/** The quiz's answer, unless the member set their own (then theirs, marked as theirs — an empty list too: "none"). */
export function preferOwn(own: string[] | undefined, ownAt: Date | undefined, quiz: string[] | undefined, f: TagFacts) {
  if (own && ownAt) return { values: own, source: 'member' as const, updatedAt: ownAt };
  if (quiz && quiz.length && f.report) return { values: quiz, source: 'quiz' as const, updatedAt: f.report.createdAt };
  return null;
}

/** The quiz's report as a tag, when there is one. */
export function fromReport(f: TagFacts, values: (r: StyleReportRecord['report']) => string[]) {
  if (!f.report) return null;
  const v = values(f.report.report);
  return v.length ? { values: v, source: 'quiz' as const, updatedAt: f.report.createdAt } : null;
}

/** Purchases as a tag: the newest order's time is when it last changed. */
export function fromPurchases(f: TagFacts, values: string[]) {
  const last = f.orders[0];
  return last && values.length ? { values, source: 'purchase' as const, updatedAt: last.paidAt } : null;
}

/** The n most frequent keys of a count, most first (ties by first seen). */
export function topKeys(counts: Map<string, number>, n: number): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
}

/** Pieces bought (qty counted), net of whole-order refunds: an order refunded in full bought nothing. */
export function keptPieces(f: TagFacts): Array<{ product: Product | undefined; qty: number; priceFen: number; storeId: string }> {
  return f.orders.filter((o) => o.refundedFen < o.amountFen).flatMap((o) => o.items.map((i) => ({ product: f.products.get(i.sku), qty: i.qty, priceFen: i.priceFen, storeId: o.storeId })));
}
