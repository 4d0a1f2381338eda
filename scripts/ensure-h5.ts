/**
 * `npm start` serves the H5 build: build it when it is missing or older than its sources, so a
 * fresh clone and an edited one both come up with the current app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const built = join(root, 'dist-h5', 'index.html');
const SOURCES = ['src', 'config', join('cloudfunctions', 'contract'), 'package.json', 'babel.config.js'];

/** Tests beside the components are not part of the app: editing one must not rebuild it. */
const NOT_APP = /\.test\.tsx?$/;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return NOT_APP.test(path) ? 0 : stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
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
    // built beside and swapped in whole: a server already running keeps serving a complete app
    const staging = `dist-h5.building-${process.pid}`;
    const build = spawnSync('npm', ['run', 'build:h5', '--silent'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', STYLECLUB_OUTPUT_ROOT: staging },
    });
    if (build.status !== 0) {
      rmSync(join(root, staging), { recursive: true, force: true });
      // the progress bar is noise; the end of the log says what broke
      console.error(`${build.stdout}\n${build.stderr}`.split('\n').slice(-60).join('\n'));
      process.exit(build.status ?? 1);
    }
    const retired = `dist-h5.old-${process.pid}`;
    if (existsSync(join(root, 'dist-h5'))) renameSync(join(root, 'dist-h5'), join(root, retired));
    renameSync(join(root, staging), join(root, 'dist-h5'));
    rmSync(join(root, retired), { recursive: true, force: true });
    console.log('H5 build done');
  }
}
