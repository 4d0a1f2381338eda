import { randomInt } from 'node:crypto';

export { randomInt };

/** n digits from a cryptographic source: member ids and till codes must not be guessable. */
export function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(randomInt(10));
  return out;
}

/** Invite codes: letters and digits a person reads without mistakes (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** n characters of the invite-code alphabet from a cryptographic source: random, so a code says nothing about who holds it. */
export function randomCode(n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}
