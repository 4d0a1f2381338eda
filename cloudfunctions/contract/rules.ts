/**
 * The field rules as plain functions and patterns, free of zod: the mini program checks a form
 * with the very rules the functions apply, without bundling the schema library.
 */

/** The privacy notice a member agrees to when joining (its text lives in the app's PrivacyNotice); bump it when the text changes. */
export const PRIVACY_POLICY_VERSION = '2026-11';

export const STORE_ID = /^[A-Z][A-Z0-9]{1,15}$/;
export const INVITE_CODE = /^[A-Za-z0-9]{4,16}$/;
export const MEMBER_CODE = /^\d{18}$/;

/** True for a real calendar month-day ("02-29" included: members born on a leap day exist). */
export function isCalendarMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0);
}

/** Characters that are invisible or break text: controls, format marks (zero-width, bidi overrides), lone surrogates, private use, unassigned, line separators. */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
/** What shows nothing on its own: spaces, combining marks, format marks and blank-looking letters. */
const INVISIBLE = /[\p{White_Space}\p{M}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Emoji built with joiners or tags (👨‍💻, 🏳️‍🌈, 🏴󠁧󠁢󠁳󠁣󠁴󠁿): their format marks are part of a visible picture. */
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?(?:(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)+|[\u{E0020}-\u{E007E}]+\u{E007F})/gu;
export const NICKNAME_MAX_CHARS = 20;

/** Characters as a person counts them (one emoji with a skin tone is one); code points where Intl.Segmenter is missing. */
function visibleLength(text: string): number {
  const Segmenter = (Intl as { Segmenter?: new (l: string, o: { granularity: 'grapheme' }) => { segment(t: string): Iterable<unknown> } }).Segmenter;
  return Segmenter ? [...new Segmenter('zh', { granularity: 'grapheme' }).segment(text)].length : [...text].length;
}

/** Why a (trimmed, NFC) nickname cannot be shown on a card, or null. */
export function nicknameProblem(nickname: string): string | null {
  if (nickname.replace(INVISIBLE, '') === '') return 'nickname is empty';
  if (UNSHOWABLE.test(nickname.replace(EMOJI_SEQUENCE, '_'))) return 'nickname has invisible or control characters';
  if (visibleLength(nickname) > NICKNAME_MAX_CHARS) return `nickname is at most ${NICKNAME_MAX_CHARS} characters`;
  return null;
}

/** Path segments of plain characters: no empty, "." or ".." segment. */
const SAFE_PATH = '(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*)(?:/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*))*';
/** A cloud storage file id: cloud://<env>.<bucket>/<path>. */
export const CLOUD_FILE_ID = new RegExp(`^cloud://[A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z0-9][A-Za-z0-9-]*)*/${SAFE_PATH}$`);
/** WeChat's own avatar host (chooseAvatar / open-data avatars). */
export const WECHAT_AVATAR = new RegExp(`^https://(?:thirdwx|wx)\\.qlogo\\.cn/${SAFE_PATH}$`);

/** True for an avatar the programme accepts: its own cloud storage or WeChat's avatar host. */
export function isAvatarRef(value: string): boolean {
  return value.length <= 512 && (CLOUD_FILE_ID.test(value) || WECHAT_AVATAR.test(value));
}
