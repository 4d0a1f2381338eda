import { PAGES } from '../../contract/pages';

/** Where an invitation opens: the join page. */
export const JOIN_PAGE = PAGES.join;

/** The share card's path: the join page with the invite code. */
export const sharePath = (code: string) => `${JOIN_PAGE}?ref=${code}`;

/** A poster's mini program code carries `r=<code>` in its scene (≤ 32 characters, WeChat's limit). */
export const joinScene = (code: string) => `r=${code}`;
