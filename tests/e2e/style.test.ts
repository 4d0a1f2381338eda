import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, recordCalls, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';
import { answerOnScreen, picturesLoaded, stepOnScreen } from './support/styleQuiz';

jest.setTimeout(TEST_TIMEOUT_MS * 3);

/**
 * The style quiz end to end in the H5 app: a new member finds 风格测试 on the card, takes the quiz
 * through its pictures (rating the boards' product pictures, tapping swatches and chips), leaves and
 * comes back part way, sees the report with its swatches and the products that fit, and finds the
 * 穿搭诊断 coupon in 我的券.
 */
describe('the style quiz', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('a new member takes the quiz through the pictures, comes back part way, gets the report with swatches and products, and finds the 穿搭诊断 coupon in 我的券', async () => {
    const openid = newOpenid('style');
    await enroll(stage, openid);
    const page = await stage.open(pageUrl('card', { openid }));
    const calls = recordCalls(page);
    const card = await onPage(page, 'card');
    // the card's style row offers the quiz to a member without a report
    const row = card.locator('.entry-row--style');
    await row.filter({ hasText: '测出你的风格和色彩季型' }).waitFor();
    await row.click();
    let quiz = await onPage(page, 'styleQuiz');
    await quiz.locator('.quiz__count', { hasText: '第 1 / 15 步' }).waitFor();

    // the first boards: each piece is a catalogue picture that loads
    expect(await picturesLoaded(quiz.locator('.quiz__step'))).toBeGreaterThanOrEqual(9);
    const next = () => quiz.locator('.quiz__next');
    // 下一步 is held, saying what is missing, and a tap on it goes nowhere
    await quiz.getByText('还有 3 套没打分').waitFor();
    expect(await next().getAttribute('class')).toContain('btn--off');
    await next().click();
    await quiz.locator('.quiz__count', { hasText: '第 1 / 15 步' }).waitFor();
    expect(calls.filter((c) => c.body.action === 'saveAnswers')).toEqual([]);

    for (let i = 0; i < 15; i += 1) {
      const id = await answerOnScreen(quiz, i);
      if (i === 5) {
        // leaving before moving on loses only this step; the five saved come back from the server
        await page.reload();
        quiz = await onPage(page, 'styleQuiz');
        await quiz.locator('.quiz__count', { hasText: '第 6 / 15 步' }).waitFor();
        expect((await stepOnScreen(quiz)).id).toBe(id);
        await answerOnScreen(quiz, i);
      }
      if (i < 14) {
        await next().click();
        await quiz.locator('.quiz__count', { hasText: `第 ${i + 2} / 15 步` }).waitFor();
      }
    }
    await quiz.getByText('查看我的风格报告').click();

    // the report: the season, the palette as swatches, the products that fit with their pictures
    const report = await onPage(page, 'styleReport');
    await report.locator('.report-hero__season').waitFor();
    expect(await report.locator('.report-hero__season').innerText()).toMatch(/^(春|夏|秋|冬)季型 · \S{2}$/);
    const wear = report.locator('.report-palette__group--wear .colour-swatch');
    expect(await wear.count()).toBeGreaterThanOrEqual(4);
    const firstDot = await wear.first().locator('.colour-swatch__dot').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(firstDot).toMatch(/^rgb\(/);
    expect(await report.locator('.report-palette__group--avoid .colour-swatch__strike').count()).toBeGreaterThan(0);
    expect(await report.locator('.report__lean').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/更接近|很明确|之间/)]));
    const products = report.locator('.report-product');
    expect(await products.count()).toBeGreaterThan(0);
    await products.first().scrollIntoViewIfNeeded();
    await picturesLoaded(products.first());
    expect(await products.first().locator('.report-product__price').innerText()).toMatch(/^¥[\d,]+(\.\d{2})?$/);

    // the coupon came with this report: said, and linked
    await report.locator('.report-diagnosis__new', { hasText: '刚刚发放' }).waitFor();
    await report.getByText(/^穿搭诊断券已放入券包：穿搭诊断·/).waitFor();
    const couponName = await report.locator('.report-diagnosis .coupon-ticket__name').innerText();

    // a product opened is recorded, and shows its sizes
    await products.first().click();
    await report.locator('.report-product-sheet__size').first().waitFor();
    await report.getByText('知道了').click();

    // every step was saved once as the member moved on (the sixth twice: before and after leaving), then one submit
    const actions = calls.filter((c) => c.fn === 'style').map((c) => String(c.body.action));
    expect(actions.filter((a) => a === 'saveAnswers').length).toBeGreaterThanOrEqual(15);
    expect(actions.filter((a) => a === 'submit')).toHaveLength(1);
    expect(actions).toContain('viewProduct');

    // 去券包: the coupon is in 我的券
    await report.locator('.report-diagnosis').getByText('去券包').click();
    const wallet = await onPage(page, 'wallet');
    await wallet.locator('.coupon-ticket__name', { hasText: couponName }).waitFor();
    expect(couponName).toMatch(/^穿搭诊断·/);

    // and the card's row now says 我的风格 with the season
    const back = await stage.open(pageUrl('card', { openid }));
    const cardAgain = await onPage(back, 'card');
    await cardAgain.locator('.entry-row--style', { hasText: '我的风格' }).waitFor();
  });
});
