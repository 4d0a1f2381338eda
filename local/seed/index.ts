import type { LocalDatabase, Write } from '../cloud/database';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { catalogue } from './catalog';
import { templatesFromSeed } from '../../cloudfunctions/domain/coupons/seed';
import { stockBuckets } from '../../cloudfunctions/domain/coupons/stockBuckets';
import templateSeed from '../../cloudfunctions/database/seed/couponTemplates.json';
import referralSeed from '../../cloudfunctions/database/seed/referralProgramme.json';
import styleWeightsSeed from '../../cloudfunctions/database/seed/styleWeights.json';
import { CURRENT_WEIGHTS_ID } from '../../cloudfunctions/data/style';
import staffTagGroupsSeed from '../../cloudfunctions/database/seed/staffTagGroups.json';
import cocreationSeed from '../../cloudfunctions/database/seed/cocreationPieces.json';
import { piecesFromSeed } from '../../cloudfunctions/domain/benefits/cocreation/seed';
import { DEFINITIONS_ID, DEFAULT_DEFINITIONS } from '../../cloudfunctions/domain/ops/segments/definition';

/**
 * The demo stores, with their POS secrets (dev only). The secrets reach the functions the way
 * production's do, through the environment (STYLECLUB_POS_SECRETS, set by the local cloud), and
 * are not written into the stores collection.
 */
export const DEMO_STORES = [
  { _id: 'S001', name: '悦衣库 上海静安店', city: '上海', address: '静安区南京西路1618号', posSecret: 'dev-secret-S001', active: true },
  { _id: 'S002', name: '悦衣库 杭州湖滨店', city: '杭州', address: '上城区湖滨路28号', posSecret: 'dev-secret-S002', active: true },
];

export const DEMO_STAFF = [
  { _id: 'staff-S001', storeId: 'S001', name: '林小悦', role: 'clerk', active: true },
  { _id: 'stylist-S001', storeId: 'S001', name: '陈造型', role: 'stylist', active: true },
  { _id: 'manager-S001', storeId: 'S001', name: '林店长', role: 'manager', active: true },
  { _id: 'staff-S002', storeId: 'S002', name: '周导购', role: 'clerk', active: true },
];

/** The demo data as writes: stores, staff and the catalogue (they overwrite the same ids). */
export function demoWrites(): Write[] {
  return [
    ...DEMO_STORES.map(({ posSecret: _secret, ...s }) => ({ c: COLLECTIONS.stores, id: s._id, doc: { ...s } })),
    ...DEMO_STAFF.map((s) => ({ c: COLLECTIONS.staff, id: s._id, doc: { ...s } })),
    ...catalogueWrites(),
  ];
}

/** The catalogue of the seed file (cloudfunctions/database/seed/products.json), each product a copy. */
export function catalogueWrites(): Write[] {
  return catalogue().map((p) => ({ c: COLLECTIONS.products, id: p._id, doc: structuredClone(p) }));
}

/**
 * The coupon templates of the seed file, and the stock documents (one, or buckets for a large
 * stock) of each limited one that has none yet: templates are overwritten (the file is their
 * source), stock already taken never is — bucket 0 keeps the template's id, so it tells both.
 */
export function couponWrites(db: LocalDatabase): Write[] {
  const templates = templatesFromSeed(templateSeed as { templates: Array<Record<string, unknown>> });
  const stock = db.collection(COLLECTIONS.couponStock);
  return [
    ...templates.map((t) => ({ c: COLLECTIONS.couponTemplates, id: t._id, doc: { ...t } })),
    ...templates
      .filter((t) => t.stock !== null && !stock.has(t._id))
      .flatMap((t) => stockBuckets(t).map((b) => ({ c: COLLECTIONS.couponStock, id: b._id, doc: { ...b } }))),
  ];
}

/** The referral programme's terms (the seed file is their source: overwritten on every seed). */
export function referralWrites(): Write[] {
  const { programme } = referralSeed as { programme: { _id: string } & Record<string, unknown> };
  return [{ c: COLLECTIONS.referralProgrammes, id: programme._id, doc: { ...programme } }];
}

/** The style quiz's scoring weights (the seed file is their source: overwritten on every seed; the comment stays in the file). */
export function styleWeightsWrites(): Write[] {
  const { _comment, ...weights } = styleWeightsSeed as Record<string, unknown>;
  return [{ c: COLLECTIONS.styleWeights, id: CURRENT_WEIGHTS_ID, doc: { _id: CURRENT_WEIGHTS_ID, ...weights } }];
}

/** Writes the demo data; resolves once it is durable. Safe to run on an existing database. */
export async function seedDemoData(db: LocalDatabase): Promise<void> {
  await db.apply([...demoWrites(), ...couponWrites(db), ...referralWrites(), ...styleWeightsWrites(), ...staffTagGroupWrites(db), ...cocreationWrites(db), ...demoEventWrites(db), ...segmentDefinitionWrites(db)]);
}

/** Brings the coupon templates, the referral programme and the style weights into a database seeded before they existed. */
export async function seedCouponTemplates(db: LocalDatabase): Promise<void> {
  await db.apply([...couponWrites(db), ...referralWrites(), ...styleWeightsWrites(), ...staffTagGroupWrites(db), ...cocreationWrites(db), ...demoEventWrites(db), ...segmentDefinitionWrites(db)]);
}

/**
 * Brings a dev database seeded from an older catalogue up to the seed file: writes the products it
 * lacks, and those still in the old shape (no kind); leaves the others as they are. Returns how many.
 */
export async function seedMissingProducts(db: LocalDatabase): Promise<number> {
  const held = db.collection(COLLECTIONS.products);
  const writes = catalogueWrites().filter((w) => !held.get(w.id)?.doc.kind);
  if (writes.length) await db.apply(writes);
  return writes.length;
}

/** The staff tag groups of the seed file, each only when missing: a manager's edits are never overwritten (issue 17). */
export function staffTagGroupWrites(db: LocalDatabase): Write[] {
  const { groups } = staffTagGroupsSeed as { groups: Array<{ _id: string } & Record<string, unknown>> };
  const held = db.collection(COLLECTIONS.tagGroups);
  return groups.filter((g) => !held.has(g._id)).map((g) => ({ c: COLLECTIONS.tagGroups, id: g._id, doc: structuredClone(g) }));
}

/** The 新品共创 pieces of the seed file, each only when missing: a manager's close or launch is never overwritten (issue 18). */
export function cocreationWrites(db: LocalDatabase): Write[] {
  const held = db.collection(COLLECTIONS.cocreationPieces);
  return piecesFromSeed(cocreationSeed as { pieces: Array<Record<string, unknown>> }).filter((p) => !held.has(p._id)).map((p) => ({ c: COLLECTIONS.cocreationPieces, id: p._id, doc: { ...p } }));
}

/** The demo's private event at S001 (issue 18), only when missing: its seats and sign-ups are never reset by a reseed. */
export function demoEventWrites(db: LocalDatabase): Write[] {
  const id = 'S001-demo-salon-1220';
  if (db.collection(COLLECTIONS.events).has(id)) return [];
  const doc = {
    _id: id,
    storeId: 'S001',
    storeName: '悦衣库 上海静安店',
    address: '静安区南京西路1618号',
    title: '冬季新品私享会·围巾的十种系法',
    picture: '/static/products/YYCOA012.svg',
    description: '闭店后的专场：陈造型现场演示冬季叠穿与围巾系法，忠诚者可提前试穿尚未上架的冬季新品。席位有限，报名后凭会员码到店签到。',
    startsAt: new Date('2026-12-20T11:00:00.000Z'),
    endsAt: new Date('2026-12-20T13:00:00.000Z'),
    capacity: 30,
    tiers: ['loyal'],
    signUpFrom: new Date('2026-11-20T02:00:00.000Z'),
    signUpUntil: new Date('2026-12-19T16:00:00.000Z'),
    seatsTaken: 0,
    createdBy: { staffId: 'manager-S001', name: '林店长' },
    createdAt: new Date('2026-11-20T02:00:00.000Z'),
  };
  return [{ c: COLLECTIONS.events, id, doc }];
}

/** The brand's segment definitions of the seed file (issue 19), only when missing: a manager's edits are never overwritten. */
export function segmentDefinitionWrites(db: LocalDatabase): Write[] {
  if (db.collection(COLLECTIONS.segmentDefinitions).has(DEFINITIONS_ID)) return [];
  const doc = { _id: DEFINITIONS_ID, version: 1, definitions: structuredClone([...DEFAULT_DEFINITIONS]), updatedAt: null, updatedBy: null };
  return [{ c: COLLECTIONS.segmentDefinitions, id: DEFINITIONS_ID, doc }];
}
