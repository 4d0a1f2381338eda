import type { SubscribeTemplateKey } from '../../contract/formats';
import { markMessage, messageId, reserveMessage } from '../../data/subscriptions';
import { retryingRaces, transaction } from '../../data/transaction';
import type { MessageDraft } from '../../domain/messages';
import type { Member } from '../../domain/member';
import { openapi } from '../../platform/cloud';
import type { Database } from '../../platform/cloud';

/**
 * Sends a subscribe message once per occasion, and only to a member holding a credit for its
 * template: the credit is spent in the same transaction that records the message (keyed by the
 * occasion), before WeChat is asked to send it, so a rerun finds the record and sends nothing
 * twice. True when it went out.
 */
export async function sendOnce(db: Database, m: Pick<Member, '_id' | 'openid'>, key: SubscribeTemplateKey, occasion: string, draft: MessageDraft, now: Date): Promise<boolean> {
  const id = messageId(key, m._id, occasion);
  const reserved = await retryingRaces(() =>
    transaction(db, (t) => reserveMessage(t, { _id: id, memberId: m._id, template: key, status: 'sending', data: draft.data, page: draft.page, at: now })),
  );
  if (!reserved) return false;
  try {
    await openapi().subscribeMessage.send({ touser: m.openid, templateId: draft.templateId, page: draft.page, data: draft.data, miniprogramState: 'formal' });
    await markMessage(db, id, 'sent');
    return true;
  } catch (err) {
    // the credit stays spent: WeChat refused it (the member withdrew consent) or it is unknown whether it went out
    await markMessage(db, id, 'failed', (err as { errCode?: number }).errCode ?? -1);
    return false;
  }
}
