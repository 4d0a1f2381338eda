/**
 * Screenshots of the style pages for a person to look at (not a test), on a 375×812 and a 320×640
 * phone: quiz steps (boards, a colour question, the colours loved and avoided, fit, prices), the
 * finished quiz, the report (top, palette, styles, colour, products, the product sheet, the
 * coupon, the wardrobe profile, the picture, the end), 我的风格档案 (with an editor open) and the
 * card's style row. Taro's H5 page scrolls inside its own element, so each part is scrolled into
 * view rather than taken as a full page.
 * `node --import tsx tests/e2e/support/styleScreenshots.ts [outDir]` (default /tmp/shots-style).
 * Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, startStage } from './app';
import { answerBefore, answerOnScreen, picturesLoaded } from './styleQuiz';

const PHONES = [
  { name: '375', width: 375, height: 812 },
  { name: '320', width: 320, height: 640 },
];

/** No toast over the page (Taro's H5 toast fades out, then is display: none) and every picture in. */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((t) => getComputedStyle(t).display === 'none'), undefined, { timeout: 6000 });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}

const toTop = (el: Locator) => el.evaluate((e) => e.scrollIntoView({ block: 'start' }));

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  const shots: string[] = [];
  try {
    for (const phone of PHONES) {
      const openid = newOpenid(`shot-style-${phone.name}`);
      await enroll(stage, openid, { nickname: '林小雨' });
      const context = await stage.browser.newContext({ viewport: { width: phone.width, height: phone.height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const shot = async (page: Page, name: string, options: { toast?: boolean } = {}) => {
        if (!options.toast) await quiet(page);
        const file = `${outDir}/${name}-${phone.name}.png`;
        await page.screenshot({ path: file, scale: 'css' });
        shots.push(file);
      };
      const page = await context.newPage();
      const openQuiz = async () => {
        await page.goto(`${stage.server.url}#${pageUrl('styleQuiz', { openid })}`);
        await page.reload();
        return onPage(page, 'styleQuiz');
      };

      // boards: two of three rated
      let quiz = await openQuiz();
      await picturesLoaded(quiz.locator('.quiz__step'));
      await quiz.locator('.quiz-board').nth(0).locator('.quiz-board__rating', { hasText: /^喜欢$/ }).click();
      await quiz.locator('.quiz-board').nth(1).locator('.quiz-board__rating', { hasText: /^一般$/ }).click();
      await shot(page, 'quiz-boards');

      // a colour question, one swatch chosen
      await answerBefore(stage, openid, 'veins');
      quiz = await openQuiz();
      await answerOnScreen(quiz, 4);
      await shot(page, 'quiz-colour');

      // colours loved and avoided
      await answerBefore(stage, openid, 'likes');
      quiz = await openQuiz();
      await answerOnScreen(quiz, 10);
      await shot(page, 'quiz-likes');
      await toTop(quiz.locator('.quiz-likes__grid'));
      await shot(page, 'quiz-likes-grid');

      // fit: the halves, then the silhouettes
      await answerBefore(stage, openid, 'fit');
      quiz = await openQuiz();
      await answerOnScreen(quiz, 12);
      await shot(page, 'quiz-fit');
      await toTop(quiz.locator('.quiz-silhouettes'));
      await shot(page, 'quiz-fit-silhouettes');

      // prices, then the report from the last step
      await answerBefore(stage, openid, 'prices');
      quiz = await openQuiz();
      await answerOnScreen(quiz, 14);
      await shot(page, 'quiz-prices');
      await quiz.getByText('查看我的风格报告').click();

      const report = await onPage(page, 'styleReport');
      await report.locator('.report-hero__season').waitFor();
      // with the toast that says the coupon is in the wallet, as the shopper first sees it
      // (the toast's wrapper has no box of its own: Playwright calls it hidden even when it shows)
      await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).some((t) => getComputedStyle(t).display !== 'none' && t.textContent?.includes('穿搭诊断券已放入券包')));
      await shot(page, 'report-top-toast', { toast: true });
      await shot(page, 'report-top');
      for (const [part, selector] of [
        ['palette', '.report-palette'],
        ['style', '.report-style'],
        ['colour', '.report-colour'],
        ['liked', '.report-liked'],
        ['products', '.report-products'],
        ['wear', '.report-wear'],
        ['coupon', '.report-diagnosis'],
        ['profile', '.report-profile'],
      ] as const) {
        const section = report.locator(selector);
        await toTop(section);
        if (part === 'products') await picturesLoaded(section);
        await shot(page, `report-${part}`);
      }
      await report.locator('.report-product').first().click();
      await report.locator('.report-product-sheet__size').first().waitFor();
      await shot(page, 'report-product-sheet');
      await report.getByText('知道了').click();
      await report.getByText('生成报告图片').click();
      await report.locator('.report-poster__veil').waitFor({ state: 'detached' });
      await toTop(report.locator('.report-keep'));
      await shot(page, 'report-picture');
      const pictureFile = `${outDir}/report-picture-canvas-${phone.name}.png`;
      await report.locator('.report-poster canvas').screenshot({ path: pictureFile });
      shots.push(pictureFile);
      await report.locator('.report-actions').evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await shot(page, 'report-end');

      // the quiz once finished
      quiz = await openQuiz();
      await quiz.getByText('你已完成风格测试').waitFor();
      await shot(page, 'quiz-done');

      // 我的风格档案, then its colour editor open
      await page.goto(`${stage.server.url}#${pageUrl('styleProfile', { openid })}`);
      await page.reload();
      const profile = await onPage(page, 'styleProfile');
      await profile.locator('.profile-tag').first().waitFor();
      await shot(page, 'profile-top');
      await toTop(profile.locator('[data-group="body"]'));
      await shot(page, 'profile-body');
      await profile.locator('[data-tag="likedColours"] .profile-tag__edit').click();
      await profile.locator('[data-editor="colours"]').waitFor();
      await toTop(profile.locator('[data-tag="likedColours"]'));
      await shot(page, 'profile-edit-colours');

      // the card's row
      await page.goto(`${stage.server.url}#${pageUrl('card', { openid })}`);
      await page.reload();
      const card = await onPage(page, 'card');
      await card.locator('.entry-row--style', { hasText: '我的风格' }).waitFor();
      await card.locator('.entry-row--style').evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await shot(page, 'card-style-row');
      await context.close();
    }
    console.log(shots.join('\n'));
  } finally {
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/shots-style').catch((e) => {
  console.error(e);
  process.exit(1);
});
