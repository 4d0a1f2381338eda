/**
 * Phone-sized screenshots of the app's pages for a person to look at (not a test):
 * `node --import tsx tests/e2e/support/screenshots.ts [outDir]` (default /tmp/shots). Builds nothing:
 * run `npm start` once (or the e2e tests) so dist-h5/ is current.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { joinRoute, loadedImage, newOpenid, onPage, settled, startStage, STORE_NAME } from './app';

async function quiet(page: Page): Promise<void> {
  // no toast or modal over the page, and every picture loaded
  await page.locator('.taro__toast').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  try {
    const page = await stage.open(joinRoute(newOpenid('shots')));
    const join = await settled(page);
    await join.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
    await quiet(page);
    await page.screenshot({ path: `${outDir}/join-agree.png`, scale: 'css' });

    await join.getByText('同意并继续').click();
    await join.getByText(/^立即入会/).waitFor();
    await quiet(page);
    await page.screenshot({ path: `${outDir}/join-profile.png`, scale: 'css' });

    await join.locator('.join__profile input.weui-input').fill('小雅');
    await join.getByText(/^立即入会/).click();
    const card = await onPage(page, 'card');
    await loadedImage(card.locator('.member-code__qr'));
    await quiet(page);
    await page.screenshot({ path: `${outDir}/card.png`, scale: 'css' });

    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const me = await onPage(page, 'me');
    await me.locator('.me__head').waitFor();
    await quiet(page);
    await page.screenshot({ path: `${outDir}/me.png`, scale: 'css' });
    console.log(['join-agree', 'join-profile', 'card', 'me'].map((n) => `${outDir}/${n}.png`).join('\n'));
  } finally {
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/shots').catch((e) => {
  console.error(e);
  process.exit(1);
});
