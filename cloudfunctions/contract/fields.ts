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

/** Shown on the card and to staff: trimmed, 1–20 characters, no control characters. */
export const nicknameSchema = z
  .pipe(
    z.string().check(z.maxLength(64)),
    z.transform((s: string) => s.trim()),
  )
  .check(
    z.minLength(1, 'nickname is empty'),
    z.maxLength(20, 'nickname is at most 20 characters'),
    // eslint-disable-next-line no-control-regex
    z.regex(/^[^\u0000-\u001f\u007f]+$/, 'nickname has control characters'),
  );

/** An avatar is a cloud storage file id or an https image URL. */
export const avatarSchema = z
  .string()
  .check(z.maxLength(512), z.regex(/^(cloud:\/\/|https:\/\/)[^\s]+$/, 'avatar is a cloud:// file id or https URL'));

/** Invite codes carried by a share path (`ref=`). */
export const inviteCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9]{4,16}$/, 'invite code is 4–16 letters or digits'));

/** The till code a member shows: 18 digits, fits a Code 128 barcode. */
export const memberCodeSchema = z.string().check(z.regex(/^\d{18}$/, 'member code is 18 digits'));

export const tierSchema = z.enum(['explorer', 'grower', 'loyal']);
export type TierCode = z.infer<typeof tierSchema>;

export const isoInstantSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/));

export const emptyInput = z.strictObject({});
