import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents } from './read';

/** The catalogue's names of these SKUs (the till sends SKUs; a shopper reads names). */
export async function productNames(db: Database, skus: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(skus)];
  const names = new Map<string, string>();
  const _ = db.command;
  for (let i = 0; i < wanted.length; i += 1000) {
    const page = await documents<{ _id: string; name: string }>(db.collection(COLLECTIONS.products).where({ _id: _.in(wanted.slice(i, i + 1000)) }).field({ name: true }).limit(1000));
    for (const p of page) names.set(p._id, p.name);
  }
  return names;
}
