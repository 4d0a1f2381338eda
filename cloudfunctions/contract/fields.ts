import * as z from 'zod/mini';
import { INVITE_CODE, isAvatarRef, isCalendarMonthDay, MEMBER_CODE, STORE_ID } from './formats';
import { NICKNAME_MAX_CHARS, nicknameProblem, plainTextProblem } from './nickname';

export { isCalendarMonthDay } from './formats';
export { NICKNAME_MAX_CHARS, nicknameProblem } from './nickname';

/** Field schemas shared by several actions. Each refuses what the product cannot use. */

export const storeIdSchema = z.string().check(z.regex(STORE_ID, 'storeId looks like S001'));

export const birthdaySchema = z
  .string()
  .check(z.refine(isCalendarMonthDay, 'birthday is a real month-day, MM-DD'));

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

/** An avatar is an image in the programme's cloud storage, or a WeChat avatar URL: never an arbitrary host. */
export const avatarSchema = z
  .string()
  .check(
    z.maxLength(512),
    z.refine(isAvatarRef, 'avatar is a cloud:// file id or a WeChat avatar URL'),
  );

/** Invite codes carried by a share path (`ref=`). */
export const inviteCodeSchema = z.string().check(z.regex(INVITE_CODE, 'invite code is 4–16 letters or digits'));

/** The till code a member shows: 18 digits, fits a Code 128 barcode. */
export const memberCodeSchema = z.string().check(z.regex(MEMBER_CODE, 'member code is 18 digits'));

export const tierSchema = z.enum(['explorer', 'grower', 'loyal']);
export type TierCode = z.infer<typeof tierSchema>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** A real UTC instant as toISOString writes it (milliseconds optional): "2026-12-99T11:00:00Z" or "2026-02-29T…" is refused, not read as Invalid Date or the next month. */
export function isIsoInstant(s: string): boolean {
  if (!ISO_INSTANT.test(s)) return false;
  const t = Date.parse(s);
  return Number.isFinite(t) && new Date(t).toISOString() === (s.length === 20 ? `${s.slice(0, 19)}.000Z` : s);
}

export const isoInstantSchema = z.string().check(z.refine(isIsoInstant, 'not a real instant (YYYY-MM-DDTHH:mm:ss[.sss]Z)'));

export const emptyInput = z.strictObject({});

/** Subscribe-message credits held per template (one message each). */
export const remindersSchema = z.object({ pointsExpiring: z.number(), couponExpiring: z.number(), birthdayGift: z.number(), referralReward: z.number(), outfitInspiration: z.number(), bookingReminder: z.number(), campaignOffer: z.number() });

/** A member number as staff and the till name it: 12 digits (member.enroll draws them). */
export const memberIdSchema = z.string().check(z.regex(/^\d{12}$/, 'memberId is 12 digits'));

/**
 * A short word a filter names (a size, a colour): visible characters only — no controls, bidi
 * overrides or zero-width marks (the plain-text rule) — at most `maxChars`.
 */
export function visibleWordSchema(maxChars: number, message: string) {
  return z.string().check(visibleText(maxChars, message));
}

/**
 * An id or cursor the functions handed out (a to-do, a page's end, a piece, the phone button's
 * one-time code): visible ASCII only, no spaces. The handler still judges whether it names
 * anything; this keeps controls, bidi and zero-width tricks from ever reaching it.
 */
export function opaqueIdSchema(maxChars: number) {
  return z.string().check(z.maxLength(maxChars), z.regex(/^[\x21-\x7E]+$/, 'is 1 or more visible ASCII characters (letters, digits, punctuation)'));
}

/**
 * Optional words a person adds (a note to a booking or an outfit list, an outfit's reason):
 * trimmed, empty allowed, else the plain-text rule, at most `maxChars`. Its size is judged
 * before trimming, so padding is no way past it.
 */
export function optionalWordsSchema(maxChars: number, message: string) {
  return z.string().check(z.maxLength(maxChars * 8, message), z.trim(), z.refine((s: string) => s === '' || (s.length <= maxChars * 8 && plainTextProblem(s, maxChars) === null), message));
}

/**
 * The plain-text rule as a check (on a string already trimmed, for the short names people type).
 * The length comes first: zod runs every check, and counting graphemes of a huge string is what
 * a hostile request would want.
 */
export const visibleText = (maxChars: number, message: string) => z.refine<string>((s) => s.length <= maxChars * 8 && plainTextProblem(s, maxChars) === null, message);

/**
 * Free text people write (trimmed, NFC): visible characters only — no controls, bidi overrides or
 * zero-width marks — at most `maxChars` as a person counts them. Staff notes, outfit lists, event
 * and piece texts, vote comments. `emptyAllowed`: an optional text (a comment, a description) may
 * be left empty, and is then "".
 */
export function plainTextSchema(maxChars: number, emptyAllowed = false) {
  return z
    .pipe(
      z.string().check(z.maxLength(maxChars * 8, `text is at most ${maxChars} characters`)),
      z.transform((s: string) => s.normalize('NFC').trim()),
    )
    .check(
      z.check((ctx) => {
        if (emptyAllowed && ctx.value === '') return;
        const problem = plainTextProblem(ctx.value, maxChars);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      }),
    );
}
