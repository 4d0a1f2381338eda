import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeWeappCanvas } from '../../../tests/ui/support/canvas';
import { withText } from '../../../tests/ui/support/dom';
import { CARD, fail, ok, programMember } from '../../../tests/ui/support/member';
import { INVITER, invitee, inviteesPage, MINE, MINE_NEW, programReferral, type ReferralAnswers, TERMS } from '../../../tests/ui/support/referral';
import {
  answerModals,
  answerSelectors,
  programAlbum,
  reachBottom,
  recorded,
  resetTaro,
  setEnterScene,
  programSubscribe,
  setRouterParams,
  shareConfig,
  showPage,
} from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import InvitePage from './index';
import { CODE_BOX, POSTER } from './poster/draw';
import { SHARE_TITLE, TIMELINE_TITLE } from './share';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);

/** The member's invite page with the referral function answering `answers` (and member.card for the poster). */
function open(answers: ReferralAnswers = {}) {
  programMember({ card: ok(CARD) });
  programReferral({
    mine: ok(MINE),
    invitees: (data) => ok(inviteesPage([invitee(0, { status: 'settled', statusText: '已发放' }), invitee(1)], data)),
    posterCode: ok({ scene: 'r=AB12CD', page: 'packages/join/index', pngBase64: PNG }),
    ...answers,
  });
  return render(<InvitePage />);
}

/** Lets answered calls run to the end, inside act. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the invite page', () => {
  it('shows a calm placeholder while it reads', async () => {
    const view = open({ mine: () => new Promise(() => undefined) as never });
    expect(view.container.querySelector('[aria-label="正在加载邀请"]')).not.toBeNull();
    await settle();
    expect(view.container.querySelector('[aria-label="正在加载邀请"]')).not.toBeNull();
  });

  it('then the rules, what both get and the progress in plain words', async () => {
    open();
    expect(await screen.findByText('邀请好友一起加入悦衣会员')).toBeTruthy();
    expect(screen.getByText('好友入会后首单实付满¥100，过了7天退货期，你们都得「新品优先试穿权」。')).toBeTruthy();
    // both sides' pass, then the inviter's reward as it steps up
    expect(screen.getByText('好友得')).toBeTruthy();
    expect(screen.getByText('你得')).toBeTruthy();
    expect(screen.getByText('第 1–2 位')).toBeTruthy();
    expect(screen.getByText('第 3–4 位')).toBeTruthy();
    expect(screen.getByText('第 5 位起')).toBeTruthy();
    // progress in the server's words, and the figures
    expect(screen.getByText('再邀请 2 位好友成为忠诚者')).toBeTruthy();
    const figures = Array.from(document.querySelectorAll('.invite-progress__figure')).map((f) => f.textContent);
    expect(figures).toEqual(['3已邀请', '1待首单', '1退货期中', '1已发放']);
    // the rules, in order
    const rules = Array.from(document.querySelectorAll('.invite-rules__text')).map((r) => r.textContent);
    expect(rules).toEqual(TERMS.rules);
    expect(calls('mine')).toEqual([{ action: 'mine' }]);
    expect(calls('invitees')).toEqual([{ action: 'invitees', limit: 20 }]);
  });

  it('says why the void referrals did not count', async () => {
    open({ mine: ok({ ...MINE, stats: { ...MINE.stats, void: 3, voidReasons: [{ reason: 'refunded', text: '首单已退货', count: 2 }, { reason: 'self', text: '不能邀请自己', count: 1 }] } }) });
    expect(await screen.findByText('未生效 3 位：首单已退货 2 位；不能邀请自己')).toBeTruthy();
  });

  it('a failed read says why in plain words and reads again on 重新加载', async () => {
    let down = true;
    const view = open({ mine: () => (down ? fail('UNAVAILABLE') : ok(MINE)) });
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    down = false;
    fireEvent.click(withText(view.container, 'taro-button-core', '重新加载'));
    expect(await screen.findByText('邀请好友一起加入悦衣会员')).toBeTruthy();
  });

  it('a member who left (on another device) is sent to join', async () => {
    open({ mine: fail('NOT_MEMBER'), invitees: fail('NOT_MEMBER') });
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });

  it('has no red dot, badge or count-down anywhere', async () => {
    const view = open();
    await screen.findByText('邀请好友一起加入悦衣会员');
    expect(view.container.innerHTML).not.toMatch(/badge|red-dot|countdown|倒计时|限时|仅剩/);
  });
});

describe('sharing', () => {
  const REWARD_FOR_SHARING = /奖励|红包|领取|得券|送券|返现|分享.{0,4}(得|送|领)|转发.{0,4}(得|送|领)|立得|免费拿/;

  it('the share card opens the join page with the member’s ref, under a title that promises nothing for sharing', async () => {
    open();
    await screen.findByText('邀请好友一起加入悦衣会员');
    const card = shareConfig('appMessage') as { title: string; path: string };
    expect(card).toEqual({ title: SHARE_TITLE, path: '/packages/join/index?ref=AB12CD&storeId=S001', imageUrl: '/packages/invite/share.jpg' });
    expect(card.title).not.toMatch(REWARD_FOR_SHARING);
  });

  it('the Moments share carries ref=<code> and the inviter’s store in its query, with no reward wording either', async () => {
    open();
    await screen.findByText('邀请好友一起加入悦衣会员');
    expect(shareConfig('timeline')).toEqual({ title: TIMELINE_TITLE, query: 'ref=AB12CD&storeId=S001' });
    expect(TIMELINE_TITLE).not.toMatch(REWARD_FOR_SHARING);
  });

  it('in WeChat, 发给微信好友 is the share button itself (the page’s share card answers it)', async () => {
    process.env.TARO_ENV = 'weapp';
    const view = open();
    await screen.findByText('邀请好友一起加入悦衣会员');
    const button = withText(view.container, 'taro-button-core', '发给微信好友') as unknown as { openType: string };
    expect(button.openType).toBe('share');
  });

  it('in the H5 preview, it copies the link a friend would open', async () => {
    process.env.TARO_ENV = 'h5';
    programMember({ card: ok(CARD) });
    // the H5 path goes through the dev gateway
    (globalThis as { fetch?: unknown }).fetch = jest.fn(async (url: string, init: { body: string }) => ({
      json: async () => {
        const data = JSON.parse(init.body) as Record<string, unknown>;
        if (url.endsWith('/referral') && data.action === 'mine') return ok(MINE);
        if (url.endsWith('/referral')) return ok({ invitees: [], nextBefore: null });
        return fail('INTERNAL');
      },
    }));
    const view = render(<InvitePage />);
    await screen.findByText('邀请好友一起加入悦衣会员');
    fireEvent.click(withText(view.container, 'taro-button-core', '复制邀请链接'));
    await waitFor(() => expect(recorded.clipboard).toEqual([`${window.location.origin}/#/packages/join/index?ref=AB12CD&storeId=S001`]));
    expect(recorded.toasts).toEqual([{ title: '邀请链接已复制', icon: 'success' }]);
  });
});

describe('the invitee list', () => {
  it('lists invitees newest first with masked nickname, joined date and status in words', async () => {
    const view = open();
    await screen.findByText('好友0*');
    const rows = Array.from(view.container.querySelectorAll('.invitee')).map((r) => r.textContent);
    expect(rows).toEqual(['好友0*2026年11月30日加入已发放', '好友1*2026年11月29日加入已加入']);
    expect(view.container.querySelector('.invitee__status--settled')?.textContent).toBe('已发放');
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says so when nobody has joined yet, without pressing', async () => {
    open({ mine: ok(MINE_NEW), invitees: ok({ invitees: [], nextBefore: null }) });
    expect(await screen.findByText('还没有好友通过你的邀请加入')).toBeTruthy();
    expect(screen.getByText('好友通过你的邀请链接或海报入会后，会显示在这里。')).toBeTruthy();
  });

  it('pages on with nextBefore as the member scrolls, one page at a time', async () => {
    const all = Array.from({ length: 45 }, (_x, i) => invitee(i));
    const view = open({ invitees: (data) => ok(inviteesPage(all, data)) });
    await screen.findByText('好友0*');
    expect(view.container.querySelectorAll('.invitee')).toHaveLength(20);
    act(() => {
      reachBottom();
      reachBottom();
    });
    await screen.findByText('好友39*');
    expect(calls('invitees')).toEqual([
      { action: 'invitees', limit: 20 },
      { action: 'invitees', limit: 20, before: 'k19' },
    ]);
    act(() => reachBottom());
    await screen.findByText('好友44*');
    expect(calls('invitees')[2]).toEqual({ action: 'invitees', limit: 20, before: 'k39' });
    expect(Array.from(view.container.querySelectorAll('.invitee__name')).map((n) => n.textContent)).toEqual(all.map((i) => i.nicknameMasked));
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('a list that cannot load says so in its own section and retries there; the rest of the page stands', async () => {
    let down = true;
    const view = open({ invitees: (data) => (down ? fail('UNAVAILABLE') : ok(inviteesPage([invitee(0)], data))) });
    expect(await screen.findByText(`邀请记录没能加载：${ERROR_TEXT.UNAVAILABLE}`)).toBeTruthy();
    expect(screen.getByText('再邀请 2 位好友成为忠诚者')).toBeTruthy();
    // the list says its own problem: no page-wide toast
    expect(recorded.toasts).toEqual([]);
    down = false;
    fireEvent.click(withText(view.container.querySelector('.invitees')!, 'taro-button-core', '重新加载'));
    expect(await screen.findByText('好友0*')).toBeTruthy();
  });

  it('is read again, with the progress, every time the page shows', async () => {
    open();
    await screen.findByText('好友0*');
    act(() => showPage());
    await settle();
    expect(calls('mine')).toHaveLength(2);
    expect(calls('invitees')).toHaveLength(2);
  });
});

describe('the poster', () => {
  async function makePoster(view: ReturnType<typeof render>, canvas = fakeWeappCanvas(270, 432)) {
    answerSelectors((selector) => (selector === '#invite-poster' ? canvas.answer : null));
    await screen.findByText('邀请好友一起加入悦衣会员');
    fireEvent.click(withText(view.container, 'taro-button-core', '生成邀请海报'));
    await waitFor(() => expect(withText(view.container, 'taro-button-core', '保存到相册').getAttribute('aria-disabled') ?? '').not.toBe('true'));
    await waitFor(() => expect(view.container.querySelector('.poster__veil')).toBeNull());
    return canvas;
  }

  it('is made on request only: the code is not asked for until the member taps', async () => {
    open();
    await screen.findByText('邀请好友一起加入悦衣会员');
    expect(calls('posterCode')).toEqual([]);
  });

  it('draws the brand, the member’s nickname and the mini program code on a 2d canvas at the device pixel ratio', async () => {
    process.env.TARO_ENV = 'weapp';
    const view = open();
    const canvas = await makePoster(view);
    expect(calls('posterCode')).toEqual([{ action: 'posterCode' }]);
    // the device's pixels: 270 CSS px at a pixel ratio of 2
    expect([canvas.node.width, canvas.node.height]).toEqual([540, 864]);
    expect(canvas.drawn.transforms).toEqual([['setTransform', 1, 0, 0, 1, 0, 0], ['scale', 540 / POSTER.width, 540 / POSTER.width]]);
    // the code went through a file of the user folder, as WeChat's canvas image loads it
    expect(recorded.files).toEqual([{ filePath: 'wxfile://usr/invite-code.png', data: PNG }]);
    expect(canvas.images.map((i) => i.src)).toEqual(['wxfile://usr/invite-code.png']);
    expect(canvas.drawn.images.map(({ x, y, w, h }) => [x, y, w, h])).toEqual([[CODE_BOX.x, CODE_BOX.y, CODE_BOX.size, CODE_BOX.size]]);
    const texts = canvas.drawn.texts.map((t) => t.text).join('');
    expect(texts).toContain('悦衣库');
    expect(texts).toContain(CARD.nickname);
    expect(texts).toContain('邀请你加入悦衣会员');
    expect(texts).toContain('长按识别或微信扫码');
  });

  it('is saved to the album in WeChat', async () => {
    process.env.TARO_ENV = 'weapp';
    const view = open();
    await makePoster(view);
    fireEvent.click(withText(view.container, 'taro-button-core', '保存到相册'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已保存到相册', icon: 'success' }]));
    expect(recorded.albumSaves).toEqual(['http://tmp/poster-540x864.png']);
  });

  it('a refused album permission is explained in plain words, with the way to the setting; turned on there, it saves', async () => {
    process.env.TARO_ENV = 'weapp';
    programAlbum('deny', true);
    answerModals(true);
    const view = open();
    await makePoster(view);
    fireEvent.click(withText(view.container, 'taro-button-core', '保存到相册'));
    await waitFor(() => expect(recorded.albumSaves).toHaveLength(1));
    expect(recorded.modals).toEqual([
      expect.objectContaining({ title: '需要你允许保存到相册', confirmText: '去设置', content: expect.stringContaining('只用来保存这张图片') }),
    ]);
    expect(recorded.openSettings).toHaveLength(1);
    expect(recorded.toasts).toEqual([{ title: '已保存到相册', icon: 'success' }]);
  });

  it('declining to go to the setting saves nothing and sends nobody anywhere', async () => {
    process.env.TARO_ENV = 'weapp';
    programAlbum('deny');
    answerModals(false);
    const view = open();
    await makePoster(view);
    fireEvent.click(withText(view.container, 'taro-button-core', '保存到相册'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    await settle();
    expect(recorded.openSettings).toEqual([]);
    expect(recorded.albumSaves).toEqual([]);
  });

  it('without a nickname the poster says 你的朋友', async () => {
    process.env.TARO_ENV = 'weapp';
    const view = open();
    programMember({ card: ok({ ...CARD, nickname: null }) });
    const canvas = await makePoster(view);
    expect(canvas.drawn.texts.map((t) => t.text)).toContain('你的朋友');
  });

  it('a code that cannot be made says why and offers to try again', async () => {
    process.env.TARO_ENV = 'weapp';
    let down = true;
    const view = open({ posterCode: () => (down ? fail('INTERNAL') : ok({ scene: 'r=AB12CD', page: 'packages/join/index', pngBase64: PNG })) });
    answerSelectors((selector) => (selector === '#invite-poster' ? fakeWeappCanvas(270, 432).answer : null));
    await screen.findByText('邀请好友一起加入悦衣会员');
    fireEvent.click(withText(view.container, 'taro-button-core', '生成邀请海报'));
    expect(await screen.findByText(`海报没能生成：${ERROR_TEXT.INTERNAL}`)).toBeTruthy();
    down = false;
    fireEvent.click(withText(view.container, 'taro-button-core', '重新生成'));
    await waitFor(() => expect(view.container.querySelector('taro-canvas-core')).not.toBeNull());
    await waitFor(() => expect(view.container.querySelector('.poster__veil')).toBeNull());
    expect(screen.queryByText(/海报没能生成/)).toBeNull();
  });
});

describe('a friend arriving from the member’s Moments share (?ref=)', () => {
  it('in single-page mode shows who invites and the way into the mini program, asking nothing of the member’s own', async () => {
    setEnterScene(1154);
    setRouterParams({ ref: 'AB12CD' });
    programReferral({ inviter: ok(INVITER) });
    const view = render(<InvitePage />);
    expect(await screen.findByText('点击下方「前往小程序」入会')).toBeTruthy();
    expect(view.container.querySelector('.invite-welcome')?.textContent).toContain('小* 邀请你加入悦衣会员');
    expect(recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`)).toEqual(['referral.inviter']);
    expect(recorded.navigations).toEqual([]);
  });

  it('an unknown code in single-page mode shows only the way in', async () => {
    setEnterScene(1154);
    setRouterParams({ ref: 'ZZ99ZZ' });
    programReferral({ inviter: fail('NOT_FOUND') });
    const view = render(<InvitePage />);
    expect(await screen.findByText('点击下方「前往小程序」入会')).toBeTruthy();
    expect(view.container.querySelector('.invite-welcome')).toBeNull();
  });

  it('opened in the mini program (前往小程序) it sends the friend on to join, with the ref and the inviter’s store', async () => {
    setRouterParams({ ref: 'AB12CD', storeId: 'S001' });
    render(<InvitePage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index?ref=AB12CD&storeId=S001' }]));
    expect(recorded.cloudCalls).toEqual([]);
  });
});

describe('the reward notice (one WeChat message per opt-in)', () => {
  it('asks WeChat only on a tap, records the opt-in for 邀请奖励到账通知 and says how many are left', async () => {
    open();
    await screen.findByText('奖励到账通知');
    expect(recorded.subscribeRequests).toEqual([]);
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    programMember({ card: ok(CARD), subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 1, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }) });
    fireEvent.click(screen.getByText('开启通知'));
    await screen.findByText('已开启（剩余 1 次）');
    expect(recorded.subscribeRequests).toEqual([['styleclub-dev-referral-reward']]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'subscribe').map((c) => c.data)).toEqual([{ action: 'subscribe', accepted: ['referralReward'] }]);
    expect(recorded.toasts).toEqual([{ title: '已开启奖励到账通知', icon: 'success' }]);
  });
});
