import type { LocalDatabase, Write } from '../cloud/database';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { buildCatalog } from './catalog';

/** POS secrets of the demo stores (dev only; production keeps real secrets out of the repo). */
export const DEMO_STORES = [
  { _id: 'S001', name: '悦衣库 上海静安店', city: '上海', address: '静安区南京西路1618号', posSecret: 'dev-secret-S001', active: true },
  { _id: 'S002', name: '悦衣库 杭州湖滨店', city: '杭州', address: '上城区湖滨路28号', posSecret: 'dev-secret-S002', active: true },
];

export const DEMO_STAFF = [
  { _id: 'staff-S001', storeId: 'S001', name: '林店长', role: 'manager', active: true },
  { _id: 'staff-S002', storeId: 'S002', name: '周导购', role: 'clerk', active: true },
];

/** The demo data as writes: stores, staff and the catalogue (they overwrite the same ids). */
export function demoWrites(): Write[] {
  return [
    ...DEMO_STORES.map((s) => ({ c: COLLECTIONS.stores, id: s._id, doc: { ...s } })),
    ...DEMO_STAFF.map((s) => ({ c: COLLECTIONS.staff, id: s._id, doc: { ...s } })),
    ...buildCatalog().map((p) => ({ c: COLLECTIONS.products, id: p._id, doc: { ...p } })),
  ];
}

/** Writes the demo data; resolves once it is durable. Safe to run on an existing database. */
export async function seedDemoData(db: LocalDatabase): Promise<void> {
  await db.apply(demoWrites());
}
