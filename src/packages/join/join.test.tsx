import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { emit, prop, typeInto, withText } from '../../../tests/ui/support/dom';
import { CARD, fail, GIFTS, type MemberAnswers, ok, programMember, STORE } from '../../../tests/ui/support/member';
import { INVITER, programReferral } from '../../../tests/ui/support/referral';
import { KEY } from '../../../tests/ui/support/card';
import { programScan, recorded, resetTaro, setEnterScene, setRouterParams, storage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import JoinPage from './index';

const actions = () => recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`);
const enrollCalls = () => recorded.cloudCalls.filter((c) => c.data.action === 'enroll').map((c) => c.data);

/** A shopper who has not joined, arriving from the store's code. */
function arrive(params: Record<string, string> = { scene: 's%3DS001' }, answers: MemberAnswers = {}) {
  setRouterParams(params);
  programMember({
    card: fail('NOT_MEMBER'),
    store: ok(STORE),
    enroll: ok({ member: CARD, created: true }),
    ...answers,
  });
  return render(<JoinPage />);
}

async function agree(view: ReturnType<typeof render>) {
  await screen.findByText(STORE.name);
  fireEvent.click(view.container.querySelector('#agree-privacy') as Element);
  await screen.findByText('完善资料（可跳过）');
}

function joinButton(view: ReturnType<typeof render>) {
  return withText(view.container, 'taro-button-core', '立即入会');
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('before agreeing, the join page only finds out who and where', () => {
  it.each([
    ['a store code (scene once-encoded)', { scene: 's%3DS001' }],
    ['a plain link', { storeId: 'S001' }],
  ])('%s: shows the store to join and has asked nothing but card and store', async (_name, params) => {
    arrive(params);
    expect(await screen.findByText(STORE.name)).toBeTruthy();
    expect(screen.getByText('入会前请了解我们如何保护你的信息')).toBeTruthy();
    expect(actions()).toEqual(['member.card', 'member.store']);
    expect(recorded.cloudCalls[1]?.data).toEqual({ action: 'store', storeId: 'S001' });
  });

  it('a shared store code (scene twice-encoded, with an invite): asks card, then store and inviter together', async () => {
    arrive({ scene: 's%253DS001%2526r%253DAB12CD' });
    expect(await screen.findByText(STORE.name)).toBeTruthy();
    expect(actions()).toEqual(['member.card', 'member.store', 'referral.inviter']);
    expect(recorded.cloudCalls[2]?.data).toEqual({ action: 'inviter', ref: 'AB12CD' });
  });

  it('a member opening a join link again goes straight to the card, asking nothing else', async () => {
    arrive({ scene: 's%3DS001' }, { card: ok(CARD) });
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]));
    expect(actions()).toEqual(['member.card']);
  });

  it.each([
    ['no store in the link', {}, undefined, '请扫描门店的会员二维码'],
    ['a store that does not exist', { storeId: 'S999' }, fail('NOT_FOUND'), '没有找到这家门店'],
  ])('%s: says what to do instead', async (_name, params, store, text) => {
    arrive(params, store ? { store } : {});
    expect(await screen.findByText(text)).toBeTruthy();
    expect(actions().filter((a) => a === 'member.enroll')).toEqual([]);
  });

  it('the full privacy policy opens from the agree step', async () => {
    const view = arrive();
    await screen.findByText(STORE.name);
    fireEvent.click(screen.getByText('阅读完整的《悦衣会员隐私政策》'));
    expect(view.container.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('悦衣会员隐私政策');
  });
});

describe('a friend’s invite on the join page', () => {
  const welcome = (view: ReturnType<typeof render>) => view.container.querySelector('.invite-welcome');

  it('shows who invited the shopper (masked) and what both get, above the privacy notice, before anything is agreed', async () => {
    programReferral({ inviter: ok(INVITER) });
    const view = arrive({ storeId: 'S001', ref: 'AB12CD' });
    await screen.findByText(STORE.name);
    const invite = welcome(view);
    expect(invite?.textContent).toBe('小* 邀请你加入悦衣会员入会后首单实付满¥100，7天退货期过后，你和Ta都得「新品优先试穿权」。');
    // the invite comes before the store and the privacy notice, and nothing has been sent but the code
    const notice = screen.getByText('入会前请了解我们如何保护你的信息');
    expect(invite!.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(recorded.cloudCalls.find((c) => c.data.action === 'inviter')?.data).toEqual({ action: 'inviter', ref: 'AB12CD' });
    expect(actions()).not.toContain('member.enroll');
  });

  it('a poster’s code (scene r=) finds the inviter the same way', async () => {
    programReferral({ inviter: ok(INVITER) });
    const view = arrive({ scene: 's%3DS001%26r%3DAB12CD' });
    await screen.findByText(STORE.name);
    expect(welcome(view)?.textContent).toContain('小* 邀请你加入悦衣会员');
  });

  it.each([
    ['an unknown code', 'NOT_FOUND' as const],
    ['a code the function refuses', 'INVALID_INPUT' as const],
    ['no answer', 'UNAVAILABLE' as const],
  ])('%s shows nothing of an invite, and joining goes on with the ref', async (_name, code) => {
    programReferral({ inviter: fail(code) });
    const view = arrive({ storeId: 'S001', ref: 'ZZ99ZZ' });
    await agree(view);
    expect(welcome(view)).toBeNull();
    expect(view.container.textContent).not.toContain('邀请你');
    fireEvent.click(joinButton(view));
    await waitFor(() => expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false, ref: 'ZZ99ZZ' }]));
  });

  it('the invite steps aside once the shopper has agreed: the profile step has the page', async () => {
    programReferral({ inviter: ok(INVITER) });
    const view = arrive({ storeId: 'S001', ref: 'AB12CD' });
    await agree(view);
    expect(welcome(view)).toBeNull();
  });

  it('a link with an invite but no store shows the invite and asks for a store code; the scanned store keeps the invite', async () => {
    programReferral({ inviter: ok(INVITER) });
    programScan({ path: 'packages/join/index?scene=s%3DS001' });
    process.env.TARO_ENV = 'weapp';
    const view = arrive({ ref: 'AB12CD' });
    expect(await screen.findByText('请扫描门店的会员二维码')).toBeTruthy();
    expect(welcome(view)?.textContent).toContain('小* 邀请你加入悦衣会员');
    fireEvent.click(withText(view.container, 'taro-button-core', '扫一扫门店码'));
    await agree(view);
    fireEvent.click(joinButton(view));
    await waitFor(() => expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false, ref: 'AB12CD' }]));
  });

  describe('opened from a Moments share (single-page mode, scene 1154)', () => {
    beforeEach(() => setEnterScene(1154));

    it('shows the invite, the store and the way into the mini program, and asks for no card, consent or join', async () => {
      programReferral({ inviter: ok(INVITER) });
      const view = arrive({ storeId: 'S001', ref: 'AB12CD' });
      expect(await screen.findByText('点击下方「前往小程序」入会')).toBeTruthy();
      expect(welcome(view)?.textContent).toContain('小* 邀请你加入悦衣会员');
      expect(screen.getByText(STORE.name)).toBeTruthy();
      expect(actions().sort()).toEqual(['member.store', 'referral.inviter']);
      expect(view.container.querySelector('#agree-privacy')).toBeNull();
      expect(recorded.navigations).toEqual([]);
    });

    it('an unknown invite leaves only the store and the way in', async () => {
      programReferral({ inviter: fail('NOT_FOUND') });
      const view = arrive({ storeId: 'S001', ref: 'ZZ99ZZ' });
      expect(await screen.findByText('点击下方「前往小程序」入会')).toBeTruthy();
      expect(welcome(view)).toBeNull();
    });
  });
});

describe('after agreeing, joining sends exactly what the shopper chose to give', () => {
  type Filled = { nickname?: string; birthday?: [number, number]; marketing?: boolean };
  it.each<[string, Record<string, string>, Filled, Record<string, unknown>]>([
    ['nothing filled in', { scene: 's%3DS001' }, {}, { storeId: 'S001', privacyAccepted: true, marketingOptIn: false }],
    [
      'nickname, birthday and marketing messages',
      { scene: 's%3DS001' },
      { nickname: '小雨', birthday: [2, 7], marketing: true },
      { storeId: 'S001', privacyAccepted: true, marketingOptIn: true, nickname: '小雨', birthday: '03-08' },
    ],
    [
      'a nickname typed with spaces around it',
      { storeId: 'S001' },
      { nickname: '  小雨 ' },
      { storeId: 'S001', privacyAccepted: true, marketingOptIn: false, nickname: '小雨' },
    ],
    ['a nickname of spaces only: no nickname', { storeId: 'S001' }, { nickname: '   ' }, { storeId: 'S001', privacyAccepted: true, marketingOptIn: false }],
    [
      'a leap-day birthday only',
      { storeId: 'S001' },
      { birthday: [1, 28] },
      { storeId: 'S001', privacyAccepted: true, marketingOptIn: false, birthday: '02-29' },
    ],
    [
      'an invite from a shared code',
      { scene: 's%3DS001%26r%3DAB12CD' },
      { marketing: true },
      { storeId: 'S001', privacyAccepted: true, marketingOptIn: true, ref: 'AB12CD' },
    ],
  ])('%s', async (_name, params, filled, sent) => {
    const view = arrive(params);
    await agree(view);
    expect(actions().filter((a) => a !== 'referral.inviter')).toEqual(['member.card', 'member.store']);

    if (filled.nickname !== undefined) typeInto(view.container.querySelector('taro-input-core'), filled.nickname);
    if (filled.birthday) emit(view.container.querySelector('taro-picker-core'), 'change', { value: filled.birthday });
    if (filled.marketing !== undefined) emit(view.container.querySelector('taro-switch-core'), 'change', { value: filled.marketing });
    fireEvent.click(joinButton(view));

    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]));
    expect(enrollCalls()).toEqual([{ action: 'enroll', ...sent }]);
    // the card greets the new member (a welcome left for it) and opens at once from the answer
    expect(storage.get(KEY.welcome)).toBe(CARD.memberId);
    expect(storage.get(KEY.card)).toMatchObject({ card: CARD });
  });

  it('the button names the store and says it is working while the request is on its way', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const view = arrive({ storeId: 'S001' }, { enroll: () => new Promise((resolve) => (finish = resolve as typeof finish)) as never });
    await agree(view);
    expect(joinButton(view).textContent).toBe(`立即入会 · ${STORE.name}`);
    fireEvent.click(joinButton(view));
    const busy = withText(view.container, 'taro-button-core', '正在入会…');
    expect(prop(busy, 'disabled')).toBe(true);
    finish(ok({ member: CARD, created: false }));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '你已经是会员啦', icon: 'none' }]));
    // a member already: no welcome for the card to give
    expect(storage.has(KEY.welcome)).toBe(false);
  });

  it('a double tap on a slow network joins once and welcomes the new member', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const view = arrive({ storeId: 'S001' }, { enroll: () => new Promise((resolve) => (finish = resolve as typeof finish)) as never });
    await agree(view);
    const button = joinButton(view);
    // both taps land before the page re-renders the button as busy
    fireEvent.click(button);
    fireEvent.click(button);
    expect(enrollCalls()).toHaveLength(1);
    finish(ok({ member: CARD, created: true }));
    await waitFor(() => expect(storage.get(KEY.welcome)).toBe(CARD.memberId));
    expect(enrollCalls()).toHaveLength(1);
  });
});

describe('a nickname the card cannot show is stopped on the phone', () => {
  it.each([
    ['21 characters', '一二三四五六七八九十一二三四五六七八九十一', '昵称不能超过20个字'],
    ['a blank-looking Hangul filler', '\u3164', '昵称不能只有空格或看不见的字符'],
    ['zero-width spaces only', '\u200B\u200B', '昵称不能只有空格或看不见的字符'],
    ['Zalgo text', 'Z\u0351\u0315\u0300\u035Ealgo', '昵称里有字符叠了太多符号，看不清楚，请改用普通文字'],
    ['mathematical bold letters', '\u{1D40C}\u{1D422}\u{1D41A}', '昵称里有花体、连体或带圈的特殊字母数字，请改用普通文字'],
  ])('%s: the problem in plain words, and nothing is sent', async (_name, nickname, problem) => {
    const view = arrive();
    await agree(view);
    typeInto(view.container.querySelector('taro-input-core'), nickname);
    expect(view.container.querySelector('.form-row__problem')?.textContent).toBe(problem);

    fireEvent.click(joinButton(view));
    expect(view.container.querySelector('.join__problem[role="alert"]')?.textContent).toBe(problem);
    await new Promise((r) => setTimeout(r, 20));
    expect(enrollCalls()).toEqual([]);
    expect(recorded.navigations).toEqual([]);
  });

  it('20 characters with an emoji counted as one are fine', async () => {
    const view = arrive();
    await agree(view);
    typeInto(view.container.querySelector('taro-input-core'), '一二三四五六七八九十一二三四五六七八九👍🏽');
    expect(view.container.querySelector('.form-row__problem')).toBeNull();
  });
});

describe('when joining fails the shopper reads why, in Chinese', () => {
  it.each<['INVALID_INPUT' | 'UNAVAILABLE' | 'INTERNAL' | 'NOT_FOUND']>([['INVALID_INPUT'], ['UNAVAILABLE'], ['INTERNAL'], ['NOT_FOUND']])(
    '%s',
    async (code) => {
      const view = arrive({ storeId: 'S001' }, { enroll: fail(code) });
      await agree(view);
      fireEvent.click(joinButton(view));
      await waitFor(() => expect(view.container.querySelector('.join__problem')?.textContent).toBe(ERROR_TEXT[code]));
      expect(view.container.textContent).not.toContain(code);
      expect(recorded.navigations).toEqual([]);
      // and may try again
      expect(prop(joinButton(view), 'disabled')).toBe(false);
    },
  );
});

describe('the join gifts, before agreeing', () => {
  it('the agree step names what joining brings, from the store’s answer, before the shopper agrees', async () => {
    const view = arrive();
    await screen.findByText(STORE.name);
    const gifts = view.container.querySelector('.join__gifts');
    expect(gifts?.textContent).toContain('入会即送');
    expect(gifts?.textContent).toContain(`礼${GIFTS[0]!.name}`);
    expect(gifts?.textContent).toContain(GIFTS[0]!.text);
    expect(gifts?.textContent).toContain(GIFTS[1]!.text);
    expect(enrollCalls()).toEqual([]);
  });

  it('the ¥5 for news is said right at the news switch', async () => {
    const view = arrive();
    await agree(view);
    expect(view.container.querySelector('.join__marketing .join__marketing-gift')?.textContent).toBe('开启新品与优惠消息，再得 ¥5 无门槛券');
  });

  it('a store whose gifts are all switched off shows no gift section', async () => {
    const view = arrive({ storeId: 'S001' }, { store: ok({ ...STORE, gifts: [] }) });
    await screen.findByText(STORE.name);
    expect(view.container.querySelector('.join__gifts')).toBeNull();
  });
});

describe('跳过 on the profile step', () => {
  it('joins with nothing of the profile saved and goes to the card, which will greet the new member', async () => {
    const view = arrive();
    await agree(view);
    typeInto(view.container.querySelector('taro-input-core'), '小雨');
    emit(view.container.querySelector('taro-picker-core'), 'change', { value: [4, 19] });
    fireEvent.click(withText(view.container, 'taro-button-core', '跳过，直接入会'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]));
    expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false }]);
    expect(storage.get(KEY.welcome)).toBe(CARD.memberId);
  });

  it('a refused 跳过 says why and stays on the page', async () => {
    const view = arrive({ storeId: 'S001' }, { enroll: fail('UNAVAILABLE') });
    await agree(view);
    fireEvent.click(withText(view.container, 'taro-button-core', '跳过，直接入会'));
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_TEXT.UNAVAILABLE);
    expect(recorded.navigations).toEqual([]);
  });
});
