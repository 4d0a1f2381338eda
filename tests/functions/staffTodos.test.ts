import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { StoreTodo } from '../../cloudfunctions/domain/staff/todo';
import { currentScope, type CallScope } from '../../local/cloud/context';
import type { Doc, Write } from '../../local/cloud/database';
import { functionMains } from '../../local/functions';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { memberWith, putMembers, withLot } from '../support/todoMembers';

/** 10:00 in Shanghai on 30 December 2026: 2 January birthdays are 3 days away, across the year end. */
const DEC_30 = '2026-12-30T02:00:00.000Z';
const DAY = 86_400_000;
const JOB = { action: 'run', job: 'staff-todos' };
/** Lots earned in 2025 expire at 00:00 on 1 January 2027 (the end of 31 December). */
const YEAR_END = new Date('2026-12-31T16:00:00.000Z');
const CLERK = 'staff-S001';
const MANAGER = 'manager-S001';
const STYLIST = 'stylist-S001';
const OTHER_STORE = 'staff-S002';

const todos = (h: Harness) => [...h.cloud.db.collection(COLLECTIONS.todos).values()].map((e) => e.doc as unknown as StoreTodo);
const ids = (h: Harness) => todos(h).map((t) => t._id).sort();
const staff = (h: Harness, openid: string, action: string, data: Record<string, unknown> = {}) => h.call('staff', openid, { action, ...data }) as Promise<any>;

/** One member for each kind (and some who need nothing) at S001, one at S002. */
async function careListDay() {
  const h = await createHarness(DEC_30);
  const now = h.clock.now();
  await putMembers(h.cloud.db, [
    memberWith('100000000001', { birthday: '01-02', nickname: '王女士' }),
    memberWith('100000000002', { birthday: '01-05' }),
    memberWith('100000000003', withLot(1280, new Date('2025-06-01T02:00:00.000Z'), YEAR_END)),
    memberWith('100000000004', { lastOrderAt: new Date(now.getTime() - 30 * DAY), tier: 'grower' }),
    memberWith('100000000005', { lastOrderAt: new Date(now.getTime() - 60 * DAY) }),
    memberWith('100000000006', { joinedAt: new Date(now.getTime() - 3_600_000) }),
    memberWith('100000000007', { birthday: '01-01', leavingSince: new Date(now.getTime() - DAY) }),
    memberWith('200000000001', { store: 'S002', lastOrderAt: new Date(now.getTime() - 30 * DAY) }),
  ]);
  return h;
}

const EXPECTED = [
  'S001:birthday:100000000001:2027',
  'S001:lapsed:100000000004:20261130',
  'S001:newMember:100000000006:joined',
  'S001:pointsExpiring:100000000003:20270101',
  'S002:lapsed:200000000001:20261130',
];

describe('the staff-todos job', () => {
  it('makes one to-do per member due, for their home store, with the reason in shop words; nothing for a leaving member or one not due', async () => {
    const h = await careListDay();
    const answer = await runJobs(h, JOB);
    expect(answer).toMatchObject({ ok: true, data: { runs: [{ job: 'staff-todos', runDate: '2026-12-30', done: true, changed: 5 }] } });
    expect(ids(h)).toEqual(EXPECTED);
    const reasons = Object.fromEntries(todos(h).map((t) => [t.kind, t.reason]));
    expect(reasons).toEqual({
      birthday: '生日 1月2日（3天后）',
      pointsExpiring: '1,280 积分将于12月31日到期',
      lapsed: '已 30 天未到店',
      newMember: '新会员 · 入会第 1 天',
    });
    expect(todos(h).every((t) => t.state === 'open' && t.closedBy === null)).toBe(true);
  });

  it('a rerun, a restart of the day and the next days make nothing twice (one to-do per lapse, per birthday)', async () => {
    const h = await careListDay();
    await runJobs(h, JOB);
    expect(await runJobs(h, { ...JOB, restart: true })).toMatchObject({ ok: true, data: { runs: [{ changed: 0, done: true }] } });
    for (let day = 1; day <= 2; day += 1) {
      h.clock.advance(DAY);
      expect(await runJobs(h, JOB)).toMatchObject({ ok: true, data: { runs: [{ changed: 0, done: true }] } });
    }
    // 2 January: the 5 January birthday comes within 3 days, and only it is new
    h.clock.advance(DAY);
    expect(await runJobs(h, JOB)).toMatchObject({ ok: true, data: { runs: [{ changed: 1, done: true }] } });
    expect(ids(h)).toEqual([...EXPECTED, 'S001:birthday:100000000002:2027'].sort());
  });

  it('a daily run reads only the members who crossed into a condition that day, not everyone lapsed or expiring', async () => {
    const h = await careListDay();
    const now = h.clock.now();
    // 600 more who lapsed weeks ago or whose points expire at the year end: due, but they crossed before today
    await putMembers(h.cloud.db, Array.from({ length: 600 }, (_, i) => memberWith(`7${String(i).padStart(11, '0')}`, i % 2 ? { lastOrderAt: new Date(now.getTime() - (40 + (i % 20)) * DAY) } : withLot(100, new Date('2025-03-01T02:00:00.000Z'), YEAR_END))));
    await runJobs(h, JOB);
    h.clock.advance(DAY);
    const jobs = functionMains().jobs!;
    const { result: answer, docsExamined } = await h.cloud.call(null, () => jobs(JOB));
    // the day after: only the new member (joined the day before) is read again; the lapsed, the expiring and the birthday are not
    expect(answer).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0 }] } });
    expect(docsExamined).toBeLessThan(30);
  });

  it('makes each to-do once when a run crashes midway through a batch and two runners resume at once', async () => {
    const h = await createHarness(DEC_30);
    const lapsedAt = new Date(h.clock.now().getTime() - 30 * DAY);
    // 250 share one instant (paged by id), 120 spread over the day they lapsed on
    const same = Array.from({ length: 250 }, (_, i) => memberWith(`3${String(i).padStart(11, '0')}`, { lastOrderAt: lapsedAt }));
    const spread = Array.from({ length: 120 }, (_, i) => memberWith(`4${String(i).padStart(11, '0')}`, { lastOrderAt: new Date(lapsedAt.getTime() - 7_200_000 + i * 60_000) }));
    await putMembers(h.cloud.db, [...same, ...spread]);

    const db = h.cloud.db;
    const apply = db.apply.bind(db);
    const dead = new Set<CallScope>();
    let inserts = 0;
    const spy = jest.spyOn(db, 'apply').mockImplementation((writes: Write[]) => {
      if (dead.has(currentScope())) throw new Error('killed');
      if (writes.some((w) => w.c === COLLECTIONS.todos && w.doc !== null && ++inserts === 150)) {
        dead.add(currentScope());
        throw new Error('killed');
      }
      return apply(writes);
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runJobs(h, JOB)).toMatchObject({ ok: true, data: { runs: [{ done: false, failed: true }] } });
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
    expect(todos(h).length).toBe(149);
    const [a, b] = await Promise.all([runJobs(h, JOB), runJobs(h, JOB)]);
    for (const r of [a, b]) expect(r).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    const expected = [...same, ...spread].map((m) => `S001:lapsed:${m._id}:20261130`).sort();
    expect(ids(h)).toEqual(expected);
  });

  it('takes back a to-do made for a member who began leaving while the batch was in hand', async () => {
    const h = await careListDay();
    const db = h.cloud.db;
    const apply = db.apply.bind(db);
    const spy = jest.spyOn(db, 'apply').mockImplementation(async (writes: Write[]) => {
      await apply(writes);
      if (writes.some((w) => w.c === COLLECTIONS.todos && w.id.includes('100000000004'))) {
        const m = { ...db.collection(COLLECTIONS.members).get('100000000004')!.doc } as Doc;
        await apply([{ c: COLLECTIONS.members, id: '100000000004', doc: { ...m, leavingSince: h.clock.now() } }]);
      }
    });
    try {
      await runJobs(h, JOB);
    } finally {
      spy.mockRestore();
    }
    expect(ids(h)).toEqual(EXPECTED.filter((id) => !id.includes('100000000004')));
  });
});

describe('the care list', () => {
  async function listed() {
    const h = await careListDay();
    await runJobs(h, JOB);
    return h;
  }

  it('shows the caller’s store only, the first due first, each member masked, with a script in the clerk’s name', async () => {
    const h = await listed();
    const answer = await staff(h, CLERK, 'todos');
    expect(answer.ok).toBe(true);
    const items = answer.data.items as Array<Record<string, any>>;
    expect(items.map((i) => i.kind)).toEqual(['pointsExpiring', 'birthday', 'lapsed', 'newMember']);
    const dues = items.map((i) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const birthday = items.find((i) => i.kind === 'birthday')!;
    expect(birthday).toMatchObject({ reason: '生日 1月2日（3天后）', overdue: false, member: { memberId: '100000000001', nickname: '王女士', phoneMasked: '138****0000', tierName: '探索者' } });
    expect(birthday.script).toMatch(/^王女士您好，我是悦衣库静安店的林小悦，您的生日快到了/);
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/openid-/);
    expect(text).not.toContain('200000000001');

    const other = await staff(h, OTHER_STORE, 'todos');
    expect(other.ok && other.data.items.map((i: { member: { memberId: string } }) => i.member.memberId)).toEqual(['200000000001']);
  });

  it('refuses members and callers without identity; staff of another store can neither close nor open S001’s to-dos', async () => {
    const h = await listed();
    expect(await staff(h, 'shopper-1', 'todos')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('staff', null, { action: 'todos' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const todoId = 'S001:lapsed:100000000004:20261130';
    expect(await staff(h, OTHER_STORE, 'closeTodo', { todoId, outcome: 'done' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await staff(h, OTHER_STORE, 'snoozeTodo', { todoId, until: 'tomorrow' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await staff(h, OTHER_STORE, 'openTodo', { todoId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(todos(h).find((t) => t._id === todoId)?.state).toBe('open');
    expect(h.cloud.db.count(COLLECTIONS.staffAudit, {})).toBe(0);
  });

  it('ten clerks closing one to-do at once: one closes it, nine are told it was done already; it records who', async () => {
    const h = await listed();
    const todoId = 'S001:birthday:100000000001:2027';
    const callers = [CLERK, MANAGER, STYLIST, CLERK, MANAGER, STYLIST, CLERK, MANAGER, STYLIST, CLERK];
    const answers = await Promise.all(callers.map((c, i) => staff(h, c, 'closeTodo', { todoId, outcome: i % 2 ? 'unreachable' : 'done' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(Array(9).fill('CONFLICT'));
    const winner = callers[answers.findIndex((a) => a.ok)]!;
    const closed = todos(h).find((t) => t._id === todoId)!;
    expect(closed.closedBy?.staffId).toBe(winner);
    expect(closed.closedAt?.toISOString()).toBe(DEC_30);
    // the closed list shows it, with who closed it, and the open list no longer does
    const done = await staff(h, CLERK, 'todos', { view: 'closed' });
    expect(done.ok && done.data.items.map((i: { todoId: string }) => i.todoId)).toEqual([todoId]);
    const open = await staff(h, CLERK, 'todos');
    expect(open.ok && open.data.items.map((i: { todoId: string }) => i.todoId)).not.toContain(todoId);
  });

  it('closes and snoozes racing on one to-do: one close wins, a snooze after it is told it was done, and it stays closed', async () => {
    const h = await listed();
    const todoId = 'S001:newMember:100000000006:joined';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? staff(h, STYLIST, 'snoozeTodo', { todoId, until: 'later' }) : staff(h, CLERK, 'closeTodo', { todoId, outcome: 'done' }))),
    );
    const closes = answers.filter((_, i) => i % 2 === 0);
    const snoozes = answers.filter((_, i) => i % 2 === 1);
    expect(closes.filter((a) => a.ok)).toHaveLength(1);
    expect(closes.filter((a) => !a.ok).every((a) => a.error.code === 'CONFLICT')).toBe(true);
    expect(snoozes.every((a) => a.ok || a.error.code === 'CONFLICT')).toBe(true);
    expect(todos(h).find((t) => t._id === todoId)).toMatchObject({ state: 'done', snoozedUntil: null, closedBy: { staffId: CLERK, name: '林小悦' } });
  });

  it('稍后提醒 puts a to-do away until tomorrow 10:00; then it is back, overdue in red once past its due time', async () => {
    const h = await listed();
    const todoId = 'S001:lapsed:100000000004:20261130';
    expect(await staff(h, CLERK, 'snoozeTodo', { todoId, until: 'tomorrow' })).toMatchObject({ ok: true, data: { snoozedUntil: '2026-12-31T02:00:00.000Z' } });
    const open = await staff(h, CLERK, 'todos');
    expect(open.data.items.map((i: { todoId: string }) => i.todoId)).not.toContain(todoId);
    h.clock.set('2027-01-02T03:00:00.000Z');
    const later = await staff(h, CLERK, 'todos');
    expect(later.data.items.find((i: { todoId: string }) => i.todoId === todoId)).toMatchObject({ overdue: true, state: 'snoozed', reason: '已 33 天未到店' });
    // the manager's count of what is late includes it
    expect(await staff(h, MANAGER, 'todoStats')).toMatchObject({ ok: true, data: { open: 4, overdue: 4 } });
    expect(await staff(h, CLERK, 'closeTodo', { todoId, outcome: 'done' })).toMatchObject({ ok: true, data: { state: 'done', onTime: false } });
  });

  it('pages the list with a cursor, and refuses one it did not give', async () => {
    const h = await createHarness(DEC_30);
    const lapsedAt = new Date(h.clock.now().getTime() - 30 * DAY);
    await putMembers(h.cloud.db, Array.from({ length: 45 }, (_, i) => memberWith(`5${String(i).padStart(11, '0')}`, { lastOrderAt: lapsedAt })));
    await runJobs(h, JOB);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await staff(h, CLERK, 'todos', cursor ? { cursor } : {});
      seen.push(...page.data.items.map((i: { todoId: string }) => i.todoId));
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    expect(await staff(h, CLERK, 'todos', { cursor: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('opening a to-do’s member writes an audit entry (view todo, why 待办跟进)', async () => {
    const h = await listed();
    expect(await staff(h, CLERK, 'openTodo', { todoId: 'S001:birthday:100000000001:2027' })).toMatchObject({ ok: true, data: { memberId: '100000000001' } });
    const looks = [...h.cloud.db.collection(COLLECTIONS.staffAudit).values()].map((e) => e.doc);
    expect(looks).toEqual([expect.objectContaining({ staffId: CLERK, storeId: 'S001', memberId: '100000000001', view: 'todo', why: '待办跟进' })]);
  });
});

describe('完成情况 and 店员业绩 (managers)', () => {
  it('non-managers are refused both', async () => {
    const h = await createHarness(DEC_30);
    for (const who of [CLERK, STYLIST, OTHER_STORE, 'shopper-1']) {
      expect(await staff(h, who, 'todoStats')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await staff(h, who, 'clerkFigures')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('counts per clerk: sign-ups, first orders, upgrades, to-dos done on time, call-backs within 2 hours — this month and last', async () => {
    const h = await careListDay();
    const now = h.clock.now();
    const by = (staffId: string | null) => ({ signedUpBy: { storeId: 'S001', staffId } });
    const thisMonth = new Date('2026-12-05T02:00:00.000Z');
    const lastMonth = new Date('2026-11-20T02:00:00.000Z');
    await putMembers(h.cloud.db, [
      memberWith('600000000001', { ...by(CLERK), joinedAt: thisMonth, firstOrderAt: thisMonth, tier: 'grower' }),
      memberWith('600000000002', { ...by(CLERK), joinedAt: thisMonth }),
      memberWith('600000000003', { ...by(CLERK), joinedAt: thisMonth, firstOrderAt: thisMonth }),
      memberWith('600000000004', { ...by(CLERK), joinedAt: lastMonth, firstOrderAt: lastMonth, tierHistory: [{ from: 'explorer', to: 'grower', at: lastMonth, reason: 'order' }, { from: 'grower', to: 'explorer', at: thisMonth, reason: 'refund' }] }),
      memberWith('600000000005', { ...by(STYLIST), joinedAt: thisMonth }),
      memberWith('600000000006', { ...by(null), joinedAt: thisMonth }),
    ]);
    await runJobs(h, JOB);
    // a complaint's call-back made 1 hour ago, closed now (within 2 hours); another made 3 hours ago
    const callback = (id: string, createdAt: Date): StoreTodo => ({ _id: `S001:complaintCallback:100000000002:${id}`, storeId: 'S001', memberId: '100000000002', kind: 'complaintCallback', reason: '投诉回访 · 2 小时内', createdAt, dueAt: new Date(createdAt.getTime() + 7_200_000), state: 'open', snoozedUntil: null, closedBy: null, closedAt: null, complaintId: id });
    await h.cloud.db.apply([callback('c1', new Date(now.getTime() - 3_600_000)), callback('c2', new Date(now.getTime() - 3 * 3_600_000))].map((t) => ({ c: COLLECTIONS.todos, id: t._id, doc: t as unknown as Doc })));

    await staff(h, CLERK, 'closeTodo', { todoId: 'S001:complaintCallback:100000000002:c1', outcome: 'done' });
    await staff(h, CLERK, 'closeTodo', { todoId: 'S001:complaintCallback:100000000002:c2', outcome: 'done' });
    await staff(h, CLERK, 'closeTodo', { todoId: 'S001:birthday:100000000001:2027', outcome: 'done' });
    await staff(h, STYLIST, 'closeTodo', { todoId: 'S001:lapsed:100000000004:20261130', outcome: 'unreachable' });

    const figures = await staff(h, MANAGER, 'clerkFigures');
    expect(figures).toMatchObject({ ok: true, data: { month: 'this', label: '2026年12月' } });
    const row = (name: string) => figures.data.clerks.find((c: { name: string }) => c.name === name);
    expect(row('林小悦')).toEqual({ name: '林小悦', role: 'clerk', active: true, signedUp: 3, firstOrders: 2, upgrades: 1, todosDone: 3, todosOnTime: 2, callbacksClosed: 2, callbacksWithin2h: 1 });
    expect(row('陈造型')).toMatchObject({ signedUp: 1, firstOrders: 0, todosDone: 0 });
    expect(figures.data.clerks.map((c: { name: string }) => c.name)).toEqual(['林店长', '陈造型', '林小悦']);

    const last = await staff(h, MANAGER, 'clerkFigures', { month: 'last' });
    expect(last.data.label).toBe('2026年11月');
    expect(last.data.clerks.find((c: { name: string }) => c.name === '林小悦')).toMatchObject({ signedUp: 1, firstOrders: 1, upgrades: 1, todosDone: 0 });

    const stats = await staff(h, MANAGER, 'todoStats');
    expect(stats).toMatchObject({ ok: true, data: { open: 2, overdue: 0, month: '2026年12月' } });
    expect(stats.data.clerks.find((c: { name: string }) => c.name === '林小悦')).toMatchObject({ done: 3, onTime: 2, unreachable: 0 });
    expect(stats.data.clerks.find((c: { name: string }) => c.name === '陈造型')).toMatchObject({ done: 0, unreachable: 1 });
  });
});
