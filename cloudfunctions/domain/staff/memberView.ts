import type { MemberTag } from '../../contract/style';
import type { MemberView, NoteView } from '../../contract/staffMember';
import type { Product } from '../../contract/catalog';
import { COLOUR_SEASON_NAMES } from '../../contract/styleWords';
import type { Coupon } from '../coupons/template';
import { walletStatusOf } from '../coupons/view';
import { type Member, standingOf, tierRecordOf } from '../member';
import { expiringBy, nextExpiryBatch } from '../points/account';
import { accountNow, EXPIRING_SOON_DAYS } from '../points/summary';
import { figuresAsOf } from '../standing';
import type { StyleProfile, StyleReportRecord } from '../style/records';
import { nextTierRoute } from '../tierRules/nextTier';
import { tierOf } from '../tiers';
import type { TillOrder } from '../till/records';
import { toIso } from '../time';
import { isListed, type WardrobeItem } from '../wardrobe/item';
import { compensationCouponId } from './complaint';
import type { StaffNote } from './notes';
import { staffTagsOf, type MemberStaffTag, type TagGroup } from './tags';
import type { StoreTodo } from './todo';

/** How many recent orders and wardrobe pieces the clerk sees. */
export const RECENT_ORDERS_SHOWN = 5;
export const WARDROBE_SHOWN = 6;
/** The member's style tags the clerk sees (the quiz's and purchases' first few). */
const STYLE_TAGS_SHOWN = 8;

/** Everything the member view is made of, read by the handler (notes and to-dos already only the viewing store's). */
export interface MemberViewFacts {
  member: Member;
  viewerStoreId: string;
  coupons: Coupon[];
  report: StyleReportRecord | null;
  profile: StyleProfile | null;
  tags: MemberTag[];
  orders: TillOrder[];
  products: ReadonlyMap<string, Product>;
  storeNames: ReadonlyMap<string, string>;
  wardrobe: WardrobeItem[];
  notes: StaffNote[];
  todos: StoreTodo[];
  staffTags: MemberStaffTag[];
  groups: TagGroup[];
  codeExpiresAt: Date | null;
}

export function noteView(n: StaffNote, couponIds: ReadonlySet<string>): NoteView {
  return { noteId: n._id, kind: n.kind, text: n.text, staffName: n.staffName, at: toIso(n.at), compensated: n.kind === 'complaint' ? couponIds.has(compensationCouponId(n.memberId, n._id)) : null };
}

export function todoView(t: StoreTodo, now: Date) {
  return { todoId: t._id, kind: t.kind, reason: t.reason, dueAt: toIso(t.dueAt), overdue: t.dueAt.getTime() < now.getTime(), complaintId: t.complaintId };
}

/** What a clerk sees of the member: masked, no openid, no birthday, the store's own notes and to-dos. */
export function memberView(f: MemberViewFacts, now: Date): MemberView {
  const m = f.member;
  const account = accountNow(m, now);
  const batch = nextExpiryBatch(account);
  const next = nextTierRoute(m.tier, figuresAsOf(tierRecordOf(m), now));
  const ordered = !!m.firstOrderAt;
  const usable = f.coupons
    .filter((c) => c.status === 'available' && walletStatusOf(c, ordered, now, m).status === 'available')
    .sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime());
  const couponIds = new Set(f.coupons.map((c) => c._id));
  const own = f.profile?.preferences.sizes ?? {};
  const quiz = f.report?.report.sizes;
  const report = f.report?.report ?? null;
  return {
    member: {
      memberId: m._id,
      nickname: m.nickname,
      avatar: m.avatar,
      phoneMasked: m.phoneMasked,
      homeStore: m.homeStore,
      ofThisStore: m.homeStore.storeId === f.viewerStoreId,
      memberSince: toIso(m.joinedAt),
    },
    tier: { code: m.tier, name: tierOf(standingOf(m).tier).name, next: next ? { name: next.name, text: next.text, ratio: next.ratio } : null },
    points: {
      balance: account.balance,
      expiringSoon: expiringBy(account, new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000)),
      nextExpiry: batch ? { points: batch.points, expiresAt: toIso(batch.expiresAt) } : null,
    },
    coupons: usable.map((c) => ({ couponId: c._id, name: c.name, validUntil: toIso(c.validUntil) })),
    style: {
      season: report ? COLOUR_SEASON_NAMES[report.colour.season] : null,
      styles: report ? [report.style.primary.style, report.style.secondary.style] : [],
      tags: f.tags.slice(0, STYLE_TAGS_SHOWN).map((t) => ({ label: t.label, values: t.values })),
    },
    sizes: { top: own.top ?? quiz?.top ?? null, bottom: own.bottom ?? quiz?.bottom ?? null, shoes: own.shoes ?? quiz?.shoes ?? null },
    orders: f.orders.slice(0, RECENT_ORDERS_SHOWN).map((o) => ({
      paidAt: toIso(o.paidAt),
      storeName: f.storeNames.get(o.storeId) ?? o.storeId,
      amountFen: o.amountFen,
      items: o.items.map((i) => ({ name: f.products.get(i.sku)?.name ?? i.sku, qty: i.qty, priceFen: i.priceFen, size: i.size ?? null })),
    })),
    wardrobe: f.wardrobe
      .filter(isListed)
      .sort((a, b) => b.wornDays.length - a.wornDays.length || b.addedAt.getTime() - a.addedAt.getTime())
      .slice(0, WARDROBE_SHOWN)
      .map((i) => ({ name: i.name, category: i.category, image: i.image, wears: i.wornDays.length })),
    notes: f.notes.filter((n) => n.storeId === f.viewerStoreId).map((n) => noteView(n, couponIds)),
    todos: f.todos.filter((t) => t.storeId === f.viewerStoreId).map((t) => todoView(t, now)),
    staffTags: staffTagsOf(f.staffTags, f.groups),
    codeExpiresAt: f.codeExpiresAt ? toIso(f.codeExpiresAt) : null,
  };
}
