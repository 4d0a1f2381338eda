import { chromium } from 'playwright-core';

const BASE = process.env.BASE!;
async function fn(name: string, openid: string, data: object) {
  const res = await fetch(`${BASE}/api/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(data) });
  return res.json();
}
(async () => {
  const now = new Date();
  const md = (d: number) => { const t = new Date(now.getTime() + 8 * 3600e3 + d * 86400e3); return `${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`; };
  console.log(JSON.stringify(await fn('member', 'shot-a', { action: 'enroll', storeId: 'S001', privacyAccepted: true, nickname: '王女士', birthday: md(3) })).slice(0, 200));
  await fn('member', 'shot-b', { action: 'enroll', storeId: 'S001', privacyAccepted: true, nickname: '李先生' });
  await fn('member', 'shot-c', { action: 'enroll', storeId: 'S002', privacyAccepted: true, nickname: '杭州会员' });
  const run = await fetch(`${BASE}/api/dev/jobs/staff-todos`, { method: 'POST' });
  console.log(await run.text());
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  for (const [who, page, file] of [['staff-S001', 'todos', 'clerk-todos'], ['manager-S001', 'todos', 'manager-todos'], ['manager-S001', 'figures', 'manager-figures'], ['staff-S002', 'todos', 's002-todos']] as const) {
    const p = await ctx.newPage();
    await p.goto(`${BASE}/#/packages/staff/${page}/index?openid=${who}`);
    await p.waitForTimeout(2500);
    await p.screenshot({ path: `/tmp/shots/${file}.png`, fullPage: true });
    await p.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
