import rulesSeed from '../database/seed/alertRules.json';
import type { StoreAlert } from '../domain/ops/alerts/alert';
import type { AlertRules } from '../domain/ops/alerts/rule';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { documents, findById, updatedCount } from './read';
import type { Store } from './stores';

/** The rules' document the brand may keep in the database; without it, the seeded rules. */
const CURRENT_RULES = 'current';

/** The alert rules in force: the `alertRules` collection's current document, else database/seed/alertRules.json. */
export async function alertRulesOf(db: Database): Promise<AlertRules> {
  const kept = await findById<AlertRules & { _id: string }>(db, COLLECTIONS.alertRules, CURRENT_RULES).catch(() => null);
  if (kept && Array.isArray(kept.rules) && Array.isArray(kept.holidays)) return { rules: kept.rules, holidays: kept.holidays };
  const { rules, holidays } = rulesSeed as unknown as AlertRules;
  return { rules, holidays };
}

/** Raises an alert once: its id names the store, rule and day, so a rerun or a parallel runner finds it there. */
export async function insertAlert(db: Database, alert: StoreAlert): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.storeAlerts, alert);
}

export const findAlert = (db: Database, id: string) => findById<StoreAlert>(db, COLLECTIONS.storeAlerts, id);

/** The store's open (or handled) alerts, the latest day first, through the store + state + day index. */
export async function alertsOfStore(db: Database, storeId: string, state: StoreAlert['state'], limit: number): Promise<StoreAlert[]> {
  return documents<StoreAlert>(db.collection(COLLECTIONS.storeAlerts).where({ storeId, state }).orderBy('day', 'desc').orderBy('_id', 'asc').limit(limit));
}

export async function openAlertCount(db: Database, storeId: string): Promise<number> {
  return ((await db.collection(COLLECTIONS.storeAlerts).where({ storeId, state: 'open' }).count()) as { total: number }).total;
}

/** Marks an open alert of the store handled (compare-and-set): false when it was not open (handled already, or not the store's). */
export async function closeAlert(db: Database, id: string, storeId: string, by: { staffId: string; name: string }, now: Date): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.storeAlerts).where({ _id: id, storeId, state: 'open' }).update({ data: { state: 'done', closedBy: by, closedAt: now } });
  return updatedCount(res) === 1;
}

/** A page of the open stores in id order after `after` (the alerts job's batches). */
export async function openStoresAfter(db: Database, after: string | null, limit: number): Promise<Store[]> {
  const _ = db.command;
  return documents<Store>(db.collection(COLLECTIONS.stores).where({ active: true, ...(after ? { _id: _.gt(after) } : {}) }).orderBy('_id', 'asc').limit(limit));
}

/** When the store's first member joined (the start of its history), through the home store + joinedAt index; null: no member yet. */
export async function firstJoinOf(db: Database, storeId: string): Promise<Date | null> {
  const [first] = await documents<{ joinedAt: Date }>(db.collection(COLLECTIONS.members).where({ 'homeStore.storeId': storeId }).orderBy('joinedAt', 'asc').limit(1).field({ joinedAt: true }));
  return first?.joinedAt ?? null;
}
