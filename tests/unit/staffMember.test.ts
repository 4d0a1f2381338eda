import { auditCursor, auditPage, AUDIT_PAGE } from '../../cloudfunctions/domain/staff/auditPage';
import type { StaffLook } from '../../cloudfunctions/domain/staff/audit';
import { complaintCallback, compensationCouponId, compensationProblem } from '../../cloudfunctions/domain/staff/complaint';
import { newNote, noteId, type StaffNote } from '../../cloudfunctions/domain/staff/notes';
import { mayServe } from '../../cloudfunctions/domain/staff/serving';
import type { Staff } from '../../cloudfunctions/domain/staff/staff';
import { editTagGroup, staffTagsOf, type TagGroup, type TagGroupChange } from '../../cloudfunctions/domain/staff/tags';
import { COUPON_ID } from '../../cloudfunctions/contract/coupon';

const NOW = new Date('2026-11-25T02:00:00.000Z'); // 10:00 in Shanghai
const clerk: Staff = { _id: 'staff-S001', storeId: 'S001', name: '林小悦', role: 'clerk', active: true };

describe('who staff may serve by memberId (mayServe)', () => {
  const member = (storeId: string, leaving = false) => ({ homeStore: { storeId, name: '' }, leavingSince: leaving ? NOW : null });
  it.each([
    ['a member of their own store', member('S001'), false, true],
    ['a member of another store', member('S002'), false, false],
    ['a member of another store who just showed a live code', member('S002'), true, true],
    ['a member of their own store who is leaving', member('S001', true), false, false],
    ['nobody', null, true, false],
  ])('%s', (_what, m, served, expected) => {
    expect(mayServe(clerk, m, served)).toBe(expected);
  });
});

describe('a complaint\'s call-back (complaintCallback)', () => {
  const complaint = (text: string): StaffNote => newNote(clerk, '123456789012', { kind: 'complaint', text, requestId: 'req-00000001' }, NOW);
  it.each([
    ['a short complaint is quoted whole', '扣子掉了', '投诉回访：扣子掉了（12:00 前回访）'],
    ['a long one is cut after 24 characters', '这'.repeat(30), `投诉回访：${'这'.repeat(24)}…（12:00 前回访）`],
  ])('%s', (_what, text, reason) => {
    const todo = complaintCallback(complaint(text));
    expect(todo).toMatchObject({ storeId: 'S001', kind: 'complaintCallback', reason, state: 'open', dueAt: new Date('2026-11-25T04:00:00.000Z'), complaintId: 'S001:req-00000001' });
    expect(todo._id).toBe('S001:complaintCallback:123456789012:S001:req-00000001');
  });
});

describe('the 补偿券 of a complaint', () => {
  const note = (kind: 'note' | 'complaint', storeId = 'S001'): StaffNote => ({ ...newNote({ ...clerk, storeId }, '123456789012', { kind, text: 'x', requestId: 'req-00000001' }, NOW) });
  it.each([
    ['the store\'s complaint', note('complaint'), 'S001', null],
    ['another store\'s complaint', note('complaint', 'S002'), 'S001', 'no such complaint at this store'],
    ['a plain note', note('note'), 'S001', 'only a complaint carries a 补偿券'],
    ['nothing', null, 'S001', 'no such complaint at this store'],
  ])('%s', (_what, n, storeId, problem) => {
    expect(compensationProblem(n, storeId)).toBe(problem);
  });

  it('has a coupon id the wallet accepts, one per complaint, naming no person', () => {
    const id = compensationCouponId('123456789012', noteId('S001', 'r'.repeat(40)));
    expect(id).toMatch(COUPON_ID);
    expect(id).not.toContain('staff-');
  });
});

describe('a manager\'s edit of a tag group (editTagGroup)', () => {
  const group: TagGroup = { _id: 'care', name: '服务关怀', sort: 10, version: 3, tags: [{ tagId: 'care-high', name: '高关怀', locked: true }, { tagId: 'care-vip', name: '重点维护' }] };
  const names = (r: ReturnType<typeof editTagGroup>) => (r.ok ? r.value.map((t) => `${t.tagId}=${t.name}`) : r.error.code);
  it.each<[string, TagGroupChange, string[] | string]>([
    ['adds a tag with an id from the next version', { op: 'add', name: '生日关怀' }, ['care-high=高关怀', 'care-vip=重点维护', 'care-v4=生日关怀']],
    ['refuses a name the group has', { op: 'add', name: '重点维护' }, 'CONFLICT'],
    ['renames a tag', { op: 'rename', tagId: 'care-vip', name: '核心会员' }, ['care-high=高关怀', 'care-vip=核心会员']],
    ['renames to its own name', { op: 'rename', tagId: 'care-vip', name: '重点维护' }, ['care-high=高关怀', 'care-vip=重点维护']],
    ['refuses renaming to another tag\'s name', { op: 'rename', tagId: 'care-vip', name: '高关怀' }, 'CONFLICT'],
    ['refuses renaming a tag it lacks', { op: 'rename', tagId: 'nope', name: 'x' }, 'NOT_FOUND'],
    ['removes a tag', { op: 'remove', tagId: 'care-vip' }, ['care-high=高关怀']],
    ['never removes 高关怀 (complaints set it)', { op: 'remove', tagId: 'care-high' }, 'FORBIDDEN'],
  ])('%s', (_what, change, expected) => {
    expect(names(editTagGroup(group, change))).toEqual(expected);
  });

  it('stops at 30 tags a group', () => {
    const full = { ...group, tags: Array.from({ length: 30 }, (_, i) => ({ tagId: `care-${i}`, name: `标签${i}` })) };
    expect(names(editTagGroup(full, { op: 'add', name: '再一个' }))).toBe('LIMIT_REACHED');
  });

  it('shows a member only tags some group still has, in the groups\' order', () => {
    const held = ['care-vip', 'gone', 'shop-x'].map((tagId) => ({ _id: tagId, memberId: 'm', tagId, addedBy: { storeId: 'S001', name: '' }, at: NOW }));
    const groups: TagGroup[] = [{ _id: 'shop', name: '购物偏好', sort: 20, version: 0, tags: [{ tagId: 'shop-x', name: '爱尝新款' }] }, group];
    expect(staffTagsOf(held, groups)).toEqual([
      { tagId: 'care-vip', name: '重点维护', groupName: '服务关怀' },
      { tagId: 'shop-x', name: '爱尝新款', groupName: '购物偏好' },
    ]);
  });
});

describe('the audit log\'s pages (auditCursor, auditPage)', () => {
  it.each([
    [undefined, { before: null, skip: 0 }],
    ['1764036000000.3', { before: new Date(1764036000000), skip: 3 }],
    ['staff-S001', null],
    ['1.2.3', null],
  ])('reads the cursor %s', (cursor, expected) => {
    expect(auditCursor(cursor)).toEqual(expected);
  });

  const look = (ms: number, i: number): StaffLook => ({ _id: `S001:${ms}:${i}`, staffId: 'staff-S001', staffName: '林小悦', storeId: 'S001', memberId: '123456789012', view: 'memberView', why: '会员出示会员码', at: new Date(ms) });
  it.each([
    ['no more: no cursor', AUDIT_PAGE, { before: null, skip: 0 }, null],
    ['a page ending inside an instant counts the looks of it shown', AUDIT_PAGE + 1, { before: null, skip: 0 }, `${1000}.${AUDIT_PAGE - 20}`],
    ['a page that began inside that instant adds what it skipped', AUDIT_PAGE + 1, { before: new Date(1000), skip: 5 }, `${1000}.${AUDIT_PAGE - 20 + 5}`],
  ])('%s', (_what, count, from, next) => {
    // 20 looks at 2 s, the rest at 1 s
    const looks = Array.from({ length: count }, (_, i) => look(i < 20 ? 2000 : 1000, i));
    const page = auditPage(looks, from, () => '小雅');
    expect(page.next).toBe(next);
    expect(page.entries).toHaveLength(Math.min(count, AUDIT_PAGE));
    expect(JSON.stringify(page)).not.toContain('staff-S001');
  });
});
