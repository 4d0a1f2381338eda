/**
 * Dates are shown as the shop sees them: Asia/Shanghai, UTC+8 all year with no daylight saving, so
 * shifting the instant by 8 hours and reading its UTC fields is exact. (The functions use dayjs for
 * calendar arithmetic; the app only labels instants and keeps the 9 KB out of the main package.)
 */
import { graphemes } from '../../cloudfunctions/contract/formats';

const SHOP_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

function shopFields(iso: string) {
  const t = new Date(Date.parse(iso) + SHOP_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes() };
}

/** "2026年11月25日" */
export function shopDate(iso: string): string {
  const { y, m, d } = shopFields(iso);
  return `${y}年${m}月${d}日`;
}

/** "2026.11.25", for tight spaces like the card */
export function shopDateShort(iso: string): string {
  const { y, m, d } = shopFields(iso);
  return `${y}.${pad(m)}.${pad(d)}`;
}

/** "2026-11-25 10:00" */
export function shopDateTime(iso: string): string {
  const { y, m, d, hh, mm } = shopFields(iso);
  return `${y}-${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}`;
}

/** "12-06 14:05": when the card's points were read, in a few characters */
export function shopMonthDayTime(iso: string): string {
  const { m, d, hh, mm } = shopFields(iso);
  return `${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}`;
}

/** "1,280" */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "03-08" → "3月8日" */
export function monthDayLabel(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  return `${m}月${d}日`;
}

/**
 * A character that cannot begin a grapheme of its own, or makes the one before it longer: a mark,
 * a joiner, a variation selector, a skin tone, an emoji tag; and the regional indicators of flags.
 */
const JOINS_PREVIOUS = /^[\p{M}\u200d\ufe0e\ufe0f\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const REGIONAL_INDICATOR = /^[\u{1F1E6}-\u{1F1FF}]/u;

/**
 * The first character as a person sees it (a flag or a joined emoji is one), for avatar initials.
 * A plain first character (most nicknames: 小, A) is itself: the grapheme segmenter is woken only
 * when something joins it, as its first use costs ≈ 40 ms on a slow phone, on the card's first frame.
 */
export function initialOf(name: string, fallback = '悦'): string {
  const text = name.trim();
  if (!text) return fallback;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  if (!REGIONAL_INDICATOR.test(first) && !JOINS_PREVIOUS.test(text.slice(first.length))) return first;
  return graphemes(text)[0] ?? fallback;
}

/** Member numbers read in groups of four: "1234 5678 9012" */
export function grouped(digits: string): string {
  return digits.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "2027-12-31" */
export function shopDay(iso: string): string {
  const { y, m, d } = shopFields(iso);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The last day something is good for when it stops at `iso`: points that expire at the turn of
 * the year (2028-01-01 00:00 in Shanghai) are usable until 2027-12-31, and so are points whose
 * expiry is written as the last instant of 2027-12-31.
 */
export function lastShopDay(iso: string): string {
  return shopDay(new Date(Date.parse(iso) - 1).toISOString());
}

/** Today in the shop's calendar (Asia/Shanghai), "2026-11-25": the shopper's birthday is a shop day too. */
export function shopToday(now: number = Date.now()): string {
  return shopDay(new Date(now).toISOString());
}
