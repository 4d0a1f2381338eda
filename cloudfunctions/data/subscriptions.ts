import type { SubscribeTemplateKey } from '../contract/formats';
import { SUBSCRIBE_TEMPLATE_KEYS } from '../contract/formats';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { allByIdCursor, documents, findById, updatedCount } from './read';
import { txGet, type Transaction } from './transaction';

/** Credits a member holds per template: WeChat allows one message per accepted request. */
export interface SubscribeCredits {
  /** the memberId */
  _id: string;
  credits: Record<SubscribeTemplateKey, number>;
  updatedAt: Date;
}

/** Credits kept per template: a shopper tapping "allow" many times does not buy a flood of messages. */
export const MAX_CREDITS = 20;

const noCredits = () => Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [k, 0])) as Record<SubscribeTemplateKey, number>;

export async function findCredits(db: Database, memberId: string): Promise<Record<SubscribeTemplateKey, number>> {
  const doc = await findById<SubscribeCredits>(db, COLLECTIONS.subscriptions, memberId);
  return { ...noCredits(), ...(doc?.credits ?? {}) };
}

/** The credits of several members at once (a job's batch): one read instead of one per member. */
export async function creditsOf(db: Database, memberIds: string[]): Promise<Map<string, Record<SubscribeTemplateKey, number>>> {
  const out = new Map<string, Record<SubscribeTemplateKey, number>>();
  if (memberIds.length === 0) return out;
  const _ = db.command;
  const docs = await documents<SubscribeCredits>(db.collection(COLLECTIONS.subscriptions).where({ _id: _.in(memberIds) }).limit(1000));
  for (const d of docs) out.set(d._id, { ...noCredits(), ...d.credits });
  return out;
}

/** One more credit for the template (up to MAX_CREDITS), by an atomic increment: parallel accepts all count. */
export async function addCredit(db: Database, memberId: string, key: SubscribeTemplateKey, now: Date): Promise<void> {
  const _ = db.command;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const res = await db
      .collection(COLLECTIONS.subscriptions)
      .where({ _id: memberId, [`credits.${key}`]: _.lt(MAX_CREDITS) })
      .update({ data: { [`credits.${key}`]: _.inc(1), updatedAt: now } });
    if (updatedCount(res) === 1) return;
    const existing = await findById<SubscribeCredits>(db, COLLECTIONS.subscriptions, memberId);
    if (existing) {
      if ((existing.credits[key] ?? 0) >= MAX_CREDITS) return;
      // a template added since the document was made: give it its counter, then increment
      await db.collection(COLLECTIONS.subscriptions).where({ _id: memberId, [`credits.${key}`]: _.exists(false) }).update({ data: { [`credits.${key}`]: 0 } });
      continue;
    }
    try {
      await db.collection(COLLECTIONS.subscriptions).add({ data: { _id: memberId, credits: { ...noCredits(), [key]: 1 }, updatedAt: now } });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new Error('could not record a subscribe credit');
}

/** A subscribe message, recorded before it is sent: its id names the occasion, so it goes out at most once. */
export interface SentMessage {
  /** `${templateKey}:${memberId}:${occasion}` */
  _id: string;
  memberId: string;
  template: SubscribeTemplateKey;
  status: 'sending' | 'sent' | 'failed';
  data: Record<string, { value: string }>;
  page: string;
  at: Date;
  errCode?: number;
}

export const messageId = (key: SubscribeTemplateKey, memberId: string, occasion: string) => `${key}:${memberId}:${occasion}`;

/**
 * Spends one credit and records the message in one transaction. False (and nothing written) when
 * the member holds no credit or the message for this occasion exists already (a rerun).
 */
export async function reserveMessage(t: Transaction, message: SentMessage): Promise<boolean> {
  const credits = await txGet<SubscribeCredits>(t, COLLECTIONS.subscriptions, message.memberId);
  const existing = await txGet<SentMessage>(t, COLLECTIONS.messages, message._id);
  if (existing || !credits || (credits.credits[message.template] ?? 0) <= 0) return false;
  await t.collection(COLLECTIONS.messages).add({ data: message });
  await t.collection(COLLECTIONS.subscriptions).doc(message.memberId).update({ data: { [`credits.${message.template}`]: credits.credits[message.template] - 1, updatedAt: message.at } });
  return true;
}

export async function markMessage(db: Database, id: string, status: 'sent' | 'failed', errCode?: number): Promise<void> {
  await db.collection(COLLECTIONS.messages).doc(id).update({ data: errCode === undefined ? { status } : { status, errCode } });
}

/** Leaving the programme: the member's credits and message records go with them. */
export async function deleteSubscriptionsOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.subscriptions).doc(memberId).remove();
  await db.collection(COLLECTIONS.messages).where({ memberId }).remove();
}

/** Every subscribe message recorded for the member (their export), in `_id` order, paged. */
export const messagesOf = (db: Database, memberId: string) => allByIdCursor<SentMessage>(db, COLLECTIONS.messages, { memberId });
