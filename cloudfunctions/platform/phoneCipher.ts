import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptedPhone } from '../domain/member';

/**
 * Phone numbers are stored encrypted (AES-256-GCM). The key comes only from the function's
 * environment (STYLECLUB_PHONE_KEY, 32 bytes base64; the local cloud sets a development one), so a
 * deployment without a key fails loudly instead of storing weakly.
 */
function key(): Buffer {
  const configured = process.env.STYLECLUB_PHONE_KEY;
  if (!configured) throw new Error('STYLECLUB_PHONE_KEY is not configured');
  const k = Buffer.from(configured, 'base64');
  if (k.length !== 32) throw new Error('STYLECLUB_PHONE_KEY must be 32 bytes, base64');
  return k;
}

export function encryptPhone(phone: string): EncryptedPhone {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function decryptPhone(p: EncryptedPhone): string {
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(p.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(p.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(p.data, 'base64')), decipher.final()]).toString('utf8');
}
