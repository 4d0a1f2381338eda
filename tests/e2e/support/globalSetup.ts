import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds dist-h5/ when it is missing or stale (the same check `npm start` makes). */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..', '..');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'ensure-h5.ts')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the H5 build failed: the browser tests cannot run');
}
