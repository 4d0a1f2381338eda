import { newMember } from '../../cloudfunctions/domain/member';
import { memberView, type MemberViewFacts } from '../../cloudfunctions/domain/staff/memberView';
import { newNote } from '../../cloudfunctions/domain/staff/notes';
import { complaintCallback } from '../../cloudfunctions/domain/staff/complaint';
import type { Staff } from '../../cloudfunctions/domain/staff/staff';
import type { StyleProfile } from '../../cloudfunctions/domain/style/records';

const NOW = new Date('2026-11-25T02:00:00.000Z');
const clerk = (storeId: string): Staff => ({ _id: `staff-${storeId}`, storeId, name: `${storeId}店员`, role: 'clerk', active: true });
const member = { ...newMember('312345678901', 'openid-of-the-member', { store: { storeId: 'S001', name: '悦衣库 上海静安店' } }, NOW), phoneMasked: '139****4321' };

function facts(over: Partial<MemberViewFacts> = {}): MemberViewFacts {
  return { member, viewerStoreId: 'S001', coupons: [], report: null, profile: null, tags: [], orders: [], products: new Map(), storeNames: new Map(), wardrobe: [], notes: [], todos: [], staffTags: [], groups: [], codeExpiresAt: null, ...over };
}
const profileWith = (sizes: NonNullable<StyleProfile['preferences']['sizes']>): StyleProfile => ({ _id: member._id, attempt: 1, answers: {}, scored: false, startedAt: NOW, updatedAt: NOW, preferences: { sizes }, views: { styles: {}, scenes: {}, lastAt: null } });

describe('the member view a clerk sees (memberView)', () => {
  it.each([
    ['nothing said yet', null, { top: null, bottom: null, shoes: null }],
    ['the member\'s own sizes', profileWith({ top: 'S', shoes: 36 }), { top: 'S', bottom: null, shoes: 36 }],
  ])('sizes: %s', (_what, profile, sizes) => {
    expect(memberView(facts({ profile }), NOW).sizes).toEqual(sizes);
  });

  it.each([
    ['its own store', 'S001', 1, 1],
    ['another store (even if the read let one through)', 'S002', 0, 0],
  ])('shows notes and to-dos of %s only', (_what, viewer, notes, todos) => {
    const complaint = newNote(clerk('S001'), member._id, { kind: 'complaint', text: '扣子掉了', requestId: 'req-00000001' }, NOW);
    const v = memberView(facts({ viewerStoreId: viewer, notes: [complaint], todos: [complaintCallback(complaint)] }), NOW);
    expect([v.notes.length, v.todos.length]).toEqual([notes, todos]);
  });

  it('carries the masked phone and never the openid', () => {
    const text = JSON.stringify(memberView(facts(), NOW));
    expect(text).toContain('139****4321');
    expect(text).not.toContain('openid-of-the-member');
  });

  it('marks a call-back past its time overdue', () => {
    const complaint = newNote(clerk('S001'), member._id, { kind: 'complaint', text: '扣子掉了', requestId: 'req-00000001' }, NOW);
    const later = new Date(NOW.getTime() + 2 * 3_600_000 + 1);
    expect(memberView(facts({ todos: [complaintCallback(complaint)] }), later).todos[0]!.overdue).toBe(true);
    expect(memberView(facts({ todos: [complaintCallback(complaint)] }), NOW).todos[0]!.overdue).toBe(false);
  });
});
