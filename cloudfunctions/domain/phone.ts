/** Mainland mobile numbers: 11 digits, 13x–19x. */
export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/** Shown to members and staff: 138****5678. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Mainland mobile numbers written inside a text (not part of a longer number). */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** A free text with every mainland mobile number in it masked: staff never keep or see a full number, even one typed into a note. */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE_IN_TEXT, maskPhone);
}
