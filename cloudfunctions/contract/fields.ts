import * as z from 'zod/mini';

/** Field schemas shared by several actions. Each refuses what the product cannot use. */

export const storeIdSchema = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}$/, 'storeId looks like S001'));

/** True for a real calendar month-day ("02-29" included: members born on a leap day exist). */
export function isCalendarMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0);
}

export const birthdaySchema = z
  .string()
  .check(z.refine(isCalendarMonthDay, 'birthday is a real month-day, MM-DD'));

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

/** Shown on the card and to staff: trimmed, 1–20 visible characters. */
export const nicknameSchema = z
  .pipe(
    z.string().check(z.maxLength(256, `nickname is at most ${NICKNAME_MAX_CHARS} characters`)),
    z.transform((s: string) => s.normalize('NFC').trim()),
  )
  .check(
    z.check((ctx) => {
      const problem = nicknameProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  );

/** Path segments of plain characters: no empty, "." or ".." segment. */
const SAFE_PATH = '(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*)(?:/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*))*';
/** A cloud storage file id: cloud://<env>.<bucket>/<path>. */
const CLOUD_FILE_ID = new RegExp(`^cloud://[A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z0-9][A-Za-z0-9-]*)*/${SAFE_PATH}$`);
/** WeChat's own avatar host (chooseAvatar / open-data avatars). */
const WECHAT_AVATAR = new RegExp(`^https://(?:thirdwx|wx)\\.qlogo\\.cn/${SAFE_PATH}$`);

/** An avatar is an image in the programme's cloud storage, or a WeChat avatar URL: never an arbitrary host. */
export const avatarSchema = z
  .string()
  .check(
    z.maxLength(512),
    z.refine((v: string) => CLOUD_FILE_ID.test(v) || WECHAT_AVATAR.test(v), 'avatar is a cloud:// file id or a WeChat avatar URL'),
  );

/** Invite codes carried by a share path (`ref=`). */
export const inviteCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9]{4,16}$/, 'invite code is 4–16 letters or digits'));

/** The till code a member shows: 18 digits, fits a Code 128 barcode. */
export const memberCodeSchema = z.string().check(z.regex(/^\d{18}$/, 'member code is 18 digits'));

export const tierSchema = z.enum(['explorer', 'grower', 'loyal']);
export type TierCode = z.infer<typeof tierSchema>;

export const isoInstantSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/));

export const emptyInput = z.strictObject({});
