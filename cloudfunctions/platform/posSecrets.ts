import { createHmac } from 'node:crypto';

/**
 * A store's POS signing secret comes from the functions' environment (the secret store the deploy
 * fills), never from the database: a copy of the stores collection signs no till request.
 * - STYLECLUB_POS_SECRETS (optional): a JSON object `{ "<storeId>": "<secret>" }` of secrets issued
 *   one by one (tills already provisioned with their own; the local demo stores' `dev-secret-S00x`).
 * - otherwise derived: hex HMAC-SHA256 of `pos|<storeId>|<posKeyVersion>` under STYLECLUB_POS_KEY.
 *   One variable serves 300 stores (a function's environment is small), and one store's secret is
 *   replaced by raising `posKeyVersion` on its document, which holds a number, not a secret.
 */
export interface StoreKeyRef {
  _id: string;
  /** which derived secret the store's till holds; absent = 1 */
  posKeyVersion?: number;
}

let parsed: { raw: string; secrets: Record<string, string> } | null = null;

function issuedSecrets(): Record<string, string> {
  const raw = process.env.STYLECLUB_POS_SECRETS ?? '';
  if (parsed?.raw !== raw) {
    const value: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((s) => typeof s !== 'string' || s === '')) {
      throw new Error('STYLECLUB_POS_SECRETS must be a JSON object of store id → secret (non-empty)');
    }
    parsed = { raw, secrets: value as Record<string, string> };
  }
  return parsed.secrets;
}

export function posSecretOf(store: StoreKeyRef): string {
  const issued = issuedSecrets();
  if (Object.prototype.hasOwnProperty.call(issued, store._id)) return issued[store._id]!;
  const key = process.env.STYLECLUB_POS_KEY;
  if (!key) throw new Error('STYLECLUB_POS_KEY is not configured');
  return createHmac('sha256', key).update(`pos|${store._id}|${store.posKeyVersion ?? 1}`).digest('hex');
}
