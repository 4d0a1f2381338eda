import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import type { MemberEvent } from '../../../../cloudfunctions/contract/benefitsEvents';
import { answerModals, programFunction, recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import EventsPage from './index';

type Answers = Record<string, (data: Record<string, any>) => unknown>;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const fail = (code: string) => ({ ok: false as const, error: { code, message: `${code}: never shown` } });

function programBenefits(answers: Answers) {
  programFunction('benefits', async ({ data }) => {
    const answer = answers[String(data.action)];
    return answer ? answer(data) : fail('INTERNAL');
  });
}

const EVENT: MemberEvent = {
  eventId: 'S001-demo-salon-1220',
  title: '冬季新品私享会',
  picture: '/static/products/YYBAG011.svg',
  description: '闭店后的专场',
  storeName: '悦衣库 上海静安店',
  address: '静安区南京西路1618号',
  startsAt: '2026-12-20T11:00:00.000Z',
  endsAt: '2026-12-20T13:00:00.000Z',
  capacity: 30,
  tiers: ['loyal'],
  tiersText: '忠诚者',
  signUpFrom: '2026-11-20T02:00:00.000Z',
  signUpUntil: '2026-12-19T16:00:00.000Z',
  seatsLeft: 12,
  state: 'open',
  stateText: '可报名',
  hint: null,
  waitingPosition: null,
  checkedIn: false,
};
const with_ = (over: Partial<MemberEvent>): MemberEvent => ({ ...EVENT, ...over });
const PASS: ActionOutput<'benefits', 'myPass'> = {
  event: { ...EVENT },
  nickname: '小雅',
  memberId: '312345678901',
  checkedInAt: null,
  howToCheckIn: '到店后打开「会员卡」出示会员码，店员扫码即完成签到',
};
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'benefits' && c.data.action === action);

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('私享会', () => {
  it('lists the events with each one’s state, reading again on every show', async () => {
    programBenefits({ events: () => ok({ events: [EVENT, with_({ eventId: 'S001-other-event1', title: '春装沙龙', state: 'waiting', stateText: '候补第 3 位', waitingPosition: 3 })] }) });
    const { container } = render(<EventsPage />);
    await screen.findByText('冬季新品私享会');
    expect(Array.from(container.querySelectorAll('.event-card__badge'), (n) => n.textContent)).toEqual(['可报名', '候补第 3 位']);
    expect(container.textContent).toContain('12-20 19:00 – 21:00');
    await act(async () => showPage());
    await waitFor(() => expect(calls('events')).toHaveLength(2));
  });

  it('says so when the store has no events', async () => {
    programBenefits({ events: () => ok({ events: [] }) });
    render(<EventsPage />);
    await screen.findByText('你的门店暂时没有私享会');
  });

  it('signs up from the opened card and says it worked', async () => {
    programBenefits({ events: () => ok({ events: [EVENT] }), signUp: () => ok({ event: with_({ state: 'signedUp', stateText: '已报名', seatsLeft: 11 }) }) });
    const { container } = render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    fireEvent.click(screen.getByText('立即报名'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['报名成功']));
    expect(calls('signUp')[0]!.data).toEqual({ action: 'signUp', eventId: EVENT.eventId });
    expect(container.querySelector('.event-card__badge')?.textContent).toBe('已报名');
    expect(screen.getByText('查看入场凭证')).toBeTruthy();
  });

  it('joins the waiting list of a full event and tells the member their place', async () => {
    programBenefits({ events: () => ok({ events: [with_({ state: 'full', stateText: '已满', hint: '可排队候补，有人取消时按顺序递补' })] }), signUp: () => ok({ event: with_({ state: 'waiting', stateText: '候补第 4 位', waitingPosition: 4 }) }) });
    render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    expect(screen.getByText('可排队候补，有人取消时按顺序递补')).toBeTruthy();
    fireEvent.click(screen.getByText('排队候补'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['已排队，候补第 4 位']));
    expect(screen.getByText('取消候补')).toBeTruthy();
  });

  it('shows a member without the tier how to unlock it, and the button opens 会员权益', async () => {
    programBenefits({ events: () => ok({ events: [with_({ state: 'tierLocked', stateText: '等级不符', hint: '仅限忠诚者，近12个月再消费 ¥601 升级忠诚者即可报名' })] }) });
    render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    expect(screen.getByText('仅限忠诚者，近12个月再消费 ¥601 升级忠诚者即可报名')).toBeTruthy();
    expect(screen.queryByText('立即报名')).toBeNull();
    fireEvent.click(screen.getByText('查看升级方式'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/benefits/index' }]);
  });

  it('before sign-ups open says when they open, with no button to tap', async () => {
    programBenefits({ events: () => ok({ events: [with_({ state: 'notYet', stateText: '未到报名时间', hint: '2026-12-01 10:00 开始报名' })] }) });
    const { container } = render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    expect(screen.getByText('2026-12-01 10:00 开始报名')).toBeTruthy();
    expect(container.querySelectorAll('.event-card__detail taro-button-core, .event-card__detail button')).toHaveLength(0);
  });

  it('cancels after the member confirms, and not when they change their mind', async () => {
    programBenefits({ events: () => ok({ events: [with_({ state: 'signedUp', stateText: '已报名' })] }), cancelSignUp: () => ok({ event: with_({ state: 'open', stateText: '可报名' }) }) });
    render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    answerModals(false);
    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(calls('cancelSignUp')).toHaveLength(0);
    answerModals(true);
    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['已取消']));
    expect(calls('cancelSignUp')).toHaveLength(1);
    expect(screen.getByText('立即报名')).toBeTruthy();
  });

  it('shows the pass, which sends the member to the member code on 会员卡', async () => {
    programBenefits({ events: () => ok({ events: [with_({ state: 'signedUp', stateText: '已报名' })] }), myPass: () => ok(PASS) });
    render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    fireEvent.click(screen.getByText('查看入场凭证'));
    await screen.findByText('私享会入场凭证');
    expect(screen.getByText('到店后打开「会员卡」出示会员码，店员扫码即完成签到')).toBeTruthy();
    expect(screen.getByText('会员：小雅 · 3123 4567 8901')).toBeTruthy();
    fireEvent.click(screen.getByText('打开会员卡'));
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]);
  });

  it('says in plain words when signing up is refused, and reads the list again', async () => {
    programBenefits({ events: () => ok({ events: [EVENT] }), signUp: () => fail('NOT_CLAIMABLE') });
    render(<EventsPage />);
    fireEvent.click(await screen.findByText('查看详情 ›'));
    fireEvent.click(screen.getByText('立即报名'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['现在不能报名这场活动，请看活动说明']));
    await waitFor(() => expect(calls('events')).toHaveLength(2));
  });

  it('offers a retry when the list cannot be read', async () => {
    programBenefits({ events: () => fail('UNAVAILABLE') });
    render(<EventsPage />);
    await screen.findByText('重新加载');
  });
});
