import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { memberWith, putMembers } from '../support/todoMembers';

/** The manager's segments actions (issue 19): their own store only, filters, hostile input, definitions saved by compare-and-set. */

const MANAGER = 'manager-S001';
/** The stored definitions, as plain data of this realm (the stand-in's objects are not what a caller sends). */
const definitionsDoc = (h: Harness) => JSON.parse(JSON.stringify(h.cloud.db.collection(COLLECTIONS.segmentDefinitions).get('rfm')!.doc)) as { version: number; definitions: Array<Record<string, unknown>> };

async function runSegments(h: Harness) {
  for (;;) {
    const answer = await runJobs(h, { action: 'run', job: 'segments' });
    if (!answer.ok || answer.data.runs[0]!.failed) throw new Error('segments run failed');
    if (answer.data.runs[0]!.done) return;
  }
}

describe('segment counts', () => {
  it('before any scoring: every segment listed at zero, no scoring day', async () => {
    const h = await createHarness();
    const answer: any = await h.call('ops', MANAGER, { action: 'segmentCounts' });
    expect(answer).toMatchObject({ ok: true, data: { storeId: 'S001', storeName: '悦衣库 上海静安店', scoredOn: null, total: 0, filter: { tier: null, tags: [] } } });
    expect(answer.data.segments.map((s: { name: string; count: number }) => `${s.name}:${s.count}`)).toEqual(['新客:0', '高价值沉睡:0', '沉睡型:0', '忠实型:0', '潜力型:0', '一般:0']);
    expect(answer.data.tagChoices).toContainEqual({ tagId: 'care-vip', name: '重点维护', groupName: expect.any(String) });
  });

  it("counts the manager's own store only, and filters combine: tier and every tag held", async () => {
    const h = await createHarness();
    await putMembers(h.cloud.db, [
      memberWith('100000000001', { tier: 'grower', spendDays: { '20261120': 50_000 } }),
      memberWith('100000000002', { tier: 'explorer', spendDays: { '20261001': 5_000 } }),
      memberWith('100000000003', { tier: 'grower' }),
      memberWith('100000000004', { store: 'S002', tier: 'grower', spendDays: { '20261120': 90_000 } }),
    ]);
    await h.cloud.db.apply(
      [
        ['100000000001', 'care-vip'],
        ['100000000001', 'shopping-sale'],
        ['100000000003', 'care-vip'],
      ].map(([memberId, tagId]) => ({ c: COLLECTIONS.memberStaffTags, id: `${memberId}:${tagId}`, doc: { _id: `${memberId}:${tagId}`, memberId, tagId, addedBy: { storeId: 'S001', name: '林小悦' }, at: h.clock.now() } })),
    );
    await runSegments(h);
    const total = (input: Record<string, unknown>) => h.call('ops', MANAGER, { action: 'segmentCounts', ...input }).then((a) => (a.ok ? a.data.total : a.error.code));
    expect(await total({})).toBe(3);
    expect(await total({ tier: 'grower' })).toBe(2);
    expect(await total({ tags: ['care-vip'] })).toBe(2);
    expect(await total({ tags: ['care-vip', 'shopping-sale'] })).toBe(1);
    expect(await total({ tier: 'explorer', tags: ['care-vip'] })).toBe(0);
    expect(await total({ tags: ['care-vip', 'care-vip'] })).toBe(2);
    const counts: any = await h.call('ops', MANAGER, { action: 'segmentCounts' });
    expect(counts.data.scoredOn).toBe('2026-11-25');
    expect(counts.data.segments.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(3);
    expect(counts.data.segments.reduce((s: number, x: { percent: number }) => s + x.percent, 0)).toBeGreaterThanOrEqual(99);
  });

  it.each([
    ['an unknown field', { storeId: 'S002' }],
    ['an openid in the data', { openid: 'manager-S001' }],
    ['a tier that does not exist', { tier: 'gold' }],
    ['six tags', { tags: ['care-vip', 'care-new', 'care-high', 'shopping-new', 'shopping-sale', 'contact-phone'] }],
    ['a tag that is not a tag id', { tags: ['$where'] }],
    ['an operator as the tier', { tier: { $ne: null } }],
  ])('refuses %s with INVALID_INPUT', async (_name, input) => {
    const h = await createHarness();
    expect(await h.call('ops', MANAGER, { action: 'segmentCounts', ...input })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('ops', MANAGER, { action: 'segmentMovement', ...input })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('saving the definitions', () => {
  it('saves names and thresholds, stamped with the manager, and the version moves on', async () => {
    const h = await createHarness();
    const { version, definitions } = definitionsDoc(h);
    definitions[3] = { ...definitions[3], name: ' 铁粉 ', f: { min: 5, max: 5 } };
    const saved: any = await h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version, definitions });
    expect(saved).toMatchObject({ ok: true, data: { version: version + 1, updatedBy: '林店长', updatedAt: h.clock.now().toISOString() } });
    expect(saved.data.definitions[3]).toEqual({ code: 'loyal', name: '铁粉', r: { min: 4, max: 5 }, f: { min: 5, max: 5 }, m: null, joinedWithinDays: null });
    expect(await h.call('ops', MANAGER, { action: 'segmentDefinitions' })).toEqual({ ok: true, data: saved.data });
  });

  it.each([
    ['two segments with one name', (d: Array<Record<string, unknown>>) => [d[0], { ...d[1], name: d[0]!.name }], '分群名称「新客」重复'],
    ['a lower bound above the upper', (d: Array<Record<string, unknown>>) => [{ ...d[1], r: { min: 3, max: 1 } }], '「高价值沉睡」的 R 分下限不能高于上限'],
    ['a score of 6', (d: Array<Record<string, unknown>>) => [{ ...d[1], m: { min: 4, max: 6 } }], '评分为 1–5'],
    ['a fractional score', (d: Array<Record<string, unknown>>) => [{ ...d[1], m: { min: 4.5, max: 5 } }], undefined],
    ['no segment at all', () => [], '至少保留一个分群'],
    ['a field of its own', (d: Array<Record<string, unknown>>) => [{ ...d[0], $where: 'sleep(1)' }], undefined],
    ['a name of nine characters', (d: Array<Record<string, unknown>>) => [{ ...d[0], name: '一二三四五六七八九' }], '分群名称为 1–8 个字'],
  ])('refuses %s with INVALID_INPUT and writes nothing', async (_name, edit, message) => {
    const h = await createHarness();
    const before = definitionsDoc(h);
    const answer: any = await h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version: before.version, definitions: edit(JSON.parse(JSON.stringify(before.definitions))) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (message) expect(answer.error.message).toContain(message);
    expect(definitionsDoc(h)).toEqual(before);
  });

  it('a save of a version someone already saved over is a CONFLICT; of two parallel saves exactly one lands', async () => {
    const h = await createHarness();
    const { version, definitions } = definitionsDoc(h);
    const rename = (name: string) => definitions.map((d, i) => (i === 0 ? { ...d, name } : d));
    const both = await Promise.all([
      h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version, definitions: rename('新会员') }),
      h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version, definitions: rename('萌新') }),
    ]);
    expect(both.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(definitionsDoc(h).version).toBe(version + 1);
    expect(await h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version, definitions })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('before any seed the defaults answer as version 0, and the first save creates the document once', async () => {
    const h = await createHarness();
    await h.cloud.db.apply([{ c: COLLECTIONS.segmentDefinitions, id: 'rfm', doc: null }]);
    const got: any = await h.call('ops', MANAGER, { action: 'segmentDefinitions' });
    expect(got).toMatchObject({ ok: true, data: { version: 0, updatedAt: null, updatedBy: null } });
    const both = await Promise.all([0, 1].map(() => h.call('ops', MANAGER, { action: 'saveSegmentDefinitions', version: 0, definitions: got.data.definitions })));
    expect(both.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
  });
});
