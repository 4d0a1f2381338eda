import { giveJoinCode } from '../../cloudfunctions/data/staffSales';
import { database } from '../../cloudfunctions/platform/cloud';
import { createHarness, type Harness } from '../support/harness';

/**
 * A clerk's join code is unique without a sparse index (CloudBase cannot build one, and a plain
 * unique index on staff.joinCode refuses every second staff member who has no code yet): each
 * code is held by its own staffJoinCodes document, keyed by the code.
 */
describe('clerk join codes are unique through their own documents', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  const give = (staffId: string, code: string) => h.cloud.call(null, () => giveJoinCode(database(), staffId, code)).then((r) => r.result);

  it('staff members without a code live side by side under the deployed indexes', async () => {
    const before = h.cloud.db.find('staff', {}).filter((s) => !('joinCode' in s)).length;
    await h.cloud.db.apply([
      { c: 'staff', id: 'new-1', doc: { _id: 'new-1', storeId: 'S001', name: '新同事甲', role: 'clerk', active: true } },
      { c: 'staff', id: 'new-2', doc: { _id: 'new-2', storeId: 'S001', name: '新同事乙', role: 'clerk', active: true } },
    ]);
    expect(h.cloud.db.find('staff', {}).filter((s) => !('joinCode' in s))).toHaveLength(before + 2);
  });

  it("a code another staff member holds is refused, and the holder's stays theirs", async () => {
    expect(await give('staff-S001', 'ABC123')).toBe('given');
    expect(await give('staff-S002', 'ABC123')).toBe('taken');
    expect(h.cloud.db.find('staff', { joinCode: 'ABC123' }).map((s) => s._id)).toEqual(['staff-S001']);
    expect(h.cloud.db.find('staffJoinCodes', {})).toEqual([{ _id: 'ABC123', staffId: 'staff-S001' }]);
  });

  it('a staff member who already has a code keeps it, and the second code drawn for them is freed', async () => {
    expect(await give('staff-S001', 'ABC123')).toBe('given');
    expect(await give('staff-S001', 'XYZ789')).toBe('has');
    expect(h.cloud.db.find('staffJoinCodes', {}).map((d) => d._id)).toEqual(['ABC123']);
  });

  it('a reservation left by an attempt that stopped before the staff document was written is carried on', async () => {
    await h.cloud.db.apply([{ c: 'staffJoinCodes', id: 'ABC123', doc: { _id: 'ABC123', staffId: 'staff-S001' } }]);
    expect(await give('staff-S001', 'ABC123')).toBe('given');
    expect(h.cloud.db.find('staff', { _id: 'staff-S001' })[0]).toMatchObject({ joinCode: 'ABC123' });
  });

  it('parallel first calls of the joinCode action leave the clerk one code and one reservation', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => h.call('staff', 'staff-S001', { action: 'joinCode' })));
    const codes = new Set(answers.map((a) => a.ok && new URLSearchParams(a.data.scene).get('c')));
    expect(codes.size).toBe(1);
    expect(h.cloud.db.find('staffJoinCodes', { staffId: 'staff-S001' }).map((d) => d._id)).toEqual([...codes]);
  });
});
