import { failure, type Outcome, success } from '../../contract';
import { couponsOfMember } from '../../data/coupons';
import { findMember } from '../../data/members';
import { ordersOfMemberSince } from '../../data/orders';
import { productsBySku } from '../../data/products';
import { lookedAtSince } from '../../data/staffAuditLog';
import { notesOfMember } from '../../data/staffNotes';
import { staffTagsOfMember, tagGroups } from '../../data/staffTags';
import { storesById } from '../../data/stores';
import { findStyleProfile, styleReportsOf } from '../../data/style';
import { openTodosOfMember } from '../../data/todos';
import { wardrobeOf } from '../../data/wardrobe';
import type { Member } from '../../domain/member';
import { NOTES_SHOWN } from '../../domain/staff/notes';
import type { MemberViewFacts } from '../../domain/staff/memberView';
import { mayServe, SERVED_WINDOW_MS, VIEW_WHY } from '../../domain/staff/serving';
import type { Staff } from '../../domain/staff/staff';
import { STYLE_QUIZ } from '../../domain/style';
import { colourChoicesOf } from '../../domain/style/lookup';
import { memberTags } from '../../domain/tags';
import type { Database } from '../../platform/cloud';

const YEAR = 365 * 86_400_000;
const COLOUR_CHOICES = new Map(colourChoicesOf(STYLE_QUIZ).map((c) => [c.id, c]));

/**
 * The member staff named by id, if they may serve them (their store's member, one who showed
 * them a live code lately, or one their store has an open to-do about — a detractor's call-back
 * goes to the store of the order, which may not be the member's home store); NOT_FOUND otherwise,
 * the same for "no such member" and "not yours".
 */
export async function servedMember(db: Database, staff: Staff, memberId: string, now: Date): Promise<Outcome<Member>> {
  const member = await findMember(db, memberId);
  const ours = member?.homeStore.storeId === staff.storeId;
  const served = !ours && member ? (await lookedAtSince(db, staff._id, memberId, VIEW_WHY.code, new Date(now.getTime() - SERVED_WINDOW_MS))) || (await openTodosOfMember(db, staff.storeId, memberId)).length > 0 : false;
  if (!mayServe(staff, member, served)) return failure('NOT_FOUND', 'no such member at this store');
  return success(member!);
}

/** Everything the member view shows, read for one member: the viewing store's notes and to-dos only. */
export async function memberViewFacts(db: Database, staff: Staff, member: Member, now: Date, codeExpiresAt: Date | null): Promise<MemberViewFacts> {
  const [coupons, profile, reports, orders, wardrobe, notes, todos, staffTags, groups] = await Promise.all([
    couponsOfMember(db, member._id),
    findStyleProfile(db, member._id),
    styleReportsOf(db, member._id, 1),
    ordersOfMemberSince(db, member._id, new Date(now.getTime() - YEAR)),
    wardrobeOf(db, member._id),
    notesOfMember(db, staff.storeId, member._id, NOTES_SHOWN),
    openTodosOfMember(db, staff.storeId, member._id),
    staffTagsOfMember(db, member._id),
    tagGroups(db),
  ]);
  const [products, stores] = await Promise.all([productsBySku(db, orders.flatMap((o) => o.items.map((i) => i.sku))), storesById(db, [...new Set(orders.map((o) => o.storeId))])]);
  const storeNames = new Map([...stores].map(([id, s]) => [id, s.name]));
  const report = reports[0] ?? null;
  const tags = memberTags({ report, preferences: profile?.preferences ?? {}, views: profile?.views ?? null, orders, products, storeNames, colourChoices: COLOUR_CHOICES, now });
  return { member, viewerStoreId: staff.storeId, coupons, report, profile, tags, orders, products, storeNames, wardrobe, notes, todos, staffTags, groups, codeExpiresAt };
}
