import { randomInt } from 'node:crypto';

export { randomInt };

/** n digits from a cryptographic source: member ids and till codes must not be guessable. */
export function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(randomInt(10));
  return out;
}
