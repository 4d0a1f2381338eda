/**
 * Draws the invite share card's picture (WeChat shows it at 5:4 under the title) with Debian's
 * Chromium: the brand's dark block, gold rings, 悦衣库 spaced wide and a line about the season —
 * no reward in it (sharing itself earns nothing). Run after changing the design:
 * `npx tsx scripts/make-share-image.ts` → src/packages/invite/share.jpg (in the invite subpackage).
 */
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; width: 500px; height: 400px; overflow: hidden; font-family: 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif; }
  .card { position: relative; width: 500px; height: 400px; background: linear-gradient(135deg, #17150f, #4a3f2f); color: #fff; }
  .ring { position: absolute; border: 1.5px solid #d9b878; border-radius: 50%; }
  .brand { position: absolute; left: 44px; top: 70px; font-size: 64px; font-weight: 700; letter-spacing: 18px; color: #d9b878; }
  .en { position: absolute; left: 48px; top: 160px; font-size: 16px; letter-spacing: 7px; color: #d9b878; }
  .bar { position: absolute; left: 46px; top: 204px; width: 64px; height: 3px; background: #d9b878; }
  .title { position: absolute; left: 44px; top: 236px; font-size: 40px; font-weight: 600; letter-spacing: 2px; }
  .sub { position: absolute; left: 46px; top: 306px; font-size: 20px; letter-spacing: 3px; color: rgba(255,255,255,0.72); }
</style></head><body><div class="card">
  <div class="ring" style="right:-150px; top:-150px; width:300px; height:300px; opacity:.35"></div>
  <div class="ring" style="right:-200px; top:-200px; width:400px; height:400px; opacity:.22"></div>
  <div class="ring" style="right:-250px; top:-250px; width:500px; height:500px; opacity:.12"></div>
  <div class="brand">悦衣库</div><div class="en">YUEYI CLUB</div><div class="bar"></div>
  <div class="title">一起发现当季新款</div><div class="sub">悦衣会员 · 好友邀请</div>
</div></body></html>`;

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 500, height: 400 }, deviceScaleFactor: 1 });
  await page.setContent(HTML);
  const file = join(__dirname, '..', 'src', 'packages', 'invite', 'share.jpg');
  await page.screenshot({ path: file, type: 'jpeg', quality: 88 });
  console.log('wrote', file);
  await browser.close();
}

void main();
