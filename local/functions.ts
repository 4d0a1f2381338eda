import fs from 'node:fs';
import path from 'node:path';
import type { Main } from '../cloudfunctions/platform/handler';

const FUNCTIONS_DIR = path.resolve(__dirname, '../cloudfunctions/functions');

/**
 * The deployed functions, loaded from the same folders the build bundles
 * (cloudfunctions/functions/<name>/index.ts), so a new function needs no wiring here.
 * They run on the local cloud's clock once installLocalCloud() has set it.
 */
export function functionMains(): Record<string, Main> {
  const mains: Record<string, Main> = {};
  for (const entry of fs.readdirSync(FUNCTIONS_DIR, { withFileTypes: true })) {
    const index = path.join(FUNCTIONS_DIR, entry.name, 'index.ts');
    if (entry.isDirectory() && fs.existsSync(index)) mains[entry.name] = (require(index) as { main: Main }).main;
  }
  return mains;
}
