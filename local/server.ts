import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/data/collections';
import { installLocalCloud } from './cloud/install';
import { DevClock } from './devClock';
import { functionMains } from './functions';
import { createGateway } from './gateway';
import { seedDemoData } from './seed';

/**
 * `npm start`: the dev server. The local cloud keeps its data in .localcloud/ (a journal) between
 * runs; `npm start -- --reset` starts from the demo seed again.
 */
async function start(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(process.env.STYLECLUB_DATA_DIR ?? path.join(root, '.localcloud'));
  const journalFile = path.join(dataDir, 'journal.ndjson');
  const reset = process.argv.includes('--reset');
  if (reset) fs.rmSync(journalFile, { force: true });

  const clock = new DevClock();
  const cloud = installLocalCloud({ journalFile, clock });
  if (cloud.droppedTornLine) console.warn('[local cloud] the journal ended in a torn line (a crash mid-write); it was dropped');
  if (cloud.db.collection(COLLECTIONS.stores).size === 0) {
    await seedDemoData(cloud.db);
    console.log(`[local cloud] demo data seeded into ${dataDir}`);
  }

  const port = Number(process.env.PORT ?? 10086);
  const server = createGateway({ cloud, clock, functions: functionMains(clock), h5Dir: path.join(root, 'dist-h5') });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = address && typeof address === 'object' ? address.port : port;
    console.log(`StyleClub dev server: http://127.0.0.1:${actual}/`);
  });
  const stop = () => {
    server.close();
    cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((err) => {
  console.error(err);
  process.exit(1);
});
