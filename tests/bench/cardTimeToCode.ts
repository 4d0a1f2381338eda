/**
 * The H5 card page's time until the till code is on screen, as a shopper at the till sees it, next
 * to a Taro hello-world's first text, all in Chromium with the CPU slowed 4× (a mid-range phone):
 *
 * - first-ever open: a cold load (fresh browser context: no HTTP cache, no storage; the openid only
 *   via `?openid=`) of `/#/pages/card/index` against the dev server on its own temp data dir, with
 *   one member enrolled through the gateway;
 * - returning member: the phone's storage kept, the HTTP cache cold. One context opens the card
 *   once (unmeasured) so the page fills localStorage as it does on a phone; each measured load is a
 *   new context made with that context's `storageState()` (same localStorage, empty cache);
 * - the hello-world: tests/bench/fixtures/taro-hello (the `taro init` default template) built for
 *   H5 in the same run (bench/tmp/taro-hello-h5/), served by a small static server here, fresh
 *   context per load; first text = navigation start → its "Hello world!" visible (checked on each
 *   animation frame, as the card's code is).
 *
 * ratio = the returning member's median time to code / the hello-world's median first text (issue
 * 16 asks ≤ 1.2, with zero function calls before the code is on screen).
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
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Request as PwRequest } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { h5IsCurrent } from '../../scripts/ensure-h5';
import { CHROMIUM, hasChromium, launchChromium } from '../support/browser';
import { post, startDevServer, tempDataDir } from '../support/devServer';
import { buildTaro, HELLO_FIXTURE } from './mainPackage';
import { median, round, table } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const TMP_DIR = path.join(ROOT, 'bench/tmp');

export const CARD_ROUTE = `/#${pageUrl('card')}`;
const OPENID = 'bench-card-1';
const LOAD_TIMEOUT_MS = 30_000;
const HELLO_H5_OUT = path.join(TMP_DIR, 'taro-hello-h5');
/** The text of the `taro init` default template's page. */
export const HELLO_TEXT = 'Hello world!';
/** Issue 16's bound: the returning member's time to code ≤ 1.2 × the hello-world's first text. */
export const TIME_TO_CODE_RATIO_TARGET = 1.2;

/** tests/support/browser.ts's phone (375×812 @2×, touch, zh-CN), here with a storage state to start from. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

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
  /** the phone figure for a first-ever open (empty storage): CPU 4× slower */
  throttled: CardRunReport;
  /** the same first-ever loads unthrottled, for comparison */
  unthrottled: CardRunReport;
  /** a returning member (the storage of a context that opened the card once, HTTP cache cold), CPU 4× slower */
  returning: CardRunReport & { storageKeys: string[] };
  /** the Taro hello-world's first text, built for H5 in this run, CPU 4× slower */
  hello: HelloRunReport;
  /** returning median / hello median and first-ever median / hello median */
  ratio: { returningOverHello: number; firstEverOverHello: number; target: number; withinTarget: boolean; callsBeforeCode: number | number[] };
}

export interface HelloRunReport {
  cpuThrottlingRate: number;
  /** navigation start → "Hello world!" visible */
  firstTextMs: Spread;
  firstContentfulPaintMs: Spread | null;
  jsTransferBytes: number;
  buildSeconds: number;
  outDir: string;
  samples: Array<{ firstTextMs: number; firstContentfulPaintMs: number | null; jsTransferBytes: number }>;
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

/**
 * One load with a cold HTTP cache: a fresh context (empty storage, or `storageState`'s), the CPU
 * throttled before navigation, timed in the page.
 */
async function coldLoad(browser: Browser, url: string, rate: number, storageState?: StorageState): Promise<CardLoadSample> {
  const context = await browser.newContext({ ...PHONE, ...(storageState ? { storageState } : {}) });
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

/**
 * Opens the card once in a context of its own (unmeasured, unthrottled) and lets it settle, as a
 * member's phone has after a first visit: that context's storage (localStorage of the app's origin).
 */
async function returningStorage(browser: Browser, url: string): Promise<StorageState> {
  const context = await browser.newContext(PHONE);
  try {
    await context.addInitScript({ content: WATCH_TILL_CODE });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction('window.__tillCodeAt !== undefined', null, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
    // whatever the page stores after the code is up (the card, a device secret) lands within a moment
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Runs in every document of a hello-world load: `window.__firstTextAt` once HELLO_TEXT is visible. */
const WATCH_FIRST_TEXT = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.bottom <= 0 || r.top >= window.innerHeight) return false;
    return typeof el.checkVisibility !== 'function' || el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const check = () => {
    if (window.__firstTextAt !== undefined) return true;
    if (!document.body) return false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue && n.nodeValue.includes(${JSON.stringify(HELLO_TEXT)}) && n.parentElement && visible(n.parentElement)) {
        window.__firstTextAt = performance.now();
        return true;
      }
    }
    return false;
  };
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** A static file server for a built H5 folder on a free port: `/` is index.html. */
async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The hello-world fixture, production H5 build into bench/tmp/taro-hello-h5/. */
export async function buildHelloH5(): Promise<{ seconds: number; outDir: string }> {
  fs.rmSync(HELLO_H5_OUT, { recursive: true, force: true });
  const { seconds } = await buildTaro('h5', HELLO_FIXTURE, path.join(TMP_DIR, 'taro-hello-h5-build.log'), { TARO_HELLO_OUTPUT_ROOT: HELLO_H5_OUT });
  if (!fs.existsSync(path.join(HELLO_H5_OUT, 'index.html'))) throw new Error(`the hello-world H5 build wrote no index.html in ${path.relative(ROOT, HELLO_H5_OUT)}`);
  return { seconds, outDir: HELLO_H5_OUT };
}

/** One cold load of the hello-world: a fresh context, the CPU throttled before navigation. */
async function helloLoad(browser: Browser, url: string, rate: number): Promise<HelloRunReport['samples'][number]> {
  const context = await browser.newContext(PHONE);
  try {
    await context.addInitScript({ content: WATCH_FIRST_TEXT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction('window.__firstTextAt !== undefined', null, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5_000, polling: 50 })
      .catch(() => undefined);
    const f = await page.evaluate(() => {
      const at = (window as unknown as { __firstTextAt: number }).__firstTextAt;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.js(\?|$)/.test(new URL(e.name).pathname) && e.responseEnd <= at);
      return { at, fcp: fcp ? fcp.startTime : null, js: js.reduce((n, e) => n + e.transferSize, 0) };
    });
    await cdp.detach().catch(() => undefined);
    return { firstTextMs: round(f.at), firstContentfulPaintMs: f.fcp === null ? null : round(f.fcp), jsTransferBytes: f.js };
  } finally {
    await context.close();
  }
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
  const loads = opts.loads ?? 9;
  const warmupLoads = opts.warmupLoads ?? 1;
  const rate = opts.rate ?? 4;
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  // the builds one after the other, before anything is timed (2 cores: nothing heavy in parallel)
  const h5Build = await ensureH5();
  const helloBuild = await buildHelloH5();

  const dataDir = tempDataDir();
  const server = await startDevServer({ dataDir });
  const hello = await serveStatic(helloBuild.outDir);
  let browser: Browser | null = null;
  try {
    const enrolled = await post(`${server.url}api/fn/member`, { action: 'enroll', storeId: 'S001', privacyAccepted: true }, { 'x-openid': OPENID });
    if (enrolled.status !== 200 || enrolled.body?.ok !== true) throw new Error(`enroll failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const url = `${server.url.replace(/\/$/, '')}${CARD_ROUTE}?openid=${OPENID}`;

    const loadBefore = round(os.loadavg()[0]!, 2);
    browser = await launchChromium();
    const chromium = browser.version();
    // unmeasured: the first load also pays for the browser's first renderer and the servers' first file reads
    for (let i = 0; i < warmupLoads; i += 1) {
      await coldLoad(browser, url, 1);
      await helloLoad(browser, hello.url, 1);
    }
    const storage = await returningStorage(browser, url);
    const storageKeys = storage.origins.flatMap((o) => o.localStorage.map((e) => e.name)).sort();
    const throttled: CardLoadSample[] = [];
    const unthrottled: CardLoadSample[] = [];
    const returning: CardLoadSample[] = [];
    const helloSamples: HelloRunReport['samples'] = [];
    // interleaved, so a slow patch of the machine hits every series alike
    for (let i = 0; i < loads; i += 1) {
      helloSamples.push(await helloLoad(browser, hello.url, rate));
      returning.push(await coldLoad(browser, url, rate, storage));
      throttled.push(await coldLoad(browser, url, rate));
      unthrottled.push(await coldLoad(browser, url, 1));
    }
    const helloFcps = helloSamples.map((h) => h.firstContentfulPaintMs).filter((v): v is number => v !== null);
    const helloReport: HelloRunReport = {
      cpuThrottlingRate: rate,
      firstTextMs: spread(helloSamples.map((h) => h.firstTextMs)),
      firstContentfulPaintMs: helloFcps.length ? spread(helloFcps) : null,
      jsTransferBytes: median(helloSamples.map((h) => h.jsTransferBytes)),
      buildSeconds: helloBuild.seconds,
      outDir: path.relative(ROOT, helloBuild.outDir),
      samples: helloSamples,
    };
    const first = summarise(rate, throttled);
    const back = { ...summarise(rate, returning), storageKeys };
    const returningOverHello = round(back.timeToCodeMs.median / helloReport.firstTextMs.median, 2);
    return {
      note: `H5 card page from the dev server, time to code = navigation start → QR and barcode <img> both complete with naturalWidth > 0 (performance.now() in the page); first-ever = fresh context (no cache, no storage; openid via ?openid=); returning = fresh context made from the storageState() of a context that opened the card once (localStorage kept, HTTP cache cold); hello = the taro init default template built for H5 in this run, served statically, navigation start → "${HELLO_TEXT}" visible; FCP from the paint timeline; JS bytes = transferSize of scripts loaded before the code showed (uncompressed); api = /api/fn requests started before the code showed; hello, returning, first-ever ${rate}× and first-ever 1× loads interleaved after ${warmupLoads} unmeasured warm-up load(s) of each page`,
      route: CARD_ROUTE,
      chromium,
      viewport: '375×812 @2x, mobile, touch',
      loads,
      warmupLoads,
      h5Build,
      loadAverage1m: { before: loadBefore, after: round(os.loadavg()[0]!, 2) },
      throttled: first,
      unthrottled: summarise(1, unthrottled),
      returning: back,
      hello: helloReport,
      ratio: {
        returningOverHello,
        firstEverOverHello: round(first.timeToCodeMs.median / helloReport.firstTextMs.median, 2),
        target: TIME_TO_CODE_RATIO_TARGET,
        withinTarget: returningOverHello <= TIME_TO_CODE_RATIO_TARGET,
        callsBeforeCode: back.apiRequests,
      },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await hello.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The readable lines `npm run bench` prints. */
export function describeCardTimeToCode(r: CardTimeToCodeReport): string {
  const t = r.throttled;
  const u = r.unthrottled;
  const b = r.returning;
  const h = r.hello;
  const fmt = (s: Spread | null) => (s ? `${s.median} ms (min ${s.min}, max ${s.max})` : 'n/a');
  const lines = [
    `H5 card, time to till code at ${t.cpuThrottlingRate}× CPU throttling (Chromium ${r.chromium}, HTTP cache cold, median of ${r.loads}):`,
    `  returning member (storage kept): ${b.timeToCodeMs.median} ms (min ${b.timeToCodeMs.min}, max ${b.timeToCodeMs.max}); function calls before the code: ${JSON.stringify(b.apiRequests)}${b.apiCalls.length ? ` (${b.apiCalls.join(' → ')})` : ''}; storage: ${b.storageKeys.join(', ') || 'none'}`,
    `  first-ever open (empty storage): ${t.timeToCodeMs.median} ms (min ${t.timeToCodeMs.min}, max ${t.timeToCodeMs.max}); unthrottled ${u.timeToCodeMs.median} ms; calls before the code: ${JSON.stringify(t.apiRequests)} (${t.apiCalls.join(' → ')})`,
    `  Taro hello-world H5, first text: ${fmt(h.firstTextMs)} (FCP ${fmt(h.firstContentfulPaintMs)}; JS ${h.jsTransferBytes.toLocaleString('en')} bytes; built in ${h.buildSeconds} s)`,
    `  ratio returning / hello = ${r.ratio.returningOverHello.toFixed(2)}× (target ≤ ${r.ratio.target}×${r.ratio.withinTarget ? '' : ' — OVER'}); first-ever / hello = ${r.ratio.firstEverOverHello.toFixed(2)}×`,
    `  card FCP ${fmt(t.firstContentfulPaintMs)} first-ever at ${t.cpuThrottlingRate}×, ${fmt(u.firstContentfulPaintMs)} unthrottled; JS before the code ${t.jsTransferBytes.toLocaleString('en')} bytes in ${t.jsFiles} files`,
    table(
      ['load', 'hello ms', 'returning ms', 'first-ever ms', 'first-ever 1× ms', 'first-ever FCP ms', 'calls returning / first', 'QR in viewport'],
      t.samples.map((s, i) => [
        i + 1,
        h.samples[i]?.firstTextMs ?? 'n/a',
        b.samples[i]?.timeToCodeMs ?? 'n/a',
        s.timeToCodeMs,
        u.samples[i]?.timeToCodeMs ?? 'n/a',
        s.firstContentfulPaintMs ?? 'n/a',
        `${b.samples[i]?.apiRequests ?? '?'} / ${s.apiRequests}`,
        s.qrInViewport && u.samples[i]?.qrInViewport !== false && b.samples[i]?.qrInViewport !== false ? 'yes' : 'NO',
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
