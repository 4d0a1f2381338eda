/**
 * Formats, ids and dates as plain functions and patterns, free of zod: what a store id, a member
 * code, an avatar reference or an instant looks like, the money and template names
 * both sides share. The mini program checks a form with the very checks the functions apply,
 * without bundling the schema library. A nickname's rules are in nickname.ts. The programme's rules live in cloudfunctions/domain/.
 */

/** The privacy notice a member agrees to when joining (its text lives in the app's PrivacyNotice); bump it when the text changes. */
export const PRIVACY_POLICY_VERSION = '2026-12-b';

export const STORE_ID = /^[A-Z][A-Z0-9]{1,15}$/;
export const INVITE_CODE = /^[A-Za-z0-9]{4,16}$/;
export const MEMBER_CODE = /^\d{18}$/;
/** An offline till code (contract/tillCode.ts): 67, the device handle, the one-time password. */
export const OFFLINE_CODE = /^67\d{16}$/;
export const DEVICE_HANDLE = /^\d{8}$/;
export const DEVICE_SECRET_HEX = /^[0-9a-f]{64}$/;

/** True for a real calendar month-day ("02-29" included: members born on a leap day exist). */
export function isCalendarMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0);
}

/** Characters as a person counts them (one emoji with a skin tone, a flag, a joined emoji is one); code points where Intl.Segmenter is missing. */
export function graphemes(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: new (l: string, o: { granularity: 'grapheme' }) => { segment(t: string): Iterable<{ segment: string }> } }).Segmenter;
  return Segmenter ? [...new Segmenter('zh', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment) : [...text];
}


/** Path segments of plain characters: no empty, "." or ".." segment. */
const SAFE_PATH = '(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*)(?:/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*))*';
/** A cloud storage file id: cloud://<env>.<bucket>/<path>. */
export const CLOUD_FILE_ID = /*#__PURE__*/ new RegExp(`^cloud://[A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z0-9][A-Za-z0-9-]*)*/${SAFE_PATH}$`);
/** WeChat's own avatar host (chooseAvatar / open-data avatars). */
export const WECHAT_AVATAR = /*#__PURE__*/ new RegExp(`^https://(?:thirdwx|wx)\\.qlogo\\.cn/${SAFE_PATH}$`);

/** True for an avatar the programme accepts: its own cloud storage or WeChat's avatar host. */
export function isAvatarRef(value: string): boolean {
  return value.length <= 512 && (CLOUD_FILE_ID.test(value) || WECHAT_AVATAR.test(value));
}

/**
 * Money is integer fen (分) everywhere. How an amount reads to a shopper: "¥1,000" for whole
 * yuan, "¥3.20" otherwise; negative amounts keep their sign in front ("-¥5").
 */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const whole = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/**
 * The subscribe-message templates the programme sends, by the key the functions use. WeChat gives
 * one send per opt-in. The ids are the brand's own (mp.weixin.qq.com → 订阅消息); these are the
 * development ones the local cloud accepts.
 */
export const SUBSCRIBE_TEMPLATES = {
  pointsExpiring: { id: 'styleclub-dev-points-expiring', title: '积分到期提醒' },
  couponExpiring: { id: 'styleclub-dev-coupon-expiring', title: '优惠券到期提醒' },
  birthdayGift: { id: 'styleclub-dev-birthday-gift', title: '生日礼券领取提醒' },
  referralReward: { id: 'styleclub-dev-referral-reward', title: '邀请奖励到账通知' },
  outfitInspiration: { id: 'styleclub-dev-outfit-inspiration', title: '穿搭灵感更新提醒' },
  bookingReminder: { id: 'styleclub-dev-booking-reminder', title: '造型师预约提醒' },
  campaignOffer: { id: 'styleclub-dev-campaign-offer', title: '专属优惠到账通知' },
} as const;
export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES;
export const SUBSCRIBE_TEMPLATE_KEYS = /*#__PURE__*/ Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[];

/** Order and refund ids as tills send them: letters, digits, "_" and "-". */
export const POS_ID = /^[A-Za-z0-9_-]{1,64}$/;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with an explicit offset ("Z" or "+08:00"), a real calendar date and a year
 * the product can live in (2000–2099); null for anything else (no silent roll-over of 02-30).
 */
export function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const offsetMin = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (m[8] !== 'Z' && (Number(m[10]) > 14 || Number(m[11]) > 59)) return null;
  if (year < 2000 || year > 2099 || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMin) > 14 * 60) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(wall - offsetMin * 60_000);
}

/**
 * A clerk's personal join code (issue 17): the `c=` of a join scene. Six characters of the invite
 * alphabet, drawn once per staff member and kept (domain/staff/joinCode.ts); four to eight accepted.
 */
export const CLERK_CODE = /^[A-Z0-9]{4,8}$/;
