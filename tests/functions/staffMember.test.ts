import type { Envelope } from '../../cloudfunctions/contract';
import { staffContract } from '../../cloudfunctions/contract/staff';
import { createHarness, type Harness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';
import { AUTHORISATION, CALLERS, type Caller, freshPass, type World } from '../support/staffAccess';

/**
 * The staff assistant's member view, notes, tags and audit log (issue 17), and the authorisation
 * table of EVERY staff action (tests/support/staffAccess.ts; the table of every caller runs it too),
 * each row tried by every caller on one fresh world.
 */

let seq = 0;
async function world(): Promise<World> {
  const h = await createHarness();
  const memberId = await h.join('m1', { nickname: '小雅' });
  await h.call('member', 'm1', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13987654321') });
  await deliver(h, 'orders', { ...orderBody(h, await tillCode(h, 'm1'), 29900), items: [{ sku: 'YYBAG011', qty: 1, priceFen: 29900 }] });
  const fresh = () => `req${Date.now().toString(36)}x${(seq += 1)}`;
  const complaint = await h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '上次买的外套掉扣子', kind: 'complaint', requestId: fresh() });
  if (!complaint.ok) throw new Error(JSON.stringify(complaint.error));
  return { h, memberId, complaintId: complaint.data.note.noteId, fresh };
}

/** No answer to staff carries a full phone number or an openid. */
function leaks(answer: Envelope<unknown>): string[] {
  const text = JSON.stringify(answer);
  const found: string[] = [];
  if (/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text)) found.push('a full phone number');
  for (const openid of ['m1', ...Object.values(CALLERS).filter((c): c is Exclude<typeof c, null> => c !== null)]) if (text.includes(`"${openid}"`) || new RegExp(`[:"]${openid}[:"]`).test(text)) found.push(`the openid ${openid}`);
  return found;
}

describe('the authorisation table: every staff action × every kind of caller', () => {
  it('has a row for every action of the staff function', () => {
    expect([...new Set(AUTHORISATION.map((r) => r.action))].sort()).toEqual(Object.keys(staffContract).sort());
  });

  describe.each(AUTHORISATION.map((r) => [`${r.action}${r.with ? ` (${r.with})` : ''}`, r] as const))('%s', (_name, row) => {
    it('answers each caller as the table says, and never with a full phone or an openid', async () => {
      const w = await world();
      const got: Record<string, string> = {};
      for (const [caller, openid] of Object.entries(CALLERS) as Array<[Caller, string | null]>) {
        const answer = await w.h.call('staff', openid, { action: row.action, ...(await row.input(w)) });
        got[caller] = answer.ok ? 'ok' : answer.error.code;
        expect(leaks(answer)).toEqual([]);
      }
      expect(got).toEqual(row.expect);
    });
  });
});

describe('staff.me tells the 我的 page whether to show the staff entry', () => {
  it('names a clerk with their store, and answers null to a member', async () => {
    const w = await world();
    expect(await w.h.call('staff', 'staff-S001', { action: 'me' })).toEqual({ ok: true, data: { staff: { name: '林小悦', role: 'clerk', storeId: 'S001', storeName: '悦衣库 上海静安店' } } });
    expect(await w.h.call('staff', 'm1', { action: 'me' })).toEqual({ ok: true, data: { staff: null } });
    expect(await w.h.call('staff', 'someone-new', { action: 'me' })).toEqual({ ok: true, data: { staff: null } });
  });
});

describe('the member view', () => {
  it('shows the member in front of the clerk, masked, with their order, coupons and the store\'s complaint', async () => {
    const w = await world();
    const answer = await w.h.call('staff', 'staff-S001', { action: 'memberView', code: await tillCode(w.h, 'm1') });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const v = answer.data;
    expect(v.member).toMatchObject({ memberId: w.memberId, nickname: '小雅', phoneMasked: '139****4321', ofThisStore: true });
    expect(v.tier).toMatchObject({ code: 'explorer', name: '探索者', next: expect.objectContaining({ name: '成长者' }) });
    expect(v.points.balance).toBe(299);
    expect(v.orders).toEqual([expect.objectContaining({ amountFen: 29900, storeName: '悦衣库 上海静安店', items: [{ name: '通勤托特包·焦糖', qty: 1, priceFen: 29900, size: null }] })]);
    expect(v.coupons.length).toBeGreaterThan(0);
    expect(v.notes).toEqual([expect.objectContaining({ kind: 'complaint', text: '上次买的外套掉扣子', staffName: '林小悦', compensated: false })]);
    expect(v.todos).toEqual([expect.objectContaining({ kind: 'complaintCallback', complaintId: w.complaintId, overdue: false })]);
    expect(v.staffTags).toEqual([{ tagId: 'care-high', name: '高关怀', groupName: '服务关怀' }]);
    expect(v.codeExpiresAt).toEqual(expect.any(String));
  });

  it('writes who looked, when, at whom, in which view and why — every time', async () => {
    const w = await world();
    await w.h.call('staff', 'staff-S001', { action: 'memberView', code: await tillCode(w.h, 'm1') });
    w.h.clock.advance(1000);
    await w.h.call('staff', 'stylist-S001', { action: 'memberView', memberId: w.memberId, reason: 'todo' });
    const looks = w.h.cloud.db.find('staffAudit', { view: 'memberView' });
    expect(looks.map((l) => [l.staffName, l.memberId, l.why])).toEqual([
      ['林小悦', w.memberId, '会员出示会员码'],
      ['陈造型', w.memberId, '待办跟进'],
    ]);
  });

  it('shows a clerk of S002 none of S001\'s notes or to-dos, even with the member\'s live code', async () => {
    const w = await world();
    const answer = await w.h.call('staff', 'staff-S002', { action: 'memberView', code: await tillCode(w.h, 'm1') });
    expect(answer.ok && answer.data.notes).toEqual([]);
    expect(answer.ok && answer.data.todos).toEqual([]);
    expect(answer.ok && answer.data.member.ofThisStore).toBe(false);
    expect(await w.h.call('staff', 'staff-S002', { action: 'giveCompensation', complaintId: w.complaintId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets a clerk of another store go on serving by memberId for two hours after the member showed the code', async () => {
    const w = await world();
    expect(await w.h.call('staff', 'staff-S002', { action: 'memberView', memberId: w.memberId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await w.h.call('staff', 'staff-S002', { action: 'memberView', code: await tillCode(w.h, 'm1') });
    const note = await w.h.call('staff', 'staff-S002', { action: 'addNote', memberId: w.memberId, text: '在湖滨店试了大衣', kind: 'note', requestId: w.fresh() });
    expect(note.ok).toBe(true);
    const again = await w.h.call('staff', 'staff-S002', { action: 'memberView', memberId: w.memberId });
    expect(again.ok && again.data.notes.map((n: { text: string }) => n.text)).toEqual(['在湖滨店试了大衣']);
    const s001 = await w.h.call('staff', 'staff-S001', { action: 'memberView', memberId: w.memberId });
    expect(s001.ok && s001.data.notes.map((n: { text: string }) => n.text)).toEqual(['上次买的外套掉扣子']);
    w.h.clock.advance(2 * 3_600_000 + 1000);
    expect(await w.h.call('staff', 'staff-S002', { action: 'memberView', memberId: w.memberId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a memberId that is nobody\'s like one of another store: NOT_FOUND', async () => {
    const w = await world();
    expect(await w.h.call('staff', 'staff-S001', { action: 'memberView', memberId: '999999999999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('notes', () => {
  it('writes a note once however often the request is retried', async () => {
    const w = await world();
    const requestId = w.fresh();
    const input = { action: 'addNote', memberId: w.memberId, text: '  偏爱燕麦色  ', kind: 'note', requestId };
    const answers = await Promise.all([1, 2, 3].map(() => w.h.call('staff', 'staff-S001', input)));
    expect(answers.every((a) => a.ok && a.data.note.text === '偏爱燕麦色')).toBe(true);
    expect(w.h.cloud.db.find('staffNotes', { kind: 'note' })).toHaveLength(1);
  });

  it('refuses an empty note and one over 300 characters, writing nothing', async () => {
    const w = await world();
    for (const text of ['   ', '长'.repeat(301)]) {
      expect(await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text, kind: 'note', requestId: w.fresh() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(w.h.cloud.db.find('staffNotes', { kind: 'note' })).toHaveLength(0);
  });
});

describe('tags', () => {
  it('adds and removes a tag from the brand\'s groups, once each', async () => {
    const w = await world();
    await w.h.call('staff', 'staff-S001', { action: 'addTag', memberId: w.memberId, tagId: 'shopping-new' });
    const twice = await w.h.call('staff', 'staff-S001', { action: 'addTag', memberId: w.memberId, tagId: 'shopping-new' });
    expect(twice.ok && twice.data.staffTags.map((t: { name: string }) => t.name)).toEqual(['高关怀', '爱尝新款']);
    const removed = await w.h.call('staff', 'stylist-S001', { action: 'removeTag', memberId: w.memberId, tagId: 'shopping-new' });
    expect(removed.ok && removed.data.staffTags.map((t: { name: string }) => t.name)).toEqual(['高关怀']);
    expect(await w.h.call('staff', 'staff-S001', { action: 'addTag', memberId: w.memberId, tagId: 'no-such-tag' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets the manager add, rename and remove tags, but never 高关怀', async () => {
    const w = await world();
    const added = await w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'shopping', change: { op: 'add', name: '爱看直播' } });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const tag = added.data.group.tags.find((t: { name: string }) => t.name === '爱看直播');
    const renamed = await w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'shopping', change: { op: 'rename', tagId: tag.tagId, name: '直播粉丝' } });
    expect(renamed.ok && renamed.data.group.tags.map((t: { name: string }) => t.name)).toContain('直播粉丝');
    expect(await w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'shopping', change: { op: 'remove', tagId: tag.tagId } })).toMatchObject({ ok: true });
    expect(await w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'care', change: { op: 'remove', tagId: 'care-high' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const groups = await w.h.call('staff', 'staff-S001', { action: 'tagGroups' });
    expect(groups.ok && groups.data.groups.find((g: { groupId: string }) => g.groupId === 'care').tags[0]).toEqual({ tagId: 'care-high', name: '高关怀', locked: true });
  });

  it('decides two managers adding at once by the group\'s version: one wins, the other is asked to retry', async () => {
    const w = await world();
    const answers = await Promise.all(['甲', '乙'].map((n) => w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'contact', change: { op: 'add', name: `晚间联系${n}` } })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.error.code === 'CONFLICT')).toHaveLength(1);
  });
});

describe('the audit log (managers)', () => {
  it('lists the store\'s looks newest first, a page at a time, and none of another store\'s', async () => {
    const w = await world();
    // seven notes to an instant: a page ends in the middle of one instant's looks
    for (let i = 0; i < 35; i += 1) {
      await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: `第${i}条`, kind: 'note', requestId: w.fresh() });
      if (i % 7 === 6) w.h.clock.advance(1000);
    }
    await w.h.call('staff', 'staff-S002', { action: 'memberView', code: await tillCode(w.h, 'm1') });
    const first = await w.h.call('staff', 'manager-S001', { action: 'auditLog' });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.data.entries).toHaveLength(30);
    expect(first.data.entries[0]).toMatchObject({ staffName: '林小悦', nickname: '小雅', view: 'notes', why: '添加备注' });
    const second = await w.h.call('staff', 'manager-S001', { action: 'auditLog', cursor: first.data.next });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    const all = [...first.data.entries, ...second.data.entries];
    // 35 notes and the complaint of the world, each once; no S002 look
    expect(all).toHaveLength(36);
    expect(new Set(all.map((e) => `${e.at}${e.why}`)).size).toBeGreaterThan(5);
    expect(all.some((e) => e.staffName === '周导购')).toBe(false);
    expect(second.data.next).toBeNull();
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('every look at a member by staff is in the audit log', () => {
  const looks = (w: World, view: string) => w.h.cloud.db.find('staffAudit', { memberId: w.memberId, view });

  it('a lookup at the counter, a pass checked off, a tag added and taken off, and the care list that shows the member each write a look', async () => {
    const w = await world();
    expect((await w.h.call('staff', 'staff-S001', { action: 'lookup', code: await tillCode(w.h, 'm1') })).ok).toBe(true);
    expect(looks(w, 'lookup')).toEqual([expect.objectContaining({ staffId: 'staff-S001', storeId: 'S001', why: '会员出示会员码' })]);

    expect((await w.h.call('staff', 'staff-S001', { action: 'checkPass', code: await tillCode(w.h, 'm1'), couponId: await freshPass(w) })).ok).toBe(true);
    expect(looks(w, 'counterCheck')).toHaveLength(1);

    expect((await w.h.call('staff', 'stylist-S001', { action: 'addTag', memberId: w.memberId, tagId: 'shopping-new' })).ok).toBe(true);
    expect((await w.h.call('staff', 'stylist-S001', { action: 'removeTag', memberId: w.memberId, tagId: 'shopping-new' })).ok).toBe(true);
    expect(looks(w, 'tags').map((l) => l.why)).toEqual(expect.arrayContaining(['添加标签', '移除标签']));

    // the complaint's call-back is on S001's list: showing the list is a look at its member
    const list = await w.h.call('staff', 'manager-S001', { action: 'todos' });
    expect(list.ok && list.data.items.length).toBeGreaterThan(0);
    expect(looks(w, 'todo')).toEqual([expect.objectContaining({ staffId: 'manager-S001', why: '待办列表' })]);
  });
});

describe('what a note may say', () => {
  it('masks a mobile number typed into a note, so no staff screen ever shows it whole', async () => {
    const w = await world();
    const answer = await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: '顾客电话13912345678，说裤子起球', kind: 'complaint', requestId: w.fresh() });
    expect(answer).toMatchObject({ ok: true, data: { note: { text: '顾客电话139****5678，说裤子起球' } } });
    expect(leaks(answer)).toEqual([]);
    expect(leaks(await w.h.call('staff', 'staff-S001', { action: 'todos' }))).toEqual([]);
  });

  it.each([
    ['only zero-width spaces', '\u200b\u200b'],
    ['a NUL and a right-to-left override', 'a\u0000b\u202e逆'],
    ['301 characters', '好'.repeat(301)],
  ])('refuses %s as INVALID_INPUT and writes nothing', async (_what, text) => {
    const w = await world();
    const before = w.h.cloud.db.find('staffNotes', {}).length;
    expect(await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text, kind: 'note', requestId: w.fresh() })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(w.h.cloud.db.find('staffNotes', {})).toHaveLength(before);
  });

  it('counts characters as a person does: 300 emoji are a note, not 600 halves', async () => {
    const w = await world();
    expect((await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: '😀'.repeat(300), kind: 'note', requestId: w.fresh() })).ok).toBe(true);
  });

  it('answers CONFLICT when a request id comes back with another text: the second text is never silently lost', async () => {
    const w = await world();
    const requestId = w.fresh();
    expect((await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: '并发备注1', kind: 'note', requestId })).ok).toBe(true);
    expect(await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: '并发备注1', kind: 'note', requestId })).toMatchObject({ ok: true });
    expect(await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: w.memberId, text: '并发备注2', kind: 'note', requestId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('高关怀 stays what complaints set', () => {
  it('cannot be renamed by a manager, and comes off a member only by the manager of their store', async () => {
    const w = await world();
    expect(await w.h.call('staff', 'manager-S001', { action: 'editTagGroup', groupId: 'care', change: { op: 'rename', tagId: 'care-high', name: '普通' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // S002's clerk served the member from a live code: they see the tags, but do not change them
    expect((await w.h.call('staff', 'staff-S002', { action: 'memberView', code: await tillCode(w.h, 'm1') })).ok).toBe(true);
    expect(await w.h.call('staff', 'staff-S002', { action: 'removeTag', memberId: w.memberId, tagId: 'care-high' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.h.call('staff', 'staff-S001', { action: 'removeTag', memberId: w.memberId, tagId: 'care-high' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const removed = await w.h.call('staff', 'manager-S001', { action: 'removeTag', memberId: w.memberId, tagId: 'care-high' });
    expect(removed.ok && removed.data.staffTags.map((t: { tagId: string }) => t.tagId)).not.toContain('care-high');
  });
});

describe('the care list and the audit log under odd input', () => {
  it('refuses a to-do cursor outside any instant as INVALID_INPUT, not an internal error', async () => {
    const w = await world();
    for (const cursor of ['9007199254740991.x', '8640000000000001.S001:']) {
      expect(await w.h.call('staff', 'staff-S001', { action: 'todos', cursor })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('writes one look for each member the care list shows', async () => {
    const w = await world();
    const other = await w.h.join('m2', { nickname: '小林' });
    await w.h.call('staff', 'staff-S001', { action: 'addNote', memberId: other, text: '等了很久', kind: 'complaint', requestId: w.fresh() });
    const list = await w.h.call('staff', 'staff-S001', { action: 'todos' });
    expect(list.ok && new Set(list.data.items.map((i: { member: { memberId: string } }) => i.member.memberId)).size).toBe(2);
    const listed = w.h.cloud.db.find('staffAudit', { why: '待办列表' }).map((l) => l.memberId);
    expect(new Set(listed)).toEqual(new Set([w.memberId, other]));
  });
});
