import { PAGES } from '../../contract/pages';
import type { Staff } from './staff';

/**
 * A clerk's personal join code. Not the openid (it must never leave the server) and not derived from
 * it: a digest short enough for the scene would be a weak, unchangeable pseudonym of the openid.
 * Instead six random characters of the invite alphabet (31^6 ≈ 8.9 × 10^8 codes for a few thousand
 * staff), drawn on first use and stored on the staff document, held by its own document keyed by
 * the code (staffJoinCodes), so a code names one staff member and stays printed on their poster for good. A clerk who leaves is
 * marked inactive: their code then signs shoppers up to the store only.
 */
export const CLERK_CODE_LENGTH = 6;

/** The staff document as the join code reads it (the code is absent until first drawn). */
export type StaffWithCode = Staff & { joinCode?: string };

/** Where a clerk's code opens: the join page. */
export const CLERK_JOIN_PAGE = PAGES.join;

/** The scene of a clerk's mini program code: `s=<store>&c=<code>`, at most 2 + 16 + 3 + 8 = 29 of WeChat's 32 characters. */
export const clerkScene = (storeId: string, code: string) => `s=${storeId}&c=${code}`;

/** WeChat's limit on a wxacode.getUnlimited scene. */
export const SCENE_MAX = 32;
