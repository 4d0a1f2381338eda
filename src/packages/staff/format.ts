/** The roles in the shop's words. */
export const STAFF_ROLE_NAMES = { clerk: '店员', stylist: '造型师', manager: '店长' } as const;

/** A member code as typed or scanned: its 18 digits, or null when it is not one. */
export function memberCodeOf(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}
