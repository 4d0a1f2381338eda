import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EventFigures, EventSignUpsView, StaffEvent } from '../../../../cloudfunctions/contract/benefitsEvents';
import { emit, typeInto } from '../../../../tests/ui/support/dom';
import { programFunction, programScan, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { draftOf, blankForm } from './form';
import StaffEventsPage from './index';

type Answers = Record<string, (data: Record<string, any>) => unknown>;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const fail = (code: string) => ({ ok: false as const, error: { code, message: `${code}: never shown` } });
function programBenefits(answers: Answers) {
  programFunction('benefits', async ({ data }) => {
    const answer = answers[String(data.action)];
    return answer ? answer(data) : fail('INTERNAL');
  });
}
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'benefits' && c.data.action === action);

const EVENT: StaffEvent = {
  eventId: 'S001-demo-salon-1220',
  title: '冬季新品私享会',
  picture: '/static/products/YYBAG011.svg',
  description: '',
  storeName: '悦衣库 上海静安店',
  address: '静安区南京西路1618号',
  startsAt: '2026-12-20T11:00:00.000Z',
  endsAt: '2026-12-20T13:00:00.000Z',
  capacity: 30,
  tiers: ['loyal'],
  tiersText: '忠诚者',
  signUpFrom: '2026-11-20T02:00:00.000Z',
  signUpUntil: '2026-12-19T16:00:00.000Z',
  seated: 2,
  waiting: 1,
  checkedIn: 1,
};
const SIGN_UPS: EventSignUpsView = {
  event: EVENT,
  seated: [
    { memberId: '312345678901', nickname: '小雅', phoneMasked: '139****4321', tierName: '忠诚者', checkedInAt: '2026-12-20T10:40:00.000Z' },
    { memberId: '312345678902', nickname: '阿杰', phoneMasked: null, tierName: '忠诚者', checkedInAt: null },
  ],
  waiting: [{ memberId: '312345678903', nickname: '木木', phoneMasked: '138****0000', tierName: '忠诚者', position: 1 }],
};
const FIGURES: EventFigures = { title: EVENT.title, capacity: 30, signedUp: 2, waiting: 1, cancelled: 3, checkedIn: 1, salesFen: 59_900, orders: 1, buyers: 1, salesFrom: EVENT.startsAt, salesUntil: '2026-12-27T11:00:00.000Z' };

const WORLD: Answers = { storeEvents: () => ok({ events: [EVENT] }), eventSignUps: () => ok(SIGN_UPS), eventFigures: () => ok(FIGURES) };

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('私享会管理', () => {
  it('lists the store’s events with sign-ups, the waiting list and check-ins', async () => {
    programBenefits(WORLD);
    render(<StaffEventsPage />);
    await screen.findByText('冬季新品私享会');
    expect(screen.getByText('报名 2/30 · 候补 1 · 已签到 1 ›')).toBeTruthy();
  });

  it('tells a clerk the page is the manager’s', async () => {
    programBenefits({ storeEvents: () => fail('FORBIDDEN') });
    render(<StaffEventsPage />);
    await screen.findByText('私享会管理仅对店长开放');
  });

  it('opens an event: figures, who holds a seat (masked, checked in or not) and the waiting list in order', async () => {
    programBenefits(WORLD);
    const { container } = render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('冬季新品私享会'));
    await screen.findByText('已报名（2）');
    expect(screen.getByText('小雅 · 139****4321 · 忠诚者')).toBeTruthy();
    expect(screen.getByText('已签到 18:40')).toBeTruthy();
    expect(screen.getByText('阿杰 · 未绑手机 · 忠诚者')).toBeTruthy();
    expect(screen.getByText('1. 木木 · 138****0000 · 忠诚者')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.staff-events__sales')?.textContent).toBe('到场会员 7 日内消费 ¥599（1 人 1 单）'));
    expect(calls('eventSignUps')[0]!.data).toEqual({ action: 'eventSignUps', eventId: EVENT.eventId });
  });

  it('in H5 checks in the member whose 18 digits were typed, says so and reads the list again', async () => {
    programBenefits({ ...WORLD, checkIn: () => ok({ memberId: '312345678902', nickname: '阿杰', phoneMasked: null, tierName: '忠诚者', checkedInAt: '2026-12-20T10:45:00.000Z' }) });
    const { container } = render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('冬季新品私享会'));
    await screen.findByText('到场签到');
    const input = container.querySelector('.staff-events__code-input') as HTMLElement;
    typeInto(input, '12');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['请输入会员码下方的 18 位数字']));
    expect(calls('checkIn')).toHaveLength(0);
    typeInto(input, '6612 3456 7890 1234 56');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('阿杰 签到成功'));
    expect(calls('checkIn')[0]!.data).toEqual({ action: 'checkIn', eventId: EVENT.eventId, code: '661234567890123456' });
    await waitFor(() => expect(calls('eventSignUps')).toHaveLength(2));
  });

  it('tells the manager when the member’s tier no longer fits the event, and still says the hours when it is not time', async () => {
    let answer = { ok: false as const, error: { code: 'NOT_CLAIMABLE', message: '该会员当前等级不符合本场活动（仅限忠诚者）' } };
    programBenefits({ ...WORLD, checkIn: () => answer });
    const { container } = render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('冬季新品私享会'));
    await screen.findByText('到场签到');
    typeInto(container.querySelector('.staff-events__code-input'), '661234567890123456');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['该会员当前等级不符合本场活动（仅限忠诚者）']));
    answer = { ok: false as const, error: { code: 'NOT_CLAIMABLE', message: '活动已结束' } };
    typeInto(container.querySelector('.staff-events__code-input'), '661234567890123456');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('不在签到时间内：活动开始前 2 小时至结束前可签到'));
  });

  it('says plainly when the member was checked in already or holds no seat', async () => {
    let answer = fail('CONFLICT');
    programBenefits({ ...WORLD, checkIn: () => answer });
    const { container } = render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('冬季新品私享会'));
    await screen.findByText('到场签到');
    typeInto(container.querySelector('.staff-events__code-input'), '661234567890123456');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['这位会员已签到过了']));
    answer = fail('NOT_FOUND');
    typeInto(container.querySelector('.staff-events__code-input'), '661234567890123456');
    fireEvent.click(container.querySelector('.staff-events__code-go')!);
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('这位会员没有报名成功本场活动（或仍在候补）'));
  });

  it('in WeChat checks in by scanning the member code with the camera', async () => {
    process.env.TARO_ENV = 'weapp';
    programBenefits({ ...WORLD, checkIn: () => ok({ memberId: '312345678902', nickname: '阿杰', phoneMasked: null, tierName: '忠诚者', checkedInAt: '2026-12-20T10:45:00.000Z' }) });
    programScan({ result: '661234567890123456' });
    render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('冬季新品私享会'));
    fireEvent.click(await screen.findByText('扫会员码签到'));
    await waitFor(() => expect(calls('checkIn')[0]!.data).toEqual({ action: 'checkIn', eventId: EVENT.eventId, code: '661234567890123456' }));
  });

  it('publishes an event from the form: who may come, the seats, the times in shop time', async () => {
    programBenefits({ ...WORLD, createEvent: (data) => ok({ event: { ...EVENT, title: data.title }, createdNow: true }) });
    const { container } = render(<StaffEventsPage />);
    fireEvent.click(await screen.findByText('发布新活动'));
    fireEvent.click(screen.getByText('发布活动'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['请填写活动名称（至少 2 个字）']));
    typeInto(container.querySelector('.staff-events__title-input'), '春装预览沙龙');
    typeInto(container.querySelector('.staff-events__capacity'), '12');
    emit(container.querySelector('taro-switch-core'), 'change', { value: true });
    fireEvent.click(screen.getByText('发布活动'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('活动已发布'));
    const sent = calls('createEvent')[0]!.data;
    expect(sent).toMatchObject({ title: '春装预览沙龙', capacity: 12, tiers: ['grower', 'loyal'], picture: '/static/products/YYCOA011.svg' });
    expect(sent.startsAt).toMatch(/T11:00:00\.000Z$/); // 19:00 in Shanghai
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
    await act(async () => undefined);
    await screen.findByText('本店私享会');
  });
});

describe('the form’s rules', () => {
  const now = Date.parse('2026-12-06T02:00:00.000Z');
  it.each([
    ['a fresh form with a name', {}, null],
    ['the start in the past', { day: '2026-12-01' }, '活动开始时间须晚于现在'],
    ['the end before the start', { to: '18:00' }, '结束时间须晚于开始时间'],
    ['no seats', { capacity: '0' }, '名额请填 1–500 之间的整数'],
    ['sign-ups ending before they start', { signUpFromDay: '2026-12-10', signUpUntilDay: '2026-12-08' }, '报名截止日期不能早于报名开始日期'],
    ['a day that does not exist', { day: '2026-12-99' }, '请选择有效的日期和时间'],
    ['a start more than 365 days ahead', { day: '2027-12-07', signUpUntilDay: '2027-12-06' }, '活动须在 365 天内举行'],
    ['an evening lasting past 12 hours', { from: '08:00', to: '20:01' }, '活动时长最多 12 小时'],
    ['sign-ups opening yesterday', { signUpFromDay: '2026-12-05' }, '报名开始时间不能早于今天'],
  ])('%s', (_name, over, problem) => {
    const made = draftOf({ ...blankForm(now), title: '私享会', ...over }, now);
    expect('problem' in made ? made.problem : null).toBe(problem);
  });

  it('closes sign-ups at the start when the last day is the event’s own', () => {
    const made = draftOf({ ...blankForm(now), title: '私享会', signUpUntilDay: '2026-12-13' }, now);
    expect('draft' in made && made.draft).toMatchObject({ startsAt: '2026-12-13T11:00:00.000Z', signUpUntil: '2026-12-13T11:00:00.000Z', signUpFrom: '2026-12-05T16:00:00.000Z' });
  });
});
