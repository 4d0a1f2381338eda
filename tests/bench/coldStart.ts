import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { buildFunctions } from '../../scripts/build-functions';
import type { ColdSample } from './coldChild';
import { median, round } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const INDEXES = path.join(ROOT, 'cloudfunctions/database/indexes.json');

/** The first call each function gets in a fresh container. */
const FIRST_CALLS: Record<string, { openid: string; event: Record<string, unknown> }> = {
  member: { openid: 'bench-cold', event: { action: 'enroll', storeId: 'S001', privacyAccepted: true } },
  // a well-formed code nobody holds: CODE_EXPIRED after the staff, code and wrong-code counter reads, and the counter counted
  staff: { openid: 'staff-S001', event: { action: 'lookup', code: '660000000000000001' } },
  // a stranger's points: NOT_MEMBER after the member read
  points: { openid: 'bench-cold', event: { action: 'summary' } },
  // an unsigned till request: 401 after the store read
  pos: { openid: '-', event: { path: '/pos/orders', httpMethod: 'POST', headers: { 'x-store-id': 'S001' }, body: '{}', isBase64Encoded: false } },
  // a stranger's wallet: NOT_MEMBER after the member read
  coupon: { openid: 'bench-cold', event: { action: 'list', status: 'available' } },
  // the join page's look at an unknown code: NOT_FOUND after the code read
  referral: { openid: 'bench-cold', event: { action: 'inviter', ref: 'ZZZZZZZZ' } },
  // a stranger's style summary: NOT_MEMBER after the member read (the bundle carries culori and the climate norms)
  style: { openid: 'bench-cold', event: { action: 'summary' } },
  // a stranger's look at the private events: NOT_MEMBER after the member read
  benefits: { openid: 'bench-cold', event: { action: 'events' } },
  // a stranger's look at the store dashboard: FORBIDDEN after the staff read (the bundle carries the ops rules)
  ops: { openid: 'bench-cold', event: { action: 'dashboard' } },
  // the timer's tick over an empty programme
  jobs: { openid: '-', event: { Type: 'Timer', TriggerName: 'every10min', Time: '2026-11-25T02:00:00Z' } },
};

export interface ColdStartResult {
  name: string;
  bundleBytes: number;
  firstCall: string;
  answer: string;
  runs: number;
  /** spawn → exit of a fresh node process (includes the stand-in: subtract standInMs) */
  wallMs: number;
  /** wallMs − standInMs: what the platform pays after the container is up */
  wallWithoutStandInMs: number;
  /** sdk + require + first call: the function's own in-process cold cost */
  inProcessMs: number;
  sdkMs: number;
  requireMs: number;
  firstCallMs: number;
  standInMs: number;
  bootMs: number;
  samples: Array<ColdSample & { wallMs: number }>;
}

export interface ColdStartReport {
  runs: number;
  /** spawn → exit of `node -e ''`: the floor any process pays */
  nodeBaselineMs: number;
  standInBundleBytes: number;
  functions: ColdStartResult[];
}

function runNode(args: string[]): Promise<{ wallMs: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      // stdio may still be draining after 'exit'
      child.on('close', () => (code === 0 ? resolve({ wallMs, stdout }) : reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`))));
    });
  });
}

const medianOf = <K extends keyof ColdSample | 'wallMs'>(samples: Array<ColdSample & { wallMs: number }>, key: K) =>
  round(median(samples.map((s) => Number(s[key]))), 1);

/**
 * Builds the functions as deployed, bundles the stand-in and a child script, and runs each
 * function's first call in `runs` fresh node processes, one after another.
 */
export async function measureColdStart(runs: number, tmpRoot: string): Promise<ColdStartReport> {
  // inside the repo so that require('wx-server-sdk') from the bundles resolves to node_modules
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'cold-'));
  try {
    const built = await buildFunctions(path.join(tmp, 'functions'));
    const standIn = path.join(tmp, 'standin.js');
    const child = path.join(tmp, 'child.js');
    const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;
    await build({ ...common, entryPoints: [path.join(__dirname, 'standInEntry.ts')], outfile: standIn, external: ['wx-server-sdk'] });
    await build({ ...common, entryPoints: [path.join(__dirname, 'coldChild.ts')], outfile: child });

    const baseline: number[] = [];
    for (let i = 0; i < runs; i += 1) baseline.push((await runNode(['-e', ''])).wallMs);

    const functions: ColdStartResult[] = [];
    for (const fn of built) {
      const first = FIRST_CALLS[fn.name];
      if (!first) throw new Error(`no first call defined for function ${fn.name}: add it to FIRST_CALLS`);
      const samples: Array<ColdSample & { wallMs: number }> = [];
      for (let i = 0; i < runs; i += 1) {
        const { wallMs, stdout } = await runNode([child, standIn, path.join(fn.dir, 'index.js'), INDEXES, first.openid, JSON.stringify(first.event)]);
        samples.push({ ...(JSON.parse(stdout.trim().split('\n').pop()!) as ColdSample), wallMs });
      }
      const answers = [...new Set(samples.map((s) => s.answer))];
      const wallMs = medianOf(samples, 'wallMs');
      const standInMs = medianOf(samples, 'standInMs');
      functions.push({
        name: fn.name,
        bundleBytes: fn.bundleBytes,
        firstCall: `${String(first.event.action ?? first.event.Type ?? first.event.path)} as ${first.openid === '-' ? 'no caller' : first.openid}`,
        answer: answers.join('/'),
        runs,
        wallMs,
        wallWithoutStandInMs: round(median(samples.map((s) => s.wallMs - s.standInMs)), 1),
        inProcessMs: round(median(samples.map((s) => s.sdkMs + s.requireMs + s.firstCallMs)), 1),
        sdkMs: medianOf(samples, 'sdkMs'),
        requireMs: medianOf(samples, 'requireMs'),
        firstCallMs: medianOf(samples, 'firstCallMs'),
        standInMs,
        bootMs: medianOf(samples, 'bootMs'),
        samples: samples.map((s) => ({ ...s, wallMs: round(s.wallMs, 1), bootMs: round(s.bootMs, 1), sdkMs: round(s.sdkMs, 1), standInMs: round(s.standInMs, 1), requireMs: round(s.requireMs, 1), firstCallMs: round(s.firstCallMs, 1) })),
      });
    }
    return { runs, nodeBaselineMs: round(median(baseline), 1), standInBundleBytes: fs.statSync(standIn).size, functions };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
