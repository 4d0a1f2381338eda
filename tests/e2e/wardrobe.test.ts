import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, loadedImage, newOpenid, onPage, recordCalls, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';
import { picturesLoaded } from './support/styleQuiz';
import { BASKET, buyAtTill, photo, pickPhoto, takeQuiz } from './support/wardrobe';

jest.setTimeout(TEST_TIMEOUT_MS * 3);

/**
 * The wardrobe end to end in the H5 app: a new member takes the style quiz, pays at the demo till
 * for a knit, jeans, sneakers and a blazer; the card then offers the first of the 3 天穿搭灵感; the
 * pieces are in 我的衣橱 by themselves (门店购买, with their pictures); 今日穿搭 dresses the member
 * from them; 今天穿了 marks the outfit's wardrobe pieces, and a piece's page counts the wear.
 */
describe('the wardrobe and today’s outfits', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('a member takes the quiz, buys at the till, finds the pieces in 我的衣橱, opens 今日穿搭, marks 今天穿了, and sees the wear on the piece', async () => {
    const openid = newOpenid('wardrobe');
    await enroll(stage, openid);

    // the quiz to its report; the report leads to the wardrobe and today's outfits
    const { report } = await takeQuiz(stage, openid);
    await report.locator('.report-wear').getByText('我的衣橱 ›').waitFor();
    await report.locator('.report-wear').getByText('今日穿搭 ›').waitFor();

    // paid at the demo till with the code on the card
    const { page, receipt } = await buyAtTill(stage, openid, `E2E-WR-${openid}`);
    expect(receipt).toContain('+1656 积分');
    const calls = recordCalls(page);

    // back on the card: the first day of 3 天穿搭灵感, its pictures loaded, read after the code
    await page.reload();
    let card = await onPage(page, 'card');
    const inspiration = card.locator('.inspiration');
    await inspiration.locator('.inspiration__day', { hasText: '第 1/3 天' }).waitFor();
    // under the code and the rows: below the fold on a phone
    await inspiration.scrollIntoViewIfNeeded();
    await picturesLoaded(inspiration);
    await inspiration.click();

    // 今日穿搭: the day, three outfits from what was just bought
    const outfits = await onPage(page, 'outfits');
    await outfits.locator('.outfits-day__weather').filter({ hasText: /^上海 · 今天约 -?\d+°C（按历年同期气候）$/ }).waitFor();
    const first = outfits.locator('.outfit-card').first();
    await first.waitFor();
    await picturesLoaded(first);
    expect(await outfits.locator('.outfit-card').count()).toBeGreaterThan(0);
    const bought = new Set<string>(BASKET.map((b) => b.name));
    const names = await first.locator('.outfit-piece__name').allInnerTexts();
    expect(names.filter((n) => bought.has(n)).length).toBeGreaterThanOrEqual(2);

    // 今天穿了: only the member's own pieces are marked
    await first.getByText('今天穿了').click();
    await first.getByText('今天已穿').waitFor();
    const wear = calls.find((c) => c.fn === 'style' && c.body.action === 'wear');
    const worn = wear!.body.ids as string[];
    expect(worn.length).toBeGreaterThanOrEqual(2);
    for (const id of worn) expect(id).toMatch(/^p:/);

    // 我的衣橱: the four pieces arrived by themselves, with their pictures; the worn ones say so
    await outfits.locator('.outfits-links__link', { hasText: '我的衣橱' }).click();
    const wardrobe = await onPage(page, 'wardrobe');
    await wardrobe.locator('.wardrobe-tile').first().waitFor();
    expect((await wardrobe.locator('.wardrobe-tile__name').allInnerTexts()).sort()).toEqual(BASKET.map((b) => b.name).sort());
    expect(await wardrobe.locator('.wardrobe-head__counts').innerText()).toBe('衣橱里 4 件');
    expect(new Set(await wardrobe.locator('.wardrobe-tile__source').allInnerTexts())).toEqual(new Set(['门店购买']));
    await picturesLoaded(wardrobe.locator('.wardrobe-grid'));
    for (const id of worn) await wardrobe.locator(`[data-item="${id}"] .wardrobe-tile__wears`, { hasText: '穿过 1 次' }).waitFor();

    // a worn piece's page: 穿过 1 次, today, its cost per wear (its price, worn once), and 今天已穿
    await wardrobe.locator(`[data-item="${worn[0]}"]`).click();
    const item = await onPage(page, 'wardrobeItem');
    await item.locator('.piece-figure', { hasText: '穿过' }).locator('.piece-figure__value', { hasText: '1 次' }).waitFor();
    const price = BASKET.find((b) => worn[0]!.includes(b.sku))!.price.replace(/\.00$/, '');
    await item.locator('.piece-figure', { hasText: '单次穿着成本' }).locator('.piece-figure__value', { hasText: `¥${price}` }).waitFor();
    expect(await item.locator('.piece-actions__wear').innerText()).toBe('今天已穿');
    expect(await item.locator('.piece-about__origin').innerText()).toMatch(/^门店购买 · \d{4}-\d{2}-\d{2} · 悦衣库 上海静安店$/);

    // and the card, read again, still offers the day's outfit
    await page.goto(`${stage.server.url}#${pageUrl('card', { openid })}`);
    card = await onPage(page, 'card');
    await card.locator('.inspiration').waitFor();
  });

  it('a member adds a piece of their own with a photo: the photo is uploaded, the piece is 我添加的 in the wardrobe with its picture', async () => {
    const openid = newOpenid('wardrobe-add');
    await enroll(stage, openid);
    const page = await stage.open(pageUrl('wardrobe', { openid }));
    const wardrobe = await onPage(page, 'wardrobe');
    await wardrobe.getByText('衣橱还是空的').waitFor();
    await wardrobe.locator('.wardrobe-empty').getByText('添加衣服').click();
    const add = await onPage(page, 'wardrobeAdd');

    // the photo from the album
    await pickPhoto(page, add, photo(300, 400));

    // nothing else filled in: each missing field says so
    await add.getByText('放进衣橱').click();
    await add.getByText('还有 4 项没填好，看看标红的地方').waitFor();
    await add.locator('[data-field="name"] input').fill('条纹衬衫');
    await add.locator('[data-field="category"] [role="radio"]', { hasText: '上装' }).click();
    await add.locator('[data-colour="奶白"] .colour-swatch').click();
    await add.locator('[data-colour="藏青"] .colour-swatch').click();
    await add.locator('[data-field="wearSeason"] [role="radio"]', { hasText: '春夏' }).click();
    await add.locator('[data-field="styles"] [role="checkbox"]', { hasText: '通勤' }).click();
    await add.getByText('放进衣橱').click();

    // its page: the photo from the programme's storage, 我添加的, and 删除 is offered
    const item = await onPage(page, 'wardrobeItem');
    await item.locator('.piece-about__name', { hasText: '条纹衬衫' }).waitFor();
    expect(await item.locator('.piece-about__origin').innerText()).toBe('我添加的');
    const img = await loadedImage(item.locator('.piece-picture'));
    expect(await img.evaluate((el: HTMLImageElement) => new URL(el.src).pathname)).toMatch(/^\/api\/dev\/files\/.+\.jpg$/);
    expect(await item.locator('.piece-about__colour').allInnerTexts()).toEqual(['奶白', '藏青']);
    await item.getByText('删除').waitFor();

    // and the wardrobe lists it
    await page.goto(`${stage.server.url}#${pageUrl('wardrobe', { openid })}`);
    const again = await onPage(page, 'wardrobe');
    await again.locator('.wardrobe-tile', { hasText: '条纹衬衫' }).locator('.wardrobe-tile__source', { hasText: '我添加的' }).waitFor();
  });
});
