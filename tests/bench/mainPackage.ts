/**
 * The weapp main package next to a Taro hello-world: production builds of the app (repo root →
 * dist/) and of tests/bench/fixtures/taro-hello (the `taro init` default template, built with the
 * root node_modules → bench/tmp/taro-hello-dist/), each measured as the bytes of every output file
 * outside the subpackage roots app.json lists. The platform caps the main package at 2 MB.
 *
 * Alone: `npx tsx tests/bench/mainPackage.ts` prints the figures (writes nothing to latest.json).
 * `BENCH_APP_DIR=<dir>` benches another Taro project as "the app" (its outputRoot must be `dist`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { round, table } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const TARO_BIN = path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro');
export const HELLO_FIXTURE = path.join(__dirname, 'fixtures/taro-hello');
const TMP_DIR = path.join(ROOT, 'bench/tmp');
const HELLO_OUT = path.join(TMP_DIR, 'taro-hello-dist');

/** WeChat's caps: main package 2 MB, each subpackage 2 MB, 30 MB in all. */
export const MAIN_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const SUBPACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const TOTAL_LIMIT_BYTES = 30 * 1024 * 1024;
const TOP_FILES = 10;

export interface FileBytes {
  /** path inside the output folder, with forward slashes */
  file: string;
  bytes: number;
}

export interface PackageSizes {
  mainBytes: number;
  totalBytes: number;
  subPackages: Array<{ root: string; bytes: number; files: number }>;
  /** files of the main package, largest first */
  mainFiles: FileBytes[];
}

/** Every regular file under dir, recursively. */
export function listFiles(dir: string): FileBytes[] {
  const out: FileBytes[] = [];
  const walk = (abs: string, rel: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(a, r);
      else if (entry.isFile()) out.push({ file: r, bytes: fs.statSync(a).size });
    }
  };
  walk(dir, '');
  return out;
}

/** The `root` of each entry of app.json's `subPackages` / `subpackages`, normalised to `a/b`. */
export function subPackageRoots(dir: string): string[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root?: string }>;
    subpackages?: Array<{ root?: string }>;
  };
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]
    .map((s) => (s.root ?? '').replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '').replace(/\/+$/, ''))
    .filter((r) => r.length > 0);
  return [...new Set(roots)];
}

const inRoot = (file: string, root: string) => file === root || file.startsWith(`${root}/`);

/** Main package, subpackages and total of a built weapp output folder (one holding app.json). */
export function measurePackages(dir: string): PackageSizes {
  const roots = subPackageRoots(dir);
  const files = listFiles(dir);
  const mainFiles = files.filter((f) => !roots.some((r) => inRoot(f.file, r))).sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  const sum = (xs: FileBytes[]) => xs.reduce((n, f) => n + f.bytes, 0);
  return {
    mainBytes: sum(mainFiles),
    totalBytes: sum(files),
    subPackages: roots.map((root) => {
      const mine = files.filter((f) => inRoot(f.file, root));
      return { root, bytes: sum(mine), files: mine.length };
    }),
    mainFiles,
  };
}

/** Bytes of all files of a built weapp output folder that lie outside every subpackage root. */
export function mainPackageBytes(dir: string): number {
  return measurePackages(dir).mainBytes;
}

/**
 * `NODE_ENV=production taro build --type <type> --no-check` in cwd with the root's @tarojs/cli.
 * The build's chatter goes to logFile; on failure its tail is in the error.
 */
export function buildTaro(type: 'weapp' | 'h5', cwd: string, logFile: string, env: Record<string, string> = {}): Promise<{ seconds: number }> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  // TARO_ENV left out: the CLI sets it from --type, and a stray one would pick the wrong outputRoot
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TARO_ENV'));
  // cast: where @tarojs/taro's types are in the program they make ProcessEnv.TARO_ENV required
  const childEnv = { ...inherited, ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, [TARO_BIN, 'build', '--type', type, '--no-check'], { cwd, env: childEnv, stdio: ['ignore', log, log] });
    let closed = false;
    const closeLog = () => {
      if (!closed) fs.closeSync(log);
      closed = true;
    };
    child.on('error', (err) => {
      closeLog();
      reject(err);
    });
    child.on('close', (code) => {
      const seconds = round((performance.now() - t0) / 1000, 1);
      closeLog();
      if (code === 0) return resolve({ seconds });
      // drop the progress bar's escape codes so the tail is readable
      const tail = fs.readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim().split('\n').slice(-40).join('\n');
      reject(new Error(`taro build --type ${type} in ${path.relative(ROOT, cwd) || '.'} exited ${code} (log: ${path.relative(ROOT, logFile)}):\n${tail}`));
    });
  });
}

/** `buildTaro('weapp', …)`. */
export function buildWeapp(cwd: string, logFile: string, env: Record<string, string> = {}): Promise<{ seconds: number }> {
  return buildTaro('weapp', cwd, logFile, env);
}

export interface MainPackageReport {
  note: string;
  limitBytes: number;
  appMainPackageBytes: number;
  helloMainPackageBytes: number;
  /** appMainPackageBytes / helloMainPackageBytes */
  ratio: number;
  appTotalBytes: number;
  helloTotalBytes: number;
  overLimit: boolean;
  appSubPackages: Array<{ root: string; bytes: number; files: number; overLimit: boolean }>;
  /** every file of the app's main package, largest first (the description prints the top ones) */
  perFile: FileBytes[];
  appBuildSeconds: number;
  helloBuildSeconds: number;
  appDir: string;
  appOutDir: string;
  helloOutDir: string;
}

/**
 * Builds the hello-world fixture, then the app (production weapp, one after the other), and
 * measures both output folders.
 */
export async function measureMainPackage(opts: { appDir?: string; appOutDir?: string } = {}): Promise<MainPackageReport> {
  const appDir = path.resolve(opts.appDir ?? process.env.BENCH_APP_DIR ?? ROOT);
  const appOutDir = path.resolve(opts.appOutDir ?? path.join(appDir, 'dist'));
  fs.mkdirSync(TMP_DIR, { recursive: true });

  fs.rmSync(HELLO_OUT, { recursive: true, force: true });
  const hello = await buildWeapp(HELLO_FIXTURE, path.join(TMP_DIR, 'taro-hello-build.log'), { TARO_HELLO_OUTPUT_ROOT: HELLO_OUT });
  const app = await buildWeapp(appDir, path.join(TMP_DIR, 'app-weapp-build.log'));

  const h = measurePackages(HELLO_OUT);
  const a = measurePackages(appOutDir);
  return {
    note: 'production weapp builds; main package = bytes of every output file outside the subPackages roots of app.json; hello = the taro init default template (tests/bench/fixtures/taro-hello) on the same node_modules',
    limitBytes: MAIN_PACKAGE_LIMIT_BYTES,
    appMainPackageBytes: a.mainBytes,
    helloMainPackageBytes: h.mainBytes,
    ratio: round(a.mainBytes / h.mainBytes, 2),
    appTotalBytes: a.totalBytes,
    helloTotalBytes: h.totalBytes,
    overLimit: a.mainBytes > MAIN_PACKAGE_LIMIT_BYTES,
    appSubPackages: a.subPackages.map((s) => ({ ...s, overLimit: s.bytes > SUBPACKAGE_LIMIT_BYTES })),
    perFile: a.mainFiles,
    appBuildSeconds: app.seconds,
    helloBuildSeconds: hello.seconds,
    appDir: path.relative(ROOT, appDir) || '.',
    appOutDir: path.relative(ROOT, appOutDir),
    helloOutDir: path.relative(ROOT, HELLO_OUT),
  };
}

const kb = (n: number) => `${round(n / 1024, 1).toLocaleString('en')} KB`;

/** The readable lines `npm run bench` prints. */
export function describeMainPackage(r: MainPackageReport): string {
  const lines = [
    `Weapp main package (production build): app ${r.appMainPackageBytes.toLocaleString('en')} bytes (${kb(r.appMainPackageBytes)}) vs Taro hello-world ${r.helloMainPackageBytes.toLocaleString('en')} bytes = ${r.ratio.toFixed(2)}×; limit ${kb(r.limitBytes)}${r.overLimit ? ' — OVER' : ''}`,
    `app total ${r.appTotalBytes.toLocaleString('en')} bytes in ${r.appSubPackages.length} subpackage(s) + main${r.appTotalBytes > TOTAL_LIMIT_BYTES ? ' — OVER 30 MB' : ''}; builds: app ${r.appBuildSeconds} s, hello ${r.helloBuildSeconds} s`,
  ];
  if (r.appSubPackages.length) {
    lines.push(table(['subpackage root', 'bytes', 'files', 'flag'], r.appSubPackages.map((s) => [s.root, s.bytes, s.files, s.overLimit ? 'OVER' : ''])));
  }
  lines.push(`largest files of the app's main package (${r.appOutDir}/)`);
  lines.push(table(['file', 'bytes'], r.perFile.slice(0, TOP_FILES).map((f) => [f.file, f.bytes])));
  return lines.join('\n');
}

if (require.main === module) {
  measureMainPackage()
    .then((r) => console.log(describeMainPackage(r)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
