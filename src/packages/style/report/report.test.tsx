import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeWeappCanvas } from '../../../../tests/ui/support/canvas';
import { withText } from '../../../../tests/ui/support/dom';
import { fail, ok, programMember } from '../../../../tests/ui/support/member';
import { COMPLETE, DIAGNOSIS_COUPON, programStyle, reportView, type StyleAnswers } from '../../../../tests/ui/support/styleFunction';
import { answerSelectors, programSubscribe, recorded, resetTaro, setRouterParams, showPage } from '../../../../tests/ui/support/taro';
import type { Product } from '../../../../cloudfunctions/contract/catalog';
import { ERROR_TEXT } from '../../../services/errors';
import { handOverReport, takeReport } from '../handoff';
import ReportPage, { ISSUED_TOAST } from './index';

const VIEW = reportView();
const REPORT = VIEW.report;
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const button = (text: string) => withText(document.body, 'taro-button-core', text);

const COAT: Product = {
  _id: 'YYCOA022',
  name: '短款羽绒服·焦糖',
  category: 'outer',
  kind: 'puffer',
  kindName: '羽绒服',
  priceFen: 89900,
  colours: [{ name: '焦糖', hex: '#a8693a', family: 'earth' }],
  styles: ['休闲', '街头'],
  scenes: ['休闲', '旅行'],
  wearSeason: '秋冬',
  sizes: [
    { size: 'S', stock: 3 },
    { size: 'M', stock: 0 },
    { size: 'L', stock: 5 },
  ],
  image: '/static/products/YYCOA022.svg',
  onSale: true,
};

function open(answers: StyleAnswers = {}, params: Record<string, string> = {}) {
  setRouterParams(params);
  programStyle({ report: ok(VIEW), viewProduct: ok({ product: COAT }), ...answers });
  return render(<ReportPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
  takeReport(null);
});

describe('the report, read like a stylist’s card', () => {
  it('shows the season, the colour traits and which season it leans to, in words rather than a bare percentage', async () => {
    open();
    expect(await screen.findByText('秋季型 · 暖秋')).toBeTruthy();
    expect(calls('report')).toEqual([{ action: 'report' }]);
    expect(screen.getByText(REPORT.colour.sentence)).toBeTruthy();
    expect(screen.getByText('更接近暖秋，其次是暖春')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/把握\s*\d+%/);
    // the styles, with a bar each
    expect(document.querySelectorAll('.report-bar').length).toBeGreaterThanOrEqual(REPORT.style.shares.length);
    expect(document.querySelector('.report-style__name')?.textContent).toBe(REPORT.style.primary.style);
  });

  it('paints the palette as swatches: 适合, 百搭中性色, 金属 and 慎穿 (struck through)', async () => {
    open();
    await screen.findByText('我的色彩盘');
    const group = (kind: string) => Array.from(document.querySelectorAll(`.report-palette__group--${kind} .colour-swatch`), (s) => [s.getAttribute('data-hex'), s.textContent]);
    expect(group('wear')).toEqual(REPORT.palette.wear.map((c) => [c.hex, c.name]));
    expect(group('neutrals')).toEqual(REPORT.palette.neutrals.map((c) => [c.hex, c.name]));
    expect(group('metals')).toEqual(REPORT.palette.metals.map((c) => [c.hex, c.name]));
    expect(group('avoid')).toEqual(REPORT.palette.avoid.map((c) => [c.hex, c.name]));
    expect(document.querySelectorAll('.report-palette__group--avoid .colour-swatch__strike')).toHaveLength(REPORT.palette.avoid.length);
    // the member's own loves, with what the palette says
    expect(document.querySelectorAll('.report-liked__row')).toHaveLength(REPORT.likedColours.length);
    expect(document.querySelector('.report-liked__verdict')?.textContent).toBe('适合');
  });

  it('lists the products that fit with picture, price and why; a tap records the view and opens the piece with its sizes', async () => {
    open();
    await screen.findByText('适合你的单品');
    const cards = Array.from(document.querySelectorAll('.report-product'));
    expect(cards.map((c) => [c.querySelector('.report-product__name')?.textContent, c.querySelector('.report-product__price')?.textContent])).toEqual([
      ['短款羽绒服·焦糖', '¥899'],
      ['尖头中跟鞋·裸杏', '¥559.50'],
    ]);
    expect(cards[0]!.querySelector('taro-image-core')).not.toBeNull();
    expect(cards[0]!.textContent).toContain('休闲 · 暖秋适合的焦糖 · 你常买的价位');
    fireEvent.click(cards[0]!);
    expect(await screen.findByText('S')).toBeTruthy();
    expect(calls('viewProduct')).toEqual([{ action: 'viewProduct', sku: 'YYCOA022' }]);
    expect(screen.getByText('M 缺货')).toBeTruthy();
    fireEvent.click(button('知道了'));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('搭配这件 in the product sheet opens outfits built around that product', async () => {
    open();
    await screen.findByText('适合你的单品');
    fireEvent.click(document.querySelectorAll('.report-product')[1]!);
    await waitFor(() => expect(document.querySelector('.report-product-sheet__size, .report-product-sheet__problem')).not.toBeNull());
    fireEvent.click(button('搭配这件'));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/outfits/look/index?sku=YYHEE011' }]);
  });

  it('穿起来 leads to 我的衣橱 and 今日穿搭', async () => {
    open();
    await screen.findByText('穿起来');
    fireEvent.click(screen.getByText('我的衣橱 ›'));
    fireEvent.click(screen.getByText('今日穿搭 ›'));
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/style/wardrobe/index' },
      { api: 'navigateTo', url: '/packages/style/outfits/index' },
    ]);
  });

  it('a piece taken off sale meanwhile says so in the sheet', async () => {
    open({ viewProduct: fail('NOT_FOUND') });
    fireEvent.click((await screen.findAllByRole('button', { name: '短款羽绒服·焦糖' }))[0]!);
    expect(await screen.findByText('这件商品已下架')).toBeTruthy();
  });

  it('shows the scenes, fit and sizes, and the price bands by category', async () => {
    open();
    await screen.findByText('我的穿搭档案');
    const facts = Array.from(document.querySelectorAll('.report-fact'), (f) => f.textContent);
    expect(facts).toEqual(['上身合身', '下身宽松', '轮廓直筒', '上装M', '下装M', '鞋码37']);
    expect(Array.from(document.querySelectorAll('.report-price-band'), (b) => b.textContent)).toContain('上装¥200–399');
  });
});

describe('the 穿搭诊断 coupon', () => {
  it('right after the quiz: the report comes from the submit (no second read), a toast and a banner say the coupon is in the wallet', async () => {
    handOverReport(reportView(COMPLETE, { diagnosisCoupon: { coupon: DIAGNOSIS_COUPON, justIssued: true } }));
    open({}, { attempt: '1' });
    expect(await screen.findByText('刚刚发放')).toBeTruthy();
    expect(calls('report')).toEqual([]);
    expect(recorded.toasts).toEqual([{ title: ISSUED_TOAST, icon: 'none', duration: 2500 }]);
    expect(screen.getByText(`${ISSUED_TOAST}：穿搭诊断·上装券 ¥50`)).toBeTruthy();
    expect(screen.getByText(REPORT.topCategoryWhy)).toBeTruthy();
    // coming back from the wallet reads afresh; what was said stays said once
    act(() => showPage());
    await waitFor(() => expect(calls('report')).toEqual([{ action: 'report', attempt: 1 }]));
    expect(screen.getByText('刚刚发放')).toBeTruthy();
    expect(recorded.toasts).toHaveLength(1);
  });

  it('the coupon card links to 我的券', async () => {
    open();
    await screen.findByText('穿搭诊断券');
    fireEvent.click(document.querySelector('[aria-label="去券包查看穿搭诊断券"]')!);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index' }]);
    expect(screen.queryByText('刚刚发放')).toBeNull();
  });

  it('a member without the coupon (it went to an earlier membership) sees no coupon card', async () => {
    open({ report: ok(reportView(COMPLETE, { diagnosisCoupon: null })) });
    await screen.findByText('我的色彩盘');
    expect(screen.queryByText('穿搭诊断券')).toBeNull();
  });
});

describe('history and retakes', () => {
  const HISTORY = {
    reports: [
      { attempt: 2, createdAt: '2026-12-01T02:00:00.000Z', season: 'softAutumn' as const, seasonName: '柔秋', primaryStyle: '法式' as const, secondaryStyle: '简约' as const },
      { attempt: 1, createdAt: '2026-11-25T02:00:00.000Z', season: 'warmAutumn' as const, seasonName: '暖秋', primaryStyle: '简约' as const, secondaryStyle: '通勤' as const },
    ],
  };

  it('an earlier report says so, and links to the latest', async () => {
    open({ report: ok(reportView(COMPLETE, { attempt: 1, latest: false })) }, { attempt: '1' });
    expect(await screen.findByText('这是第1次的报告，最新报告为准')).toBeTruthy();
    expect(calls('report')).toEqual([{ action: 'report', attempt: 1 }]);
    fireEvent.click(screen.getByText('看最新报告 ›'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/report/index' }]);
  });

  it('历史报告 lists every report; opening an earlier one shows it in place of this one', async () => {
    open({ report: ok(reportView(COMPLETE, { attempt: 2, earlier: 1 })), history: ok(HISTORY) });
    fireEvent.click(await screen.findByText('历史报告（2 份） ›'));
    expect(await screen.findByText('第 1 次 · 暖秋 · 简约/通勤')).toBeTruthy();
    expect(screen.getByText('正在看')).toBeTruthy();
    fireEvent.click(screen.getByText('第 1 次 · 暖秋 · 简约/通勤'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/report/index?attempt=1' }]);
  });

  it('a first report has no history link', async () => {
    open();
    await screen.findByText('我的色彩盘');
    expect(screen.queryByText(/历史报告/)).toBeNull();
  });

  it('重新测试 starts the next attempt and opens the quiz in place of the report', async () => {
    open({ retake: ok({ attempt: 2 }) });
    fireEvent.click(await screen.findByText('重新测试'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/quiz/index' }]));
    expect(calls('retake')).toEqual([{ action: 'retake', attempt: 1 }]);
  });

  it('a failed 重新测试 says why and stays', async () => {
    open({ retake: fail('UNAVAILABLE') });
    fireEvent.click(await screen.findByText('重新测试'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(recorded.navigations).toEqual([]);
  });
});

describe('no report, failures', () => {
  it('a member without a report is offered the quiz', async () => {
    open({ report: fail('NOT_FOUND') });
    expect(await screen.findByText('还没有风格报告')).toBeTruthy();
    fireEvent.click(button('去做风格测试'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/quiz/index' }]);
  });

  it('a failed read says why and reads again', async () => {
    let down = true;
    open({ report: () => (down ? fail('UNAVAILABLE') : ok(VIEW)) });
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    down = false;
    fireEvent.click(button('重新加载'));
    expect(await screen.findByText('秋季型 · 暖秋')).toBeTruthy();
  });
});

describe('the report as a picture', () => {
  it('draws the season and the palette on a 2d canvas at the phone’s pixel ratio, and saves it to the album', async () => {
    process.env.TARO_ENV = 'weapp';
    const canvas = fakeWeappCanvas(270, 432);
    answerSelectors((s) => (s === '#style-report-poster' ? canvas.answer : null));
    open();
    fireEvent.click(await screen.findByText('生成报告图片'));
    await waitFor(() => expect(document.querySelector('.report-poster__veil')).toBeNull());
    expect([canvas.node.width, canvas.node.height]).toEqual([540, 864]);
    expect(canvas.drawn.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['暖秋', '秋季型', ...REPORT.palette.wear.slice(0, 8).map((c) => c.name)]));
    fireEvent.click(button('保存到相册'));
    await waitFor(() => expect(recorded.albumSaves).toEqual(['http://tmp/poster-540x864.png']));
    // keeping the picture is never rewarded, and the page does not say it is
    expect(document.querySelector('.report-keep')?.textContent).not.toMatch(/奖励|红包|得券|领取|返现/);
  });
});

describe('3 天穿搭灵感\'s reminder (first report only)', () => {
  it('asks WeChat only on a tap, records the opt-in and says how many are left', async () => {
    open();
    await screen.findByText('3 天穿搭灵感');
    expect(recorded.subscribeRequests).toEqual([]);
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    programMember({ subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 1, bookingReminder: 0, campaignOffer: 0 } }) });
    fireEvent.click(screen.getByText('开启提醒'));
    await screen.findByText('已开启提醒（剩余 1 次）');
    expect(recorded.subscribeRequests).toEqual([['styleclub-dev-outfit-inspiration']]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'subscribe').map((c) => c.data)).toEqual([{ action: 'subscribe', accepted: ['outfitInspiration'] }]);
  });

  it('is not offered on a later report', async () => {
    open({ report: ok({ ...VIEW, attempt: 2, earlier: 1 }) });
    await screen.findByText('穿起来');
    expect(screen.queryByText('3 天穿搭灵感')).toBeNull();
  });
});
