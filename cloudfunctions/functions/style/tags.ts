import { votesOfMember } from '../../data/cocreation';
import { productsBySku } from '../../data/products';
import { ordersOfMemberSince } from '../../data/orders';
import { storesById } from '../../data/stores';
import { findStyleProfile, styleReportsOf } from '../../data/style';
import type { Member } from '../../domain/member';
import { STYLE_QUIZ } from '../../domain/style';
import { colourChoicesOf, preferenceChoices } from '../../domain/style/lookup';
import { memberTags } from '../../domain/tags';
import type { Database } from '../../platform/cloud';

const YEAR = 365 * 86_400_000;

/** The quiz's own choices, for editing preferences without opening the quiz. */
const PREFERENCE_CHOICES = preferenceChoices(STYLE_QUIZ);
const COLOUR_CHOICES = new Map(colourChoicesOf(STYLE_QUIZ).map((c) => [c.id, c]));

/** The member's tags, read fresh from their report, preferences, the last 12 months' orders and what they opened. */
export async function tagsOf(ctx: { db: Database; now: Date }, m: Member) {
  const [profile, reports, orders, votes] = await Promise.all([
    findStyleProfile(ctx.db, m._id),
    styleReportsOf(ctx.db, m._id, 1),
    ordersOfMemberSince(ctx.db, m._id, new Date(ctx.now.getTime() - YEAR)),
    votesOfMember(ctx.db, m._id, 1),
  ]);
  const [products, stores] = await Promise.all([productsBySku(ctx.db, orders.flatMap((o) => o.items.map((i) => i.sku))), storesById(ctx.db, [...new Set(orders.map((o) => o.storeId))])]);
  const report = reports[0] ?? null;
  const own = profile?.preferences ?? {};
  return {
    preferences: { sizes: { ...own.sizes }, fit: { ...own.fit }, scenes: own.scenes, likedColours: own.likedColours, dislikedColours: own.dislikedColours },
    choices: PREFERENCE_CHOICES,
    tags: memberTags({
      report,
      preferences: profile?.preferences ?? {},
      views: profile?.views ?? null,
      orders,
      products,
      storeNames: new Map([...stores].map(([id, s]) => [id, s.name])),
      colourChoices: COLOUR_CHOICES,
      now: ctx.now,
      cocreation: votes[0] ? { lastVotedAt: votes[0].votedAt } : null,
    }),
    hasReport: report !== null,
  };
}
