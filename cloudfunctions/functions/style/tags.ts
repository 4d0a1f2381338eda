import { productsBySku } from '../../data/products';
import { ordersOfMemberSince } from '../../data/orders';
import { storesById } from '../../data/stores';
import { findStyleProfile, styleReportsOf } from '../../data/style';
import type { Member } from '../../domain/member';
import { STYLE_QUIZ } from '../../domain/style';
import { memberTags } from '../../domain/tags';
import type { Database } from '../../platform/cloud';

const YEAR = 365 * 86_400_000;

/** The member's tags, read fresh from their report, preferences, the last 12 months' orders and what they opened. */
export async function tagsOf(ctx: { db: Database; now: Date }, m: Member) {
  const [profile, reports, orders] = await Promise.all([
    findStyleProfile(ctx.db, m._id),
    styleReportsOf(ctx.db, m._id, 1),
    ordersOfMemberSince(ctx.db, m._id, new Date(ctx.now.getTime() - YEAR)),
  ]);
  const [products, stores] = await Promise.all([productsBySku(ctx.db, orders.flatMap((o) => o.items.map((i) => i.sku))), storesById(ctx.db, [...new Set(orders.map((o) => o.storeId))])]);
  const colourChoices = new Map(STYLE_QUIZ.steps.flatMap((s) => (s.kind === 'likes' ? s.colours : [])).map((c) => [c.id, c]));
  const report = reports[0] ?? null;
  return {
    tags: memberTags({
      report,
      preferences: profile?.preferences ?? {},
      views: profile?.views ?? null,
      orders,
      products,
      storeNames: new Map([...stores].map(([id, s]) => [id, s.name])),
      colourChoices,
      now: ctx.now,
    }),
    hasReport: report !== null,
  };
}
