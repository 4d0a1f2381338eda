/**
 * `npm start` serves the H5 build: build it when it is missing or older than its sources, so a
 * fresh clone and an edited one both come up with the current app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const built = join(root, 'dist-h5', 'index.html');
const SOURCES = ['src', 'config', join('cloudfunctions', 'contract'), 'package.json', 'babel.config.js'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function h5IsCurrent(): boolean {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.every((s) => !existsSync(join(root, s)) || newestMtime(join(root, s)) <= builtAt);
}

if (require.main === module) {
  if (h5IsCurrent()) {
    console.log('H5 build is current (dist-h5/)');
  } else {
    console.log('Building the H5 app into dist-h5/ (about 20 s)…');
    const build = spawnSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (build.status !== 0) {
      // the progress bar is noise; the end of the log says what broke
      console.error(`${build.stdout}\n${build.stderr}`.split('\n').slice(-60).join('\n'));
      process.exit(build.status ?? 1);
    }
    console.log('H5 build done');
  }
}
