import { signUpAttribution } from '../../cloudfunctions/domain/staff/signUp';
import type { StaffWithCode } from '../../cloudfunctions/domain/staff/joinCode';

const clerk = (over: Partial<StaffWithCode> = {}): StaffWithCode => ({ _id: 'staff-S001', storeId: 'S001', name: '林小悦', role: 'clerk', active: true, joinCode: 'AB23CD', ...over });

describe('who signed a new member up (signUpAttribution)', () => {
  it.each([
    ['a plain store code names the store only', { clerkCode: null, clerk: null }, null],
    ["the clerk's own code at their store names the clerk", { clerkCode: 'AB23CD', clerk: clerk() }, 'staff-S001'],
    ["a stylist's or manager's own code names them too", { clerkCode: 'AB23CD', clerk: clerk({ role: 'manager', _id: 'manager-S001' }) }, 'manager-S001'],
    ['an unknown code names the store only', { clerkCode: 'ZZZZZZ', clerk: null }, null],
    ['a clerk who left names the store only', { clerkCode: 'AB23CD', clerk: clerk({ active: false }) }, null],
    ["another store's clerk in this store's scene names the store only", { clerkCode: 'AB23CD', clerk: clerk({ storeId: 'S002' }) }, null],
    ['a staff record found under another code names the store only', { clerkCode: 'AB23CE', clerk: clerk() }, null],
  ] as const)('%s', (_what, facts, staffId) => {
    expect(signUpAttribution.decide({ storeId: 'S001', ...facts })).toEqual({ storeId: 'S001', staffId });
  });
});
