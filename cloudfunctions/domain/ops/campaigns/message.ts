import { PAGES } from '../../../contract/pages';
import { SUBSCRIBE_TEMPLATES } from '../../../contract/formats';
import type { MessageDraft } from '../../messages';
import { shopDateLabel } from '../../time';

/** WeChat's thing values are at most 20 characters. */
const thing = (text: string) => ([...text].length <= 20 ? text : `${[...text].slice(0, 19).join('')}…`);

/**
 * 专属优惠到账通知 (campaignOffer): 优惠内容 (thing1), 有效期至 (date2), 温馨提示 (thing3); a tap
 * opens the wallet. Sent once per campaign to an opted-in member holding a credit for it.
 */
export function campaignOfferMessage(couponName: string, validUntil: Date, storeName: string): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.campaignOffer.id,
    page: PAGES.wallet,
    data: {
      thing1: { value: thing(couponName) },
      date2: { value: shopDateLabel(new Date(validUntil.getTime() - 1)) },
      thing3: { value: thing(`${storeName}送你的专属优惠，已放入券包`) },
    },
  };
}
