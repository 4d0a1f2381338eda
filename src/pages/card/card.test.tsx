import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemberCard, TillReceipt } from '../../../cloudfunctions/contract';
import { deviceAnswer, expectedCode, holdCard, holdDevice, KEY, RECEIPT } from '../../../tests/ui/support/card';
import { withText } from '../../../tests/ui/support/dom';
import { CARD, fail, type MemberAnswers, ok, programMember } from '../../../tests/ui/support/member';
import { hidePage, recorded, resetTaro, setNetwork, showPage, storage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import CardPage from './index';

const actions = () => recorded.cloudCalls.map((c) => String(c.data.action));
const count = (action: string) => actions().filter((a) => a === action).length;
const shownCode = (c: HTMLElement) => c.querySelector('[data-code]')?.getAttribute('data-code') ?? null;

/** A returning member: the phone holds the card (read at `savedAt`) and a device secret. */
function returning(answers: MemberAnswers, options: { card?: MemberCard; savedAt?: number } = {}) {
  holdDevice({ issuedAt: Date.now() - 3_600_000 });
  holdCard(options.card ?? CARD, options.savedAt ?? Date.now());
  programMember({ device: ok(deviceAnswer()), receipt: ok({ receipt: null }), ...answers });
  return render(<CardPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('a returning member’s card and code come from the phone, before any request', () => {
  it('shows the card and a code on the first render, with no function called; the reads start after', async () => {
    const { container } = returning({ card: ok(CARD) });
    expect(container.querySelector('.tier-card__points-value')?.textContent).toBe('1,280');
    expect(shownCode(container)).toMatch(/^67\d{16}$/);
    expect(recorded.cloudCalls).toEqual([]);
    await waitFor(() => expect(actions()).toEqual(expect.arrayContaining(['card', 'device'])));
  });

  it('the code shown is the offline code of the held secret for this step', () => {
    const { container } = returning({ card: ok(CARD) });
    expect(shownCode(container)).toBe(expectedCode(Date.now()));
    expect(container.querySelector('.member-code__countdown')?.textContent).toMatch(/^\d+ 秒后更新 · 每 30 秒自动更新 · 离线可用$/);
  });

  it('a card read long ago says when its points are from; a fresh read takes the mark away', async () => {
    const savedAt = Date.parse('2026-12-06T06:05:00.000Z'); // 14:05 in Shanghai
    let answer: ReturnType<typeof ok> | ReturnType<typeof fail> = fail('UNAVAILABLE');
    const { container } = returning({ card: () => answer as never }, { savedAt });
    expect(container.querySelector('.tier-card__label')?.textContent).toBe('积分更新于 12-06 14:05 ›');
    await waitFor(() => expect(count('card')).toBeGreaterThan(0));
    expect(container.querySelector('.tier-card__label')?.textContent).toBe('积分更新于 12-06 14:05 ›');
    answer = ok({ ...CARD, points: 1_500 });
    act(() => showPage());
    await screen.findByText('1,500');
    expect(container.querySelector('.tier-card__label')?.textContent).toBe('积分 ›');
  });
});

describe('errors never replace a card on screen', () => {
  it('a read that fails keeps the card and the code, and says so in one small line with a retry', async () => {
    let answer: ReturnType<typeof ok> | ReturnType<typeof fail> = fail('INTERNAL');
    const { container } = returning({ card: () => answer as never });
    await waitFor(() => expect(container.querySelector('.card-page__notice')?.textContent).toBe(`积分暂未更新：${ERROR_TEXT.INTERNAL}重试`));
    expect(container.querySelector('.tier-card__points-value')?.textContent).toBe('1,280');
    expect(shownCode(container)).not.toBeNull();
    expect(container.querySelector('.state-error')).toBeNull();
    expect(recorded.toasts).toEqual([]);
    answer = ok({ ...CARD, points: 1_700 });
    fireEvent.click(container.querySelector('.card-page__notice') as HTMLElement);
    await screen.findByText('1,700');
    expect(container.querySelector('.card-page__notice')).toBeNull();
  });

  it('with no network the card says the code still works, and reads itself again when the network returns', async () => {
    let down = true;
    const { container } = returning({ card: () => (down ? fail('UNAVAILABLE') : ok({ ...CARD, points: 2_000 })) });
    await waitFor(() => expect(count('card')).toBe(1));
    act(() => setNetwork(false));
    expect(container.querySelector('.card-page__notice')?.textContent).toBe('当前无网络，会员码仍可使用');
    expect(shownCode(container)).not.toBeNull();
    down = false;
    act(() => setNetwork(true));
    await screen.findByText('2,000');
    expect(container.querySelector('.card-page__notice')).toBeNull();
  });

  it('a first-ever open with no card on the phone and no network says what is wrong and offers a retry', async () => {
    programMember({ card: fail('UNAVAILABLE'), device: fail('UNAVAILABLE') });
    const { container } = render(<CardPage />);
    await waitFor(() => expect(container.querySelector('.state-error')?.textContent).toContain(ERROR_TEXT.UNAVAILABLE));
  });

  it('NOT_MEMBER sends the shopper to join and forgets what the phone kept', async () => {
    returning({ card: fail('NOT_MEMBER'), device: fail('NOT_MEMBER') });
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
    expect(storage.has(KEY.card)).toBe(false);
    expect(storage.has(KEY.device)).toBe(false);
  });
});

describe('after the till scans', () => {
  const receiptFeed = () => {
    let receipt: TillReceipt | null = null;
    return { set: (r: TillReceipt | null) => (receipt = r), answer: () => ok({ receipt }) };
  };

  it('opens the receipt page once with the receipt handed over, and shows the new balance on the card; the same receipt is not shown again', async () => {
    storage.set(KEY.receipt, 'S001:T0999');
    const feed = receiptFeed();
    const { container } = returning({ card: ok(CARD), receipt: feed.answer });
    await waitFor(() => expect(count('receipt')).toBeGreaterThan(0), { timeout: 4000 });
    feed.set(RECEIPT);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/moments/index' }]), { timeout: 6000 });
    expect(storage.get(KEY.moment)).toEqual(RECEIPT);
    expect(container.querySelector('.tier-card__points-value')?.textContent).toBe('1,599');
    expect(storage.get(KEY.receipt)).toBe(RECEIPT.receiptId);
    // nothing covers the code
    expect(container.querySelector('.card-moment')).toBeNull();
    const polled = count('receipt');
    await waitFor(() => expect(count('receipt')).toBeGreaterThan(polled), { timeout: 4000 });
    expect(recorded.navigations).toHaveLength(1);
  }, 20_000);

  it('an order that lifted the tier shows on the card at once (the upgrade moment is the receipt page’s)', async () => {
    storage.set(KEY.receipt, 'S001:T0999');
    const feed = receiptFeed();
    const upgraded = { ...RECEIPT, receiptId: 'S001:T2000', pointsEarned: 1_200, balance: 2_480, tier: 'grower' as const };
    feed.set(upgraded);
    const { container } = returning({ card: ok(CARD), receipt: feed.answer });
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/moments/index' }]), { timeout: 4000 });
    expect(storage.get(KEY.moment)).toEqual(upgraded);
    expect(container.querySelector('.tier-card')?.getAttribute('data-tier')).toBe('grower');
  }, 10_000);

  it('stops asking while the card is hidden', async () => {
    const { container } = returning({ card: ok(CARD) });
    await waitFor(() => expect(count('receipt')).toBeGreaterThan(0), { timeout: 4000 });
    act(() => hidePage());
    const asked = count('receipt');
    await act(async () => new Promise((r) => setTimeout(r, 3000)));
    expect(count('receipt')).toBe(asked);
    expect(container.querySelector('.tier-card')).not.toBeNull();
  }, 10_000);
});

describe('the welcome after joining', () => {
  const WELCOMED: MemberCard = { ...CARD, points: 0, wallet: { usable: 2, endingSoon: null, atTill: [{ couponId: 'welcome-80:m:once', name: '首单8折券' }, { couponId: 'marketing-opt-in-5:m:once', name: '订阅福利券' }] } };

  it('greets the new member once (the welcome page over the card), and shows 本单可用 next to the code', async () => {
    storage.set(KEY.welcome, CARD.memberId);
    const { container, unmount } = returning({ card: ok(WELCOMED) }, { card: WELCOMED });
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/moments/index?kind=welcome' }]));
    expect(container.querySelector('[data-at-till]')?.textContent).toBe('本单可用首单8折券、订阅福利券');
    expect(storage.has(KEY.welcome)).toBe(false);
    unmount();
    recorded.navigations.length = 0;
    returning({ card: ok(WELCOMED) }, { card: WELCOMED });
    await waitFor(() => expect(count('card')).toBeGreaterThan(1));
    expect(recorded.navigations).toEqual([]);
  });
});

describe('the card as a home page', () => {
  it('says the way to the next tier in one line, the wallet’s count and what ends soon, and leads to each feature', async () => {
    const card: MemberCard = { ...CARD, wallet: { usable: 3, endingSoon: { name: '首单8折券', endsAt: '2026-12-25T16:00:00.000Z' }, atTill: [] } };
    const { container } = returning({ card: ok(card) }, { card });
    // the code and the card on the first frame, the rows under the code a frame later
    expect(container.querySelector('.member-code__digits')).not.toBeNull();
    expect(container.querySelector('.card-page__links')).toBeNull();
    await waitFor(() => expect(container.querySelector('.card-page__links')).not.toBeNull());
    expect(container.querySelector('.card-page__progress')?.textContent).toBe('本季度再消费 ¥601 升级成长者›');
    expect(container.querySelector('.card-page__link--wallet')?.textContent).toBe('我的券3 张可用首单8折券 12-25 到期');
    fireEvent.click(container.querySelector('.card-page__progress') as HTMLElement);
    fireEvent.click(container.querySelector('.card-page__link--wallet') as HTMLElement);
    fireEvent.click(container.querySelector('.entry-row--wardrobe') as HTMLElement);
    expect(recorded.navigations).toEqual([
      { api: 'switchTab', url: '/pages/points/index' },
      { api: 'navigateTo', url: '/packages/coupons/index' },
      { api: 'navigateTo', url: '/packages/style/wardrobe/index' },
    ]);
    fireEvent.click(container.querySelector('.entry-row--benefits') as HTMLElement);
    expect(recorded.navigations.at(-1)).toEqual({ api: 'navigateTo', url: '/packages/benefits/index' });
    expect(container.querySelector('.entry-row--benefits')?.textContent).toBe('会员权益升级成长者解锁更多›');
  });
});
