/**
 * Screenshots of the wardrobe and outfit pages for a person to look at (not a test), on a 375×812
 * and a 320×640 phone: the card with 3 天穿搭灵感, 今日穿搭 (the day, a card, 换一件's sheet),
 * 我的衣橱 (top, the grid, a filter, 被遗忘的宝贝 six weeks later, the empty wardrobe), a piece,
 * 搭配这件, 收藏的搭配 and 添加衣服 (empty, its problems said, a photo, colours chosen). Each member takes
 * the quiz and buys a knit, jeans, sneakers and a blazer at the demo till first.
 * `node --import tsx tests/e2e/support/wardrobeScreenshots.ts [outDir]` (default /tmp/shots-wardrobe).
 * Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { post } from '../../support/devServer';
import { enroll, newOpenid, onPage, startStage, type Stage } from './app';
import { picturesLoaded } from './styleQuiz';
import { buyAtTill, photo, pickPhoto, takeQuiz } from './wardrobe';

const PHONES = [
  { name: '375', width: 375, height: 812 },
  { name: '320', width: 320, height: 640 },
];

/**
 * No toast over the page (Taro's H5 toast fades out, then is display: none) and every picture in;
 * a lazy picture on screen has its src first (Taro's Image gives it one once it scrolls in).
 */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((t) => getComputedStyle(t).display === 'none'), undefined, { timeout: 6000 });
  await page.waitForFunction(() =>
    Array.from(document.images).every((img) => {
      const r = img.getBoundingClientRect();
      const onScreen = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
      return img.complete && (!onScreen || img.getAttribute('src') !== null);
    }),
  );
}

const toTop = (el: Locator) => el.evaluate((e) => e.scrollIntoView({ block: 'start' }));

/** Moves the dev server's clock on by `days` (the pieces grow forgotten). */
async function later(stage: Stage, days: number): Promise<void> {
  const clock = await (await fetch(`${stage.server.url}api/dev/clock`)).json();
  const now = new Date(Date.parse(clock.data.now) + days * 86_400_000).toISOString();
  const set = await post(`${stage.server.url}api/dev/clock`, { now });
  if (set.status !== 200) throw new Error(`could not move the dev clock: ${JSON.stringify(set.body)}`);
}

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  const shots: string[] = [];
  try {
    for (const phone of PHONES) {
      const openid = newOpenid(`shot-wardrobe-${phone.name}`);
      await enroll(stage, openid, { nickname: '林小雨' });
      await takeQuiz(stage, openid);
      await buyAtTill(stage, openid, `SHOT-WR-${phone.name}-${openid}`);

      const context = await stage.browser.newContext({ viewport: { width: phone.width, height: phone.height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await context.newPage();
      const shot = async (name: string) => {
        await quiet(page);
        const file = `${outDir}/${name}-${phone.name}.png`;
        await page.screenshot({ path: file, scale: 'css' });
        shots.push(file);
      };
      const openPage = async (name: Parameters<typeof pageUrl>[0], query: Record<string, string> = {}) => {
        await page.goto(`${stage.server.url}#${pageUrl(name, { ...query, openid })}`);
        await page.reload();
        return onPage(page, name);
      };

      // the card with the first day of 3 天穿搭灵感
      const card = await openPage('card');
      const inspiration = card.locator('.inspiration');
      await inspiration.waitFor();
      await inspiration.evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await picturesLoaded(inspiration);
      await shot('card-inspiration');

      // 今日穿搭: the top, the first card, 换一件's sheet; then 收藏 and 今天穿了 on the first outfit
      const outfits = await openPage('outfits');
      const first = outfits.locator('.outfit-card').first();
      await first.waitFor();
      await shot('outfits-top');
      await toTop(first);
      await picturesLoaded(first);
      await shot('outfits-card');
      await first.locator('.outfit-piece__swap').first().click();
      await outfits.locator('.outfit-sheet .outfit-option, .outfit-sheet .outfit-sheet__empty').first().waitFor();
      await picturesLoaded(outfits.locator('.outfit-sheet')).catch(() => 0);
      await shot('outfits-swap');
      await outfits.getByText('不换了').click();
      await first.getByText('收藏', { exact: true }).click();
      await first.getByText('已收藏').waitFor();
      await first.getByText('今天穿了').click();
      await first.getByText('今天已穿').waitFor();
      await shot('outfits-worn');
      await outfits.locator('.outfits-links').evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await shot('outfits-end');

      // 我的衣橱: the top, a filter
      const wardrobe = await openPage('wardrobe');
      await wardrobe.locator('.wardrobe-tile').first().waitFor();
      await picturesLoaded(wardrobe.locator('.wardrobe-grid'));
      await shot('wardrobe-top');
      await toTop(wardrobe.locator('.wardrobe-grid'));
      await shot('wardrobe-grid');
      await wardrobe.locator('[aria-label="类别"] [role="radio"]', { hasText: '上装' }).click();
      await toTop(wardrobe.locator('.wardrobe-tabs'));
      await shot('wardrobe-filtered');

      // a piece worn today
      const worn = await wardrobe.evaluate(() => document.querySelector('.wardrobe-tile .wardrobe-tile__today')?.closest('[data-item]')?.getAttribute('data-item') ?? null);
      const anyPiece = worn ?? (await wardrobe.locator('.wardrobe-tile').first().getAttribute('data-item'))!;
      const item = await openPage('wardrobeItem', { id: anyPiece });
      await item.locator('.piece-about__name').waitFor();
      await shot('item-top');
      await item.locator('.piece-more').evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await shot('item-end');

      // 搭配这件 around it
      const look = await openPage('completeLook', { id: anyPiece });
      await look.locator('.outfit-card, .outfit-problem').first().waitFor();
      await shot('look-top');
      const lookCard = look.locator('.outfit-card').first();
      if (await lookCard.count()) {
        await toTop(lookCard);
        await picturesLoaded(lookCard);
        await shot('look-card');
      }

      // 收藏的搭配
      const saved = await openPage('savedOutfits');
      await saved.locator('.saved-outfit').first().waitFor();
      await picturesLoaded(saved.locator('.saved-outfit').first());
      await shot('saved');

      // 添加衣服: empty, its problems said, colours and chips chosen
      const add = await openPage('wardrobeAdd');
      await add.locator('.add-photo').waitFor();
      await shot('add-empty');
      await add.getByText('放进衣橱').click();
      await add.locator('.add__problem').waitFor();
      await shot('add-problems');
      await pickPhoto(page, add, photo(600, 800));
      await shot('add-photo');
      await add.locator('[data-field="name"] input').fill('条纹衬衫');
      await add.locator('[data-field="category"] [role="radio"]', { hasText: '上装' }).click();
      for (const c of ['奶白', '藏青']) await add.locator(`[data-colour="${c}"] .colour-swatch`).click();
      await toTop(add.locator('[data-field="colours"]'));
      await shot('add-colours');
      await add.locator('[data-field="wearSeason"] [role="radio"]', { hasText: '春夏' }).click();
      await add.locator('[data-field="styles"] [role="checkbox"]', { hasText: '通勤' }).click();
      await toTop(add.locator('[data-field="wearSeason"]'));
      await shot('add-chips');

      // six weeks later: 被遗忘的宝贝 in the wardrobe
      await later(stage, 43);
      const forgotten = await openPage('wardrobe');
      await forgotten.locator('.wardrobe-forgotten').waitFor();
      await picturesLoaded(forgotten.locator('.wardrobe-forgotten'));
      await shot('wardrobe-forgotten');

      // a member who bought nothing yet: the empty wardrobe
      const newcomer = newOpenid(`shot-empty-${phone.name}`);
      await enroll(stage, newcomer);
      await page.goto(`${stage.server.url}#${pageUrl('wardrobe', { openid: newcomer })}`);
      await page.reload();
      const empty = await onPage(page, 'wardrobe');
      await empty.getByText('衣橱还是空的').waitFor();
      await shot('wardrobe-empty');
      await context.close();
    }
    console.log(shots.join('\n'));
  } finally {
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/shots-wardrobe').catch((e) => {
  console.error(e);
  process.exit(1);
});
