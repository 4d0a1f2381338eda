import { createHarness, type Harness } from '../support/harness';

/** A complaint at the counter (issue 17 part 4): 高关怀, the 2-hour call-back, one 补偿券. */
describe('a complaint noted by a clerk', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('m1', { nickname: '小雅' });
  });

  const complain = (requestId = 'complaint-0001') => h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '改的裤长短了两厘米，很不满意', kind: 'complaint', requestId });

  it('sets 高关怀 and makes the store a call-back due two hours later', async () => {
    const answer = await complain();
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(answer.data.staffTags).toEqual([{ tagId: 'care-high', name: '高关怀', groupName: '服务关怀' }]);
    expect(answer.data.callback).toMatchObject({ kind: 'complaintCallback', complaintId: answer.data.note.noteId, dueAt: new Date(h.clock.now().getTime() + 2 * 3_600_000).toISOString(), overdue: false });
    expect(answer.data.callback.reason).toContain('投诉回访');
    expect(answer.data.callback.reason).toContain('12:00 前回访');
    const [todo] = h.cloud.db.find('todos', { kind: 'complaintCallback' });
    expect(todo).toMatchObject({ storeId: 'S001', memberId, state: 'open', complaintId: answer.data.note.noteId });
  });

  it('retried three times at once, makes one note, one tag and one call-back', async () => {
    await Promise.all([complain(), complain(), complain()]);
    expect(h.cloud.db.find('staffNotes', {})).toHaveLength(1);
    expect(h.cloud.db.find('memberStaffTags', {})).toHaveLength(1);
    expect(h.cloud.db.find('todos', {})).toHaveLength(1);
  });

  it('shows the call-back as overdue once two hours have passed', async () => {
    await complain();
    h.clock.advance(2 * 3_600_000 + 60_000);
    const view = await h.call('staff', 'manager-S001', { action: 'memberView', memberId, reason: 'complaint' });
    expect(view.ok && view.data.todos).toEqual([expect.objectContaining({ kind: 'complaintCallback', overdue: true })]);
  });

  it('gives one 补偿券 however many times it is tapped (20 at once), and the member finds it in 我的券', async () => {
    const complaint = await complain();
    const complaintId = complaint.ok && complaint.data.note.noteId;
    const answers = await Promise.all(Array.from({ length: 20 }, () => h.call('staff', 'staff-S001', { action: 'giveCompensation', complaintId })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && a.data.issuedNow)).toHaveLength(1);
    expect(h.cloud.db.find('coupons', { templateId: 'care-compensation' })).toHaveLength(1);
    const later = await h.call('staff', 'manager-S001', { action: 'giveCompensation', complaintId });
    expect(later).toMatchObject({ ok: true, data: { name: '补偿券', issuedNow: false } });
    const wallet = await h.call('coupon', 'm1', { action: 'list', status: 'available' });
    expect(JSON.stringify(wallet)).toContain('补偿券');
    const view = await h.call('staff', 'staff-S001', { action: 'memberView', memberId });
    expect(view.ok && view.data.notes[0].compensated).toBe(true);
  });

  it('gives no 补偿券 for a plain note, nor for a complaint id that is not one', async () => {
    const note = await h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '喜欢燕麦色', kind: 'note', requestId: 'plain-note-01' });
    expect(await h.call('staff', 'staff-S001', { action: 'giveCompensation', complaintId: note.ok && note.data.note.noteId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('staff', 'staff-S001', { action: 'giveCompensation', complaintId: 'S001:made-up-id' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.cloud.db.find('coupons', { templateId: 'care-compensation' })).toHaveLength(0);
  });

  it('refuses a request id reused for another kind of note', async () => {
    await complain('reused-0001');
    const again = await h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '普通备注', kind: 'note', requestId: 'reused-0001' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('is erased with the member when they leave: no note, tag or 补偿券 of theirs stays', async () => {
    const complaint = await complain();
    await h.call('staff', 'staff-S001', { action: 'giveCompensation', complaintId: complaint.ok && complaint.data.note.noteId });
    expect(await h.call('member', 'm1', { action: 'delete', confirm: true })).toEqual({ ok: true, data: { deleted: true } });
    expect(h.cloud.db.find('staffNotes', { memberId })).toEqual([]);
    expect(h.cloud.db.find('memberStaffTags', { memberId })).toEqual([]);
    expect(h.cloud.db.find('coupons', { memberId })).toEqual([]);
    expect(await h.call('staff', 'staff-S001', { action: 'memberView', memberId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
