/**
 * The H5 card page's time until the till code is on screen, as a shopper at the till sees it: a
 * cold load (fresh browser context: no HTTP cache, no storage; the openid only via `?openid=`) of
 * `/#/pages/card/index` in Chromium with the CPU slowed 4× (a mid-range phone), against the dev
 * server on its own temp data dir, with one member enrolled through the gateway.
 *
 * Time to code = navigation start (performance.now() 0 in the page) → the first moment both the QR
 * <img> in `.member-code__qr` and the barcode <img> in `.member-code__bar` are complete with
 * naturalWidth > 0, checked by an init script on every animation frame and on every image load.
 * Also per load: first contentful paint, JS bytes transferred before the code showed and the
 * /api/fn requests started before it (the design is two: member.card, then member.code).
 * Unthrottled loads (rate 1) run in the same pass, interleaved, as the reference.
 *
 * Alone: `npx tsx tests/bench/cardTimeToCode.ts` prints the figures (writes nothing to latest.json).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Request as PwRequest } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { h5IsCurrent } from '../../scripts/ensure-h5';
import { CHROMIUM, hasChromium, launchChromium, phoneContext } from '../support/browser';
import { post, startDevServer, tempDataDir } from '../support/devServer';
import { median, round, table } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const TMP_DIR = path.join(ROOT, 'bench/tmp');

export const CARD_ROUTE = `/#${pageUrl('card')}`;
const OPENID = 'bench-card-1';
const LOAD_TIMEOUT_MS = 30_000;

export interface CardLoadSample {
  /** navigation start → QR and barcode images both complete with naturalWidth > 0 */
  timeToCodeMs: number;
  firstContentfulPaintMs: number | null;
  /** transferSize of the scripts fetched before the code showed (the dev server does not compress) */
  jsTransferBytes: number;
  jsFiles: number;
  /** /api/fn requests started before the code showed */
  apiRequests: number;
  /** `function.action` of each, in order */
  apiCalls: string[];
  /** the QR's bottom edge was inside the 375×812 viewport when it showed */
  qrInViewport: boolean;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface CardRunReport {
  cpuThrottlingRate: number;
  timeToCodeMs: Spread;
  firstContentfulPaintMs: Spread | null;
  jsTransferBytes: number;
  jsFiles: number;
  /** the request count every load made (or the counts, if they differed) */
  apiRequests: number | number[];
  apiCalls: string[];
  samples: CardLoadSample[];
}

export interface CardTimeToCodeReport {
  note: string;
  route: string;
  chromium: string;
  viewport: string;
  loads: number;
  warmupLoads: number;
  h5Build: 'current' | 'rebuilt';
  /** os.loadavg()[0] before and after the loads: a busy machine stretches every figure */
  loadAverage1m: { before: number; after: number };
  /** the phone figure: CPU 4× slower */
  throttled: CardRunReport;
  /** the same loads unthrottled, for comparison */
  unthrottled: CardRunReport;
}

/**
 * Runs in every document before its own scripts: records in `window.__tillCodeAt` the first
 * performance.now() at which both code images are loaded and sized. Checked on each animation
 * frame and on each image load (load does not bubble: caught in the capture phase). A string, not
 * a function: tsx's keepNames would wrap a function's inner functions in a `__name` helper the
 * page does not have.
 */
const WATCH_TILL_CODE = `(() => {
  const ready = (img) => !!img && img.complete && img.naturalWidth > 0;
  const check = () => {
    if (window.__tillCodeAt !== undefined) return true;
    const qr = document.querySelector('.member-code__qr img');
    const bar = document.querySelector('.member-code__bar img');
    if (!ready(qr) || !ready(bar)) return false;
    window.__tillCodeAt = performance.now();
    window.__tillCodeInViewport = qr.getBoundingClientRect().bottom <= window.innerHeight;
    return true;
  };
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  document.addEventListener('load', check, true);
})();`;

interface PageFigures {
  codeAt: number;
  inViewport: boolean;
  timeOrigin: number;
  fcp: number | null;
  js: Array<{ transferSize: number; responseEnd: number }>;
}

/** One cold load: a fresh context, the CPU throttled before navigation, timed in the page. */
async function coldLoad(browser: Browser, url: string, rate: number): Promise<CardLoadSample> {
  const context = await phoneContext(browser);
  try {
    await context.addInitScript({ content: WATCH_TILL_CODE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const api: Array<{ call: string; request: PwRequest }> = [];
    page.on('request', (req) => {
      const m = /\/api\/fn\/([^/?#]+)/.exec(req.url());
      if (!m) return;
      let action = '?';
      try {
        action = String((req.postDataJSON() as { action?: unknown } | null)?.action ?? '?');
      } catch {
        // not JSON: leave '?'
      }
      api.push({ call: `${m[1]}.${action}`, request: req });
    });

    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
      await page.waitForFunction('window.__tillCodeAt !== undefined', null, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
    } catch (err) {
      const shown = await page.evaluate('document.body ? document.body.innerText.slice(0, 300) : ""').catch(() => '?');
      throw new Error(
        `the till code did not show at ${rate}× within ${LOAD_TIMEOUT_MS} ms (${(err as Error).message.split('\n')[0]}); api calls: ${api.map((a) => a.call).join(', ') || 'none'}; page errors: ${pageErrors.join(' | ') || 'none'}; page text: ${JSON.stringify(shown)}`,
      );
    }
    // FCP is reported at presentation: give it a moment if it is not in yet
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5_000, polling: 50 })
      .catch(() => undefined);
    const figures: PageFigures = await page.evaluate(() => {
      const w = window as unknown as { __tillCodeAt: number; __tillCodeInViewport: boolean };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(new URL(e.name).pathname))
        .map((e) => ({ transferSize: e.transferSize, responseEnd: e.responseEnd }));
      return { codeAt: w.__tillCodeAt, inViewport: w.__tillCodeInViewport, timeOrigin: performance.timeOrigin, fcp: fcp ? fcp.startTime : null, js };
    });
    // the browser's own start time of each request (epoch ms) against the page's clock
    const codeWall = figures.timeOrigin + figures.codeAt;
    const before = api.filter((a) => {
      const start = a.request.timing().startTime;
      return start > 0 && start <= codeWall;
    });
    const jsBefore = figures.js.filter((j) => j.responseEnd <= figures.codeAt);
    await cdp.detach().catch(() => undefined);
    return {
      timeToCodeMs: round(figures.codeAt),
      firstContentfulPaintMs: figures.fcp === null ? null : round(figures.fcp),
      jsTransferBytes: jsBefore.reduce((n, j) => n + j.transferSize, 0),
      jsFiles: jsBefore.length,
      apiRequests: before.length,
      apiCalls: before.map((a) => a.call),
      qrInViewport: figures.inViewport,
    };
  } finally {
    await context.close();
  }
}

function spread(values: number[]): Spread {
  return { min: Math.min(...values), median: round(median(values)), max: Math.max(...values) };
}

function summarise(rate: number, samples: CardLoadSample[]): CardRunReport {
  const fcps = samples.map((s) => s.firstContentfulPaintMs).filter((v): v is number => v !== null);
  const counts = [...new Set(samples.map((s) => s.apiRequests))];
  return {
    cpuThrottlingRate: rate,
    timeToCodeMs: spread(samples.map((s) => s.timeToCodeMs)),
    firstContentfulPaintMs: fcps.length ? spread(fcps) : null,
    jsTransferBytes: median(samples.map((s) => s.jsTransferBytes)),
    jsFiles: median(samples.map((s) => s.jsFiles)),
    apiRequests: counts.length === 1 ? counts[0]! : samples.map((s) => s.apiRequests),
    apiCalls: samples[0]?.apiCalls ?? [],
    samples,
  };
}

/** `scripts/ensure-h5.ts` in a child (a production H5 build, ~25 s) when dist-h5/ is older than its sources. */
async function ensureH5(): Promise<'current' | 'rebuilt'> {
  if (h5IsCurrent()) return 'current';
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const logFile = path.join(TMP_DIR, 'h5-build.log');
  await new Promise<void>((resolve, reject) => {
    const log = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ensure-h5.ts'], { cwd: ROOT, stdio: ['ignore', log, log] });
    child.on('error', (err) => {
      fs.closeSync(log);
      reject(err);
    });
    child.on('close', (code) => {
      fs.closeSync(log);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n');
      reject(new Error(`H5 build (scripts/ensure-h5.ts) exited ${code} (log: ${path.relative(ROOT, logFile)}):\n${tail}`));
    });
  });
  return 'rebuilt';
}

export async function measureCardTimeToCode(opts: { loads?: number; warmupLoads?: number; rate?: number } = {}): Promise<CardTimeToCodeReport> {
  const loads = opts.loads ?? 5;
  const warmupLoads = opts.warmupLoads ?? 1;
  const rate = opts.rate ?? 4;
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const h5Build = await ensureH5();

  const dataDir = tempDataDir();
  const server = await startDevServer({ dataDir });
  let browser: Browser | null = null;
  try {
    const enrolled = await post(`${server.url}api/fn/member`, { action: 'enroll', storeId: 'S001', privacyAccepted: true }, { 'x-openid': OPENID });
    if (enrolled.status !== 200 || enrolled.body?.ok !== true) throw new Error(`enroll failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const url = `${server.url.replace(/\/$/, '')}${CARD_ROUTE}?openid=${OPENID}`;

    const loadBefore = round(os.loadavg()[0]!, 2);
    browser = await launchChromium();
    const chromium = browser.version();
    // unmeasured: the first load also pays for the browser's first renderer and the server's first file reads
    for (let i = 0; i < warmupLoads; i += 1) await coldLoad(browser, url, 1);
    const throttled: CardLoadSample[] = [];
    const unthrottled: CardLoadSample[] = [];
    // interleaved, so a slow patch of the machine hits both series alike
    for (let i = 0; i < loads; i += 1) {
      throttled.push(await coldLoad(browser, url, rate));
      unthrottled.push(await coldLoad(browser, url, 1));
    }
    return {
      note: `H5 card page, cold loads (fresh context each: no cache, no storage; openid via ?openid=) from the dev server; time to code = navigation start → QR and barcode <img> both complete with naturalWidth > 0 (performance.now() in the page); FCP from the paint timeline; JS bytes = transferSize of scripts loaded before the code showed (uncompressed: the dev server does not gzip); api = /api/fn requests started before the code showed; throttled and unthrottled loads interleaved after ${warmupLoads} unmeasured warm-up load(s)`,
      route: CARD_ROUTE,
      chromium,
      viewport: '375×812 @2x, mobile, touch',
      loads,
      warmupLoads,
      h5Build,
      loadAverage1m: { before: loadBefore, after: round(os.loadavg()[0]!, 2) },
      throttled: summarise(rate, throttled),
      unthrottled: summarise(1, unthrottled),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The readable lines `npm run bench` prints. */
export function describeCardTimeToCode(r: CardTimeToCodeReport): string {
  const t = r.throttled;
  const u = r.unthrottled;
  const fmt = (s: Spread | null) => (s ? `${s.median} ms (min ${s.min}, max ${s.max})` : 'n/a');
  const lines = [
    `H5 card page, time to till code (Chromium ${r.chromium}, cold load, median of ${r.loads}): ${t.timeToCodeMs.median} ms at ${t.cpuThrottlingRate}× CPU throttling (min ${t.timeToCodeMs.min}, max ${t.timeToCodeMs.max}); unthrottled ${u.timeToCodeMs.median} ms`,
    `  FCP ${fmt(t.firstContentfulPaintMs)} at ${t.cpuThrottlingRate}×, ${fmt(u.firstContentfulPaintMs)} unthrottled; JS before the code ${t.jsTransferBytes.toLocaleString('en')} bytes in ${t.jsFiles} files; /api/fn requests before the code: ${JSON.stringify(t.apiRequests)} (${t.apiCalls.join(' → ')})`,
    table(
      ['load', `${t.cpuThrottlingRate}× to code ms`, `${t.cpuThrottlingRate}× FCP ms`, '1× to code ms', '1× FCP ms', 'JS bytes', 'api requests', 'QR in viewport'],
      t.samples.map((s, i) => [
        i + 1,
        s.timeToCodeMs,
        s.firstContentfulPaintMs ?? 'n/a',
        u.samples[i]?.timeToCodeMs ?? 'n/a',
        u.samples[i]?.firstContentfulPaintMs ?? 'n/a',
        s.jsTransferBytes,
        `${s.apiRequests} / ${u.samples[i]?.apiRequests ?? '?'}`,
        s.qrInViewport && u.samples[i]?.qrInViewport !== false ? 'yes' : 'NO',
      ]),
    ),
  ];
  lines.push(`  1-min load average ${r.loadAverage1m.before} → ${r.loadAverage1m.after} on ${os.cpus().length} CPUs${r.h5Build === 'rebuilt' ? '; dist-h5/ was stale: rebuilt first' : ''}`);
  return lines.join('\n');
}

if (require.main === module) {
  measureCardTimeToCode()
    .then((r) => console.log(describeCardTimeToCode(r)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
