import { PAGES } from '../../contract/pages';

/** Where an invitation opens: the join page. */
export const JOIN_PAGE = PAGES.join;

/**
 * The share card's path: the join page with the invite code and the inviter's home store, so a
 * friend opening it at home can join (a member joins at a store; the store can be changed later
 * by scanning another).
 */
export const sharePath = (code: string, storeId: string) => `${JOIN_PAGE}?ref=${code}&storeId=${storeId}`;

/** A poster's mini program code carries `r=<code>&s=<store>` in its scene (≤ 32 characters, WeChat's limit: 8 + 2 + 3 + 16). */
export const joinScene = (code: string, storeId: string) => `r=${code}&s=${storeId}`;
