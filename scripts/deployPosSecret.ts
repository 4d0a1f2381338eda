import { STORE_ID } from '../cloudfunctions/contract/formats';
import { posSecretOf } from '../cloudfunctions/platform/posSecrets';

/**
 * Prints the POS secret to load into a store's till: `STYLECLUB_POS_KEY=… npx tsx
 * scripts/deployPosSecret.ts S001 [posKeyVersion]`, run where the secret store's key is at hand.
 * The same derivation the pos function makes (platform/posSecrets.ts), so the two cannot drift.
 */
const [storeId, version] = process.argv.slice(2);
if (!storeId || !STORE_ID.test(storeId) || (version !== undefined && !/^\d+$/.test(version))) {
  console.error('usage: STYLECLUB_POS_KEY=… npx tsx scripts/deployPosSecret.ts <storeId> [posKeyVersion]');
  process.exit(2);
}
// an issued secret of the local demo must not answer for a production store
process.env.STYLECLUB_POS_SECRETS = '';
console.log(posSecretOf({ _id: storeId, posKeyVersion: version === undefined ? undefined : Number(version) }));
