import { crashAtRequest } from '../support/erasure';
import { createHarness, type Harness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';

const DAY = 86_400_000;
const CLERK = 'staff-S001';
const STYLIST = 'stylist-S001';
const MANAGER = 'manager-S001';

/** A paid till order of `openid` at S001, the clerk (if any) having scanned the code first; answers the order's key. */
async function paidOrder(h: Harness, openid: string, amountFen = 39_900, clerk: string | null = null): Promise<string> {
  const code = await tillCode(h, openid);
  if (clerk) expect(await h.call('staff', clerk, { action: 'lookup', code })).toMatchObject({ ok: true });
  const body = orderBody(h, code, amountFen);
  const answer = await deliver(h, 'orders', body);
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return `S001:${body.orderId}`;
}
const ask = (h: Harness, openid: string) => h.call('member', openid, { action: 'npsQuestion' });
const answerNps = (h: Harness, openid: string, data: Record<string, unknown>) => h.call('member', openid, { action: 'answerNps', ...data });
const later = (h: Harness, days: number) => h.clock.set(new Date(h.clock.now().getTime() + days * DAY).toISOString());
const answers = (h: Harness) => h.cloud.db.find('npsAnswers', {}, { order: { _id: 1 } });

describe('NPS: the one question after a paid order (member.npsQuestion, member.answerNps)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('asks after a paid order, keeps the answer with the store and the clerk who served, and offers a promoter the invite page', async () => {
    const m = await h.join('shopper');
    expect(await ask(h, 'shopper')).toEqual({ ok: true, data: { question: null, nextFrom: null } });
    const orderKey = await paidOrder(h, 'shopper', 39_900, CLERK);
    const q = await ask(h, 'shopper');
    expect(q).toEqual({ ok: true, data: { question: { orderKey, storeName: '悦衣库 上海静安店', paidAt: h.clock.now().toISOString(), payableFen: 39_900, askUntil: new Date(h.clock.now().getTime() + 7 * DAY).toISOString() }, nextFrom: null } });
    const a = await answerNps(h, 'shopper', { orderKey, score: 10, reason: '  搭配建议很专业  ' });
    expect(a).toEqual({ ok: true, data: { answer: { orderKey, score: 10, band: 'promoter', reason: '搭配建议很专业', answeredAt: h.clock.now().toISOString() }, created: true, next: 'invite', nextFrom: new Date(h.clock.now().getTime() + 30 * DAY).toISOString() } });
    expect(answers(h)).toEqual([{ _id: `${m}:1`, memberId: m, seq: 1, storeId: 'S001', staffId: CLERK, orderKey, score: 10, reason: '搭配建议很专业', answeredAt: h.clock.now() }]);
    expect(h.cloud.db.count('todos', { kind: 'npsDetractor' })).toBe(0);
    // answered: the question is closed until 30 days have passed
    expect(await ask(h, 'shopper')).toMatchObject({ ok: true, data: { question: null, nextFrom: new Date(h.clock.now().getTime() + 30 * DAY).toISOString() } });
  });

  it('a detractor (0–6) creates a call-back to-do for the store, which its clerks see on the care list, masked', async () => {
    const m = await h.join('unhappy', { nickname: '王小美' });
    const orderKey = await paidOrder(h, 'unhappy');
    const a = await answerNps(h, 'unhappy', { orderKey, score: 3, reason: '试衣间排队太久' });
    expect(a).toMatchObject({ ok: true, data: { answer: { band: 'detractor' }, next: 'callback' } });
    expect(h.cloud.db.find('todos', { kind: 'npsDetractor' })).toEqual([
      expect.objectContaining({ _id: `S001:npsDetractor:${m}:nps1`, storeId: 'S001', memberId: m, state: 'open', dueAt: new Date(h.clock.now().getTime() + DAY) }),
    ]);
    const list = await h.call('staff', CLERK, { action: 'todos' });
    const item = list.ok && list.data.items.find((t: { kind: string }) => t.kind === 'npsDetractor');
    expect(item).toMatchObject({ member: { memberId: m, nickname: '王小美' }, reason: expect.stringContaining('满意度 3 分：试衣间排队太久'), script: expect.stringContaining('不太满意'), overdue: false });
    // a retry (its answer lost) answers the same and makes no second to-do
    expect(await answerNps(h, 'unhappy', { orderKey, score: 3, reason: '试衣间排队太久' })).toMatchObject({ ok: true, data: { created: false, next: 'callback' } });
    expect(h.cloud.db.count('todos', { kind: 'npsDetractor' })).toBe(1);
    // another store's clerk does not see it
    const other = await h.call('staff', 'staff-S002', { action: 'todos' });
    expect(other.ok && other.data.items.some((t: { kind: string }) => t.kind === 'npsDetractor')).toBe(false);
  });

  it('a crash after the answer was kept and before the call-back was written: the retry answers the kept answer and makes the call-back once', async () => {
    const m = await h.join('crashing');
    const orderKey = await paidOrder(h, 'crashing');
    // the call's requests: member, order and latest answer, the looks around the payment, then the answer added
    const requests = ['getDocument members', 'getDocument orders', 'getDocument npsAnswers', 'getDocument staffAudit', 'insertDocument npsAnswers'];
    const crash = crashAtRequest('crashing', requests.length, 'after');
    // the function dies there: the runtime answers INTERNAL
    expect(await answerNps(h, 'crashing', { orderKey, score: 2, reason: '太慢' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(crash.hit()).toBe('after insertDocument npsAnswers');
    crash.restore();
    expect(answers(h)).toHaveLength(1);
    expect(h.cloud.db.count('todos', { kind: 'npsDetractor' })).toBe(0);
    expect(await answerNps(h, 'crashing', { orderKey, score: 2, reason: '太慢' })).toMatchObject({ ok: true, data: { created: false, next: 'callback' } });
    expect(await answerNps(h, 'crashing', { orderKey, score: 2, reason: '太慢' })).toMatchObject({ ok: true, data: { created: false } });
    expect(h.cloud.db.find('todos', { kind: 'npsDetractor' }).map((t) => t._id)).toEqual([`S001:npsDetractor:${m}:nps1`]);
  });

  it("a detractor from another home store: the call-back goes to the store of the order, whose clerk can open the member from it", async () => {
    const joined = await h.call('member', 'visitor', { action: 'enroll', storeId: 'S002', privacyAccepted: true, nickname: '张三' });
    const m = joined.ok && joined.data.member.memberId;
    // before any to-do, S001 has no business with S002's member
    expect(await h.call('staff', CLERK, { action: 'memberView', memberId: m, reason: 'todo' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const orderKey = await paidOrder(h, 'visitor');
    await answerNps(h, 'visitor', { orderKey, score: 1, reason: '态度差' });
    const todoId = `S001:npsDetractor:${m}:nps1`;
    expect(await h.call('staff', CLERK, { action: 'openTodo', todoId })).toEqual({ ok: true, data: { memberId: m } });
    expect(await h.call('staff', CLERK, { action: 'memberView', memberId: m, reason: 'todo' })).toMatchObject({ ok: true, data: { member: { memberId: m, nickname: '张三' } } });
    // once it is closed, the member is S002's again
    expect(await h.call('staff', CLERK, { action: 'closeTodo', todoId, outcome: 'done' })).toMatchObject({ ok: true });
    expect(await h.call('staff', CLERK, { action: 'memberView', memberId: m, reason: 'todo' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // and S002's clerk has no such to-do
    expect(await h.call('staff', 'staff-S002', { action: 'openTodo', todoId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a passive (7–8) is thanked: no to-do, no invite', async () => {
    await h.join('fine');
    const orderKey = await paidOrder(h, 'fine');
    expect(await answerNps(h, 'fine', { orderKey, score: 7 })).toMatchObject({ ok: true, data: { answer: { band: 'passive', reason: null }, next: 'thanks' } });
    expect(h.cloud.db.count('todos', {})).toBe(0);
  });

  it('at most once per 30 days: a second order within them is not asked about, and answering it anyway is LIMIT_REACHED; after 30 days the next order is', async () => {
    await h.join('regular');
    const first = await paidOrder(h, 'regular');
    expect(await answerNps(h, 'regular', { orderKey: first, score: 9 })).toMatchObject({ ok: true });
    later(h, 10);
    const second = await paidOrder(h, 'regular');
    expect(await ask(h, 'regular')).toMatchObject({ ok: true, data: { question: null } });
    expect(await answerNps(h, 'regular', { orderKey: second, score: 2 })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    later(h, 20);
    const third = await paidOrder(h, 'regular');
    expect(await ask(h, 'regular')).toMatchObject({ ok: true, data: { question: { orderKey: third } } });
    expect(await answerNps(h, 'regular', { orderKey: third, score: 8 })).toMatchObject({ ok: true, data: { created: true } });
    expect(answers(h).map((a) => a.orderKey)).toEqual([first, third]);
  });

  it('race-safe: 10 answers sent at once about two orders keep exactly one', async () => {
    const m = await h.join('racer');
    const one = await paidOrder(h, 'racer');
    const two = await paidOrder(h, 'racer');
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => answerNps(h, 'racer', { orderKey: i % 2 ? one : two, score: i })));
    expect(answers(h)).toHaveLength(1);
    const kept = answers(h)[0]!;
    expect(kept._id).toBe(`${m}:1`);
    expect(sent.filter((a) => a.ok && a.data.created)).toHaveLength(1);
    // the others: the same order's answer (not created) or one too many
    for (const a of sent) expect(a.ok ? a.data.answer.orderKey === kept.orderKey : a.error.code === 'LIMIT_REACHED').toBe(true);
    expect(h.cloud.db.count('todos', { kind: 'npsDetractor' })).toBe((kept.score as number) <= 6 ? 1 : 0);
  });

  it('an order of more than 7 days ago, another shopper\'s order, an unknown one and a stranger are refused, nothing written', async () => {
    await h.join('late');
    await h.join('other');
    const old = await paidOrder(h, 'late');
    const theirs = await paidOrder(h, 'other');
    later(h, 7);
    later(h, 0.01);
    expect(await ask(h, 'late')).toMatchObject({ ok: true, data: { question: null } });
    expect(await answerNps(h, 'late', { orderKey: old, score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
    expect(await answerNps(h, 'late', { orderKey: theirs, score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await answerNps(h, 'late', { orderKey: 'S001:NOPE', score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await answerNps(h, 'stranger', { orderKey: old, score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(answers(h)).toEqual([]);
  });

  it.each([
    ['a score above 10', { score: 11 }],
    ['a negative score', { score: -1 }],
    ['a fractional score', { score: 7.5 }],
    ['a score as text', { score: '9' }],
    ['no score', { score: undefined }],
    ['a reason of 141 characters', { reason: '好'.repeat(141) }],
    ['a reason with control characters', { reason: '很好\u0000' }],
    ['a reason that is not text', { reason: 42 }],
    ['an orderKey that is not one', { orderKey: '../../members' }],
    ['an orderKey of a query', { orderKey: { $ne: null } }],
    ['a memberId smuggled in', { memberId: '100000000001' }],
    ['an openid smuggled in', { openid: 'someone' }],
  ])('hostile input — %s — is INVALID_INPUT and writes nothing', async (_name, over) => {
    await h.join('hostile');
    const orderKey = await paidOrder(h, 'hostile');
    const answer = await answerNps(h, 'hostile', { orderKey, score: 4, ...over });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(answers(h)).toEqual([]);
    expect(h.cloud.db.count('todos', {})).toBe(0);
  });

  it('a blank reason is none; 140 characters are kept', async () => {
    await h.join('words');
    const orderKey = await paidOrder(h, 'words');
    expect(await answerNps(h, 'words', { orderKey, score: 9, reason: '   ' })).toMatchObject({ ok: true, data: { answer: { reason: null } } });
    later(h, 30);
    const next = await paidOrder(h, 'words');
    expect(await answerNps(h, 'words', { orderKey: next, score: 9, reason: '好'.repeat(140) })).toMatchObject({ ok: true, data: { answer: { reason: '好'.repeat(140) } } });
  });

  it("lists the member's answers in the export and erases them (and the store's call-back) when they leave", async () => {
    const m = await h.join('leaver');
    const orderKey = await paidOrder(h, 'leaver');
    await answerNps(h, 'leaver', { orderKey, score: 4, reason: '尺码不全' });
    const exported = await h.call('member', 'leaver', { action: 'export' });
    expect(exported).toMatchObject({ ok: true, data: { npsAnswers: [{ orderKey, storeId: 'S001', score: 4, reason: '尺码不全', answeredAt: h.clock.now().toISOString() }] } });
    expect(await h.call('member', 'leaver', { action: 'delete', confirm: true })).toMatchObject({ ok: true });
    expect(h.cloud.db.find('npsAnswers', { memberId: m })).toEqual([]);
    expect(h.cloud.db.find('todos', { memberId: m })).toEqual([]);
  });
});

describe("NPS results for the store's manager (ops.npsReport)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('NPS per store and per clerk over the period equals a hand count; reasons masked, never an id or openid', async () => {
    // a mobile number typed into a reason is kept masked: staff never see it
    // served by the clerk: 10, 9, 9, 7, 3 → 3 promoters, 1 passive, 1 detractor of 5 → 60 − 20 = 40
    // served by the stylist: 10, 6 → 50 − 50 = 0; signed up by the stylist, nobody served: 8 → passive
    // the store's code, nobody served: 2 → detractor (the store only)
    const plan: Array<[string, number, string | null, Record<string, unknown>]> = [
      ['a1', 10, CLERK, { nickname: '王小美' }],
      ['a2', 9, CLERK, {}],
      ['a3', 9, CLERK, {}],
      ['a4', 7, CLERK, {}],
      ['a5', 3, CLERK, { nickname: '李雷' }],
      ['b1', 10, STYLIST, {}],
      ['b2', 6, STYLIST, {}],
      ['c1', 8, null, { clerk: await stylistCode(h) }],
      ['d1', 2, null, {}],
    ];
    for (const [openid, score, served, extra] of plan) {
      await h.join(openid, extra);
      const orderKey = await paidOrder(h, openid, 20_000, served);
      expect(await answerNps(h, openid, { orderKey, score, ...(openid === 'a5' ? { reason: '没人理我，店员一直在聊天 13812345678' } : openid === 'a1' ? { reason: '很专业' } : {}) })).toMatchObject({ ok: true });
      later(h, 0.01);
    }
    // an answer at S002 and one older than the period do not count
    await h.join('elsewhere');
    const s2 = await tillCode(h, 'elsewhere');
    const body = orderBody(h, s2, 10_000);
    expect((await deliver(h, 'orders', body, { storeId: 'S002', secret: 'dev-secret-S002' })).status).toBe(200);
    expect(await answerNps(h, 'elsewhere', { orderKey: `S002:${body.orderId}`, score: 0 })).toMatchObject({ ok: true });

    const report = await h.call('ops', MANAGER, { action: 'npsReport', period: 'month' });
    expect(report.ok).toBe(true);
    const r = report.ok && report.data;
    // store: promoters 10,9,9,10 = 4; passives 7,8 = 2; detractors 3,6,2 = 3; of 9 → 44.4 − 33.3 = 11.1 → 11
    expect(r.store).toEqual({ nps: 11, total: 9, promoters: 4, passives: 2, detractors: 3, promoterShare: 44, detractorShare: 33 });
    expect(r.clerks.map((c: { name: string; total: number; nps: number | null }) => [c.name, c.total, c.nps])).toEqual([
      ['林小悦', 5, 40],
      ['陈造型', 3, 0],
      ['林店长', 0, null],
    ]);
    expect(r.unattributed).toMatchObject({ total: 1, nps: -100 });
    expect(r.reasons).toEqual([
      { nickname: '李*', score: 3, band: 'detractor', reason: '没人理我，店员一直在聊天 138****5678', at: expect.any(String), clerkName: '林小悦' },
      { nickname: '王**', score: 10, band: 'promoter', reason: '很专业', at: expect.any(String), clerkName: '林小悦' },
    ]);
    const text = JSON.stringify(r);
    for (const secret of [CLERK, STYLIST, MANAGER, 'a1', 'a5']) expect(text).not.toContain(`"${secret}"`);
    expect(text).not.toMatch(/\d{12}/);

    // the week before these answers: none in the period
    h.clock.set(new Date(h.clock.now().getTime() + 40 * DAY).toISOString());
    expect(await h.call('ops', MANAGER, { action: 'npsReport', period: 'week' })).toMatchObject({ ok: true, data: { store: { total: 0, nps: null }, reasons: [] } });
  });
});

async function stylistCode(h: Harness): Promise<string> {
  const answer = await h.call('staff', STYLIST, { action: 'joinCode' });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return new URLSearchParams(answer.data.scene).get('c')!;
}
