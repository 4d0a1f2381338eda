/** Mainland mobile numbers: 11 digits starting with 1. */
export function isMainlandMobile(phone: string): boolean {
  return /^1\d{10}$/.test(phone);
}

/** Shown to members and staff: 138****5678. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
