import type { ReferralMine } from '../../../cloudfunctions/contract';
import { pageUrl } from '../../services/routes';
// the share card's picture (5:4, scripts/make-share-image.ts): the brand and the season, no reward in it
import shareImage from './share.jpg';

/**
 * What the invite page hands WeChat to share. The words invite a friend to the brand and say
 * nothing of rewards: sharing itself earns nothing (WeChat 诱导分享 rules) — rewards follow the
 * friend's own first purchase, and the page says so in its rules, not in the share card.
 */
export const SHARE_TITLE = '邀你加入悦衣会员，一起逛逛悦衣库的当季新款';
export const TIMELINE_TITLE = '悦衣会员 · 一起发现当季新款';

/** The share card (the 转发 menu and the 发给好友 button): the join page with the member's ref. */
export function shareCard(mine: ReferralMine | null): { title: string; path: string; imageUrl: string } {
  // before the code has arrived, the join page without a ref: still a fine card, it just credits no one
  const path = mine ? `/${mine.sharePath.replace(/^\/+/, '')}` : pageUrl('join');
  return { title: SHARE_TITLE, path, imageUrl: shareImage as string };
}

/**
 * A Moments share opens this page again, in single-page mode, with `ref=<code>` in its query: the
 * page then shows the invite and sends the friend on to join (ARCHITECTURE "Referral").
 */
export function timelineShare(mine: ReferralMine | null): { title: string; query: string } {
  // the share path's own query: the invite code and the inviter's home store
  return { title: TIMELINE_TITLE, query: mine ? (mine.sharePath.split('?')[1] ?? '') : '' };
}

/** The H5 preview has no WeChat share: the link a friend would open, to copy. */
export function previewLink(mine: ReferralMine, origin: string): string {
  return `${origin}/#/${mine.sharePath.replace(/^\/+/, '')}`;
}
