import { serviceFor } from './cloud';

/** How many invitees one page of the list asks for (the contract allows up to 50). */
export const INVITEES_PAGE_SIZE = 20;

/** The `referral` function's calls, named as the invite page, the join page and the card think of them. */
export const referralApi = serviceFor('referral', (referral) => ({
  /** the member's invite code, share path, poster scene, stats, progress to 忠诚者 and the terms */
  mine: () => referral('mine'),
  /** a page of the member's invitees, newest first; `before` is the `nextBefore` of the page already shown */
  invitees: (before?: string) => referral('invitees', before === undefined ? { limit: INVITEES_PAGE_SIZE } : { before, limit: INVITEES_PAGE_SIZE }),
  /** who invites the shopper opening a join link, and what both get (no membership needed) */
  inviter: (ref: string) => referral('inviter', { ref }),
  /** the poster's mini program code for `r=<code>`, a PNG in base64 */
  posterCode: () => referral('posterCode'),
}));
