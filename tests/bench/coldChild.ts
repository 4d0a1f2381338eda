/**
 * One cold start, run as a fresh `node` process (bundled by coldStart.ts into bench/tmp).
 * argv: <stand-in bundle> <function bundle> <indexes.json> <openid> <event JSON>
 * Prints one JSON line of timings (ms) and the answer's code.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

export interface ColdSample {
  /** process start until this script runs (node boot + loading this small script) */
  bootMs: number;
  /** require('wx-server-sdk'): on the platform the function pays it on its first call */
  sdkMs: number;
  /** loading and installing the local stand-in and seeding it: platform-only cost, discount it */
  standInMs: number;
  /** require(function bundle) */
  requireMs: number;
  /** main(event) until the answer */
  firstCallMs: number;
  answer: string;
  requests: number;
}

async function run(): Promise<void> {
  const bootMs = performance.now();
  const [standInPath, bundlePath, indexesPath, openid, eventJson] = process.argv.slice(2);
  if (!standInPath || !bundlePath || !indexesPath || !openid || !eventJson) throw new Error('usage: coldChild <stand-in> <bundle> <indexes> <openid> <event>');
  const load = createRequire(bundlePath);

  let t = performance.now();
  load('wx-server-sdk');
  const sdkMs = performance.now() - t;

  t = performance.now();
  const standIn = createRequire(standInPath)(standInPath) as typeof import('./standInEntry');
  const cloud = standIn.installLocalCloud({ indexes: JSON.parse(fs.readFileSync(indexesPath, 'utf8')) });
  await standIn.seedDemoData(cloud.db);
  const standInMs = performance.now() - t;

  t = performance.now();
  const fn = load(bundlePath) as { main(event: unknown, context: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
  const requireMs = performance.now() - t;

  t = performance.now();
  // '-' stands for no caller identity (the timer, the till's HTTP access)
  const { result, requests } = await cloud.call(openid === '-' ? null : openid, () => fn.main(JSON.parse(eventJson), {}));
  const firstCallMs = performance.now() - t;

  const sample: ColdSample = { bootMs, sdkMs, standInMs, requireMs, firstCallMs, answer: 'statusCode' in result ? `HTTP ${result.statusCode}` : result.ok ? 'ok' : (result.error?.code ?? 'error'), requests };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
