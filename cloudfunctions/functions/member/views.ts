import type { JoinGift } from '../../contract';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import type { CouponTemplate } from '../../domain/coupons/template';
import { templateValidityText } from '../../domain/coupons/validity';
import { templateFace } from '../../domain/coupons/view';
import { consentLog, type Member } from '../../domain/member';
import { toIso } from '../../domain/time';

/** The consent record as the consent action answers it and the export carries it. */
export function consentView(m: Member) {
  return {
    privacy: { accepted: true, version: m.consent.privacy.version, acceptedAt: toIso(m.consent.privacy.acceptedAt) },
    marketing: { optIn: m.consent.marketing.optIn, changedAt: toIso(m.consent.marketing.changedAt) },
    history: consentLog(m).map((e) => ({ kind: e.kind, granted: e.granted, at: toIso(e.at), ...(e.version ? { version: e.version } : {}) })),
  };
}

/**
 * What joining brings, read from the templates the join issues (the brand edits them, the page
 * follows): the welcome coupon for everyone, the opt-in coupon for switching news on. An inactive
 * template is promised nowhere. A shopper who held one in an earlier membership does not get it
 * again (once ever): the page is public and knows nobody yet, so that is said at the till, not here.
 */
export function joinGifts(templates: Map<string, CouponTemplate>): JoinGift[] {
  const gifts: JoinGift[] = [];
  const welcome = templates.get(EVENT_TEMPLATES.join);
  if (welcome?.active) {
    const face = templateFace(welcome);
    gifts.push({ on: 'join', name: welcome.name, text: [`入会即得${face.value}券`, face.rule, ...face.notes, templateValidityText(welcome.validity, '入会')].join(' · ') });
  }
  const optIn = templates.get(EVENT_TEMPLATES.optIn);
  if (optIn?.active) {
    const face = templateFace(optIn);
    gifts.push({ on: 'marketingOptIn', name: optIn.name, text: `开启新品与优惠消息，再得 ${face.value} ${face.rule}券` });
  }
  return gifts;
}
