import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { type CloudRequest, programFunction, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import SegmentsPage from './index';
import { tapScore } from './rangeChips';

const DEFINITIONS = [
  { code: 'new', name: '新客', r: null, f: null, m: null, joinedWithinDays: 30 },
  { code: 'dormant', name: '沉睡型', r: { min: 1, max: 2 }, f: null, m: null, joinedWithinDays: null },
  { code: 'loyal', name: '忠实型', r: { min: 4, max: 5 }, f: { min: 4, max: 5 }, m: null, joinedWithinDays: null },
  { code: 'regular', name: '一般', r: null, f: null, m: null, joinedWithinDays: null },
];

function counts(data: Record<string, unknown>) {
  const tier = (data.tier as string | undefined) ?? null;
  const factor = tier ? 0.5 : 1;
  const segments = [
    { code: 'new', name: '新客', count: 120 * factor, percent: 12 },
    { code: 'dormant', name: '沉睡型', count: 380 * factor, percent: 38 },
    { code: 'loyal', name: '忠实型', count: 200 * factor, percent: 20 },
    { code: 'regular', name: '一般', count: 300 * factor, percent: 30 },
  ];
  return ok({
    storeId: 'S001',
    storeName: '悦衣库 上海静安店',
    filter: { tier, tags: (data.tags as string[] | undefined) ?? [] },
    scoredOn: '2026-11-25',
    total: 1000 * factor,
    segments,
    tagChoices: [{ tagId: 'care-vip', name: '重点维护', groupName: '服务关怀' }],
  });
}

const movement = ok({
  storeId: 'S001',
  filter: { tier: null, tags: [] },
  scoredOn: '2026-11-25',
  moved: 57,
  moves: [{ from: { code: 'loyal', name: '忠实型' }, to: { code: 'dormant', name: '沉睡型' }, count: 42, sample: [{ memberId: '100000000001', nickname: '王*' }] }],
});

function programOps(over: Record<string, (data: Record<string, unknown>) => unknown> = {}) {
  let version = 1;
  let definitions = DEFINITIONS;
  const answers: Record<string, (data: Record<string, unknown>) => unknown> = {
    segmentCounts: counts,
    segmentMovement: () => movement,
    segmentDefinitions: () => ok({ version, definitions, updatedAt: null, updatedBy: null }),
    saveSegmentDefinitions: (data) => {
      if (data.version !== version) return fail('CONFLICT');
      version += 1;
      definitions = data.definitions as typeof DEFINITIONS;
      return ok({ version, definitions, updatedAt: '2026-11-25T02:00:00.000Z', updatedBy: '林店长' });
    },
    ...over,
  };
  programFunction('ops', async ({ data }: CloudRequest) => answers[data.action as string]?.(data) ?? fail('INTERNAL'));
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('会员分群', () => {
  it('shows the count of every segment with its share, the week’s moves with a masked sample, and the definitions in words', async () => {
    programOps();
    const { container } = render(<SegmentsPage />);
    expect(await screen.findByText('悦衣库 上海静安店 分群人数')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.seg-bar__head'), (b) => b.textContent)).toEqual(['新客120 人 · 12%', '沉睡型380 人 · 38%', '忠实型200 人 · 20%', '一般300 人 · 30%']);
    expect(screen.getByText('1,000 人')).toBeTruthy();
    expect(await screen.findByText('→ 沉睡型')).toBeTruthy();
    expect(screen.getByText('如 王*（100000000001）')).toBeTruthy();
    expect(screen.getByText('与一周前相比共 57 人换了分群')).toBeTruthy();
    expect(await screen.findByText('R 4–5 分 · F 4–5 分 · M 不限')).toBeTruthy();
    expect(screen.getByText('R 不限 · F 不限 · M 不限 · 入会 ≤ 30 天')).toBeTruthy();
    expect(screen.getByText('其余所有会员')).toBeTruthy();
  });

  it('filters by tier and by staff tag, reading counts and movement again with the filter', async () => {
    programOps();
    render(<SegmentsPage />);
    await screen.findByText('1,000 人');
    fireEvent.click(screen.getByText('成长者'));
    expect(await screen.findByText('500 人')).toBeTruthy();
    fireEvent.click(screen.getByText('按店员标签筛选'));
    fireEvent.click(screen.getByText('重点维护'));
    await waitFor(() => expect(recorded.cloudCalls.filter((c) => c.data.action === 'segmentCounts').at(-1)?.data).toMatchObject({ tier: 'grower', tags: ['care-vip'] }));
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'segmentMovement').at(-1)?.data).toMatchObject({ tier: 'grower', tags: ['care-vip'] });
    expect(screen.getByText('店员标签：已选 1 个（同时具备）')).toBeTruthy();
  });

  it('edits a name and a threshold and saves them; the saved definitions show', async () => {
    programOps();
    render(<SegmentsPage />);
    fireEvent.click(await screen.findByText('编辑'));
    typeInto(screen.getByLabelText('第 3 个分群的名称'), '铁粉');
    // F of 忠实型 (now 铁粉): 4–5 → tap 5 (its upper end) → 4 only
    fireEvent.click(screen.getByLabelText('铁粉 F 消费频次 5 分'));
    fireEvent.click(screen.getByText('保存分群定义'));
    expect(await screen.findByText('3. 铁粉')).toBeTruthy();
    expect(screen.getByText('R 4–5 分 · F 4 分 · M 不限')).toBeTruthy();
    const saved = recorded.cloudCalls.find((c) => c.data.action === 'saveSegmentDefinitions')!.data as { version: number; definitions: typeof DEFINITIONS };
    expect(saved.version).toBe(1);
    expect(saved.definitions[2]).toEqual({ code: 'loyal', name: '铁粉', r: { min: 4, max: 5 }, f: { min: 4, max: 4 }, m: null, joinedWithinDays: null });
  });

  it('says what the server refused in its words, and keeps the draft', async () => {
    programOps({ saveSegmentDefinitions: () => ({ ok: false, error: { code: 'INVALID_INPUT', message: '分群名称「新客」重复' } }) });
    render(<SegmentsPage />);
    fireEvent.click(await screen.findByText('编辑'));
    fireEvent.click(screen.getByText('保存分群定义'));
    expect(await screen.findByText('分群名称「新客」重复')).toBeTruthy();
    expect(screen.getByText('保存分群定义')).toBeTruthy();
  });

  it('someone who is not a manager is told they have no access', async () => {
    programOps({ segmentCounts: () => fail('FORBIDDEN'), segmentMovement: () => fail('FORBIDDEN'), segmentDefinitions: () => fail('FORBIDDEN') });
    render(<SegmentsPage />);
    expect((await screen.findAllByText(ERROR_TEXT.FORBIDDEN)).length).toBeGreaterThan(0);
    expect(screen.queryByText('编辑')).toBeNull();
  });

  it('before the first nightly scoring the page says when figures come', async () => {
    programOps({ segmentCounts: () => ok({ storeId: 'S001', storeName: '悦衣库 上海静安店', filter: { tier: null, tags: [] }, scoredOn: null, total: 0, segments: [], tagChoices: [] }), segmentMovement: () => ok({ storeId: 'S001', filter: { tier: null, tags: [] }, scoredOn: null, moved: 0, moves: [] }) });
    render(<SegmentsPage />);
    expect(await screen.findByText('尚未评分：分群任务每晚运行一次，明天再来看看')).toBeTruthy();
    expect(await screen.findByText('评分满 7 天后可看到流动')).toBeTruthy();
  });
});

describe('score chips', () => {
  it.each([
    [null, 3, { min: 3, max: 3 }],
    [{ min: 3, max: 3 }, 5, { min: 3, max: 5 }],
    [{ min: 3, max: 5 }, 1, { min: 1, max: 5 }],
    [{ min: 3, max: 5 }, 5, { min: 3, max: 4 }],
    [{ min: 3, max: 5 }, 3, { min: 4, max: 5 }],
    [{ min: 3, max: 5 }, 4, { min: 4, max: 4 }],
    [{ min: 4, max: 4 }, 4, null],
  ])('%j tapped at %i becomes %j', (range, v, next) => {
    expect(tapScore(range, v)).toEqual(next);
  });
});
