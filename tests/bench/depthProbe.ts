/**
 * How deep the app's element trees go, for `mini.baseLevel` (config/index.ts): preload it into any
 * script that drives the H5 build through Playwright (the screenshot scripts walk most states):
 *
 *   DEPTH_OUT=/tmp/depth.jsonl node --import tsx --import ./tests/bench/depthProbe.ts tests/e2e/support/screenshots.ts
 *
 * Every browser context the script makes gets an init script that watches the page's DOM and reports
 * each route's deepest element: the number of Taro component elements from the page's first element
 * down to a `<taro-view-core>` (depth 1 = a page's top view). In the weapp build an element at depth d
 * is drawn by base.wxml's level d − 1 template; from depth baseLevel on, by the `comp` custom
 * component instead. Lines `{route, depth, chain}` are appended to DEPTH_OUT (default
 * /tmp/depth.jsonl); `npx tsx tests/bench/depthProbe.ts [file]` prints the deepest per route.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const OUT = process.env.DEPTH_OUT ?? '/tmp/depth.jsonl';

// a string, not a function: tsx's keepNames would wrap inner functions in a __name helper the page lacks
const WATCH_DEPTH = `(() => {
  let best = {};
  let queued = false;
  const isTaro = (el) => /^TARO-.*-CORE$/.test(el.tagName);
  const measure = () => {
    queued = false;
    for (const page of document.querySelectorAll('.taro_page')) {
      const route = (page.id || '').split('?')[0] || location.hash.split('?')[0];
      let deepest = 0, chain = '';
      for (const view of page.querySelectorAll('taro-view-core')) {
        let d = 0, names = [];
        for (let el = view; el && el !== page; el = el.parentElement) {
          if (isTaro(el)) { d += 1; names.push((el.className || el.tagName.toLowerCase()).toString().split(' ')[0]); }
        }
        if (d > deepest) { deepest = d; chain = names.reverse().join(' > '); }
      }
      if (deepest > (best[route] || 0)) {
        best[route] = deepest;
        window.__reportDepth && window.__reportDepth({ route, depth: deepest, chain });
      }
    }
  };
  new MutationObserver(() => { if (!queued) { queued = true; setTimeout(measure, 50); } })
    .observe(document, { childList: true, subtree: true });
})();`;

const require_ = createRequire(__filename);

if (process.argv[1] && /depthProbe\.ts$/.test(process.argv[1])) {
  // the summary
  const file = process.argv[2] ?? OUT;
  const best = new Map<string, { depth: number; chain: string }>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { route: string; depth: number; chain: string };
    if ((best.get(r.route)?.depth ?? 0) < r.depth) best.set(r.route, r);
  }
  for (const [route, r] of [...best].sort((a, b) => b[1].depth - a[1].depth)) console.log(`${String(r.depth).padStart(3)}  ${route}  ${r.chain}`);
} else {
  const pw = require_('playwright-core') as typeof import('playwright-core');
  const launch = pw.chromium.launch.bind(pw.chromium);
  pw.chromium.launch = (async (...args: Parameters<typeof launch>) => {
    const browser = await launch(...args);
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...cargs: Parameters<typeof newContext>) => {
      const context = await newContext(...cargs);
      await context.exposeBinding('__reportDepth', (_source, r: unknown) => fs.appendFileSync(OUT, JSON.stringify(r) + '\n'));
      await context.addInitScript({ content: WATCH_DEPTH });
      return context;
    };
    return browser;
  }) as typeof pw.chromium.launch;
}
