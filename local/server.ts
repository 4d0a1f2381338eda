import http from 'node:http';
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/data/collections';
import { installLocalCloud } from './cloud/install';
import { Journal } from './cloud/journal';
import { DevClock } from './devClock';
import { functionMains } from './functions';
import { gatewayListener } from './gateway';
import { seedCouponTemplates, seedDemoData, seedMissingProducts } from './seed';

/**
 * `npm start`: the dev server. The local cloud keeps its data in .localcloud/ (a journal) between
 * runs; `npm start -- --reset` starts from the demo seed again. The port is taken before the
 * journal is touched, and the journal is locked, so a second server cannot clobber the first.
 */
async function start(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(process.env.STYLECLUB_DATA_DIR ?? path.join(root, '.localcloud'));
  const journalFile = path.join(dataDir, 'journal.ndjson');
  const reset = process.argv.includes('--reset');
  const portText = process.env.PORT ?? '10086';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new StartError(`PORT must be a port number (0–65535), not "${portText}"`);

  // requests that arrive while the data loads wait for it
  let listener: http.RequestListener | null = null;
  const waiting: Array<() => void> = [];
  const server = http.createServer((req, res) => (listener ? listener(req, res) : waiting.push(() => listener!(req, res))));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new StartError(`port ${port} is in use: is another dev server running? Stop it or set PORT`) : err),
    );
    server.listen(port, '127.0.0.1', resolve);
  });

  const clock = new DevClock();
  let cloud;
  try {
    if (reset) Journal.erase(journalFile);
    cloud = installLocalCloud({ journalFile, clock });
  } catch (err) {
    server.close();
    throw new StartError((err as Error).message);
  }
  if (cloud.droppedTornLine) console.warn('[local cloud] the journal ended in a torn line (a crash mid-write); it was dropped');
  if (cloud.db.collection(COLLECTIONS.stores).size === 0) {
    await seedDemoData(cloud.db);
    console.log(`[local cloud] demo data seeded into ${dataDir}`);
  } else if (cloud.db.collection(COLLECTIONS.couponTemplates).size === 0 || cloud.db.collection(COLLECTIONS.referralProgrammes).size === 0) {
    await seedCouponTemplates(cloud.db);
    console.log('[local cloud] coupon templates and the referral programme seeded');
  }
  const productsSeeded = await seedMissingProducts(cloud.db);
  if (productsSeeded > 0) console.log(`[local cloud] ${productsSeeded} catalogue products seeded from the seed file`);

  listener = gatewayListener({ cloud, clock, functions: functionMains(), h5Dir: path.join(root, 'dist-h5'), filesDir: path.join(dataDir, 'files') });
  for (const run of waiting.splice(0)) run();
  const address = server.address();
  console.log(`StyleClub dev server: http://127.0.0.1:${address && typeof address === 'object' ? address.port : port}/`);

  const stop = () => {
    server.close();
    cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A start-up failure the person at the terminal can act on: a message, no stack. */
class StartError extends Error {}

start().catch((err) => {
  if (err instanceof StartError) console.error(`StyleClub dev server could not start: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
