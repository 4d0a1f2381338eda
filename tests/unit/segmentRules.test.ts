import { segmentOf } from '../../cloudfunctions/domain/ops/segments/conditions';
import { DEFAULT_DEFINITIONS, type SegmentDefinition } from '../../cloudfunctions/domain/ops/segments/definition';
import { BAND_BOUNDS, moneyBand } from '../../cloudfunctions/domain/ops/segments/moneyBands';
import { nextLog, placeMember, weekAgoOf } from '../../cloudfunctions/domain/ops/segments/placement';
import { quintileCuts, quintileScore, type HistogramRow } from '../../cloudfunctions/domain/ops/segments/quintiles';
import { checkDefinitions } from '../../cloudfunctions/domain/ops/segments/validate';
import { segmentCountList } from '../../cloudfunctions/domain/ops/segments/view';
import { rfmFacts, rfmWindow } from '../../cloudfunctions/domain/ops/segments/window';

/** 10:00 on 25 November 2026 in Shanghai */
const NOW = new Date('2026-11-25T02:00:00.000Z');
const W = rfmWindow(NOW);

describe('the RFM window is the 12 months up to the run day, read from the member’s spend days', () => {
  it.each([
    ['a day inside the window counts', { '20260601': 5_000 }, { lastKey: '20260601', days: 1, fen: 5_000 }],
    ['the same date a year earlier is outside, the day after it inside', { '20251125': 9_000, '20251126': 1_000 }, { lastKey: '20251126', days: 1, fen: 1_000 }],
    ['today counts', { '20261125': 300 }, { lastKey: '20261125', days: 1, fen: 300 }],
    ['two purchase days are frequency 2, their net spend summed', { '20260101': 100, '20261001': 200 }, { lastKey: '20261001', days: 2, fen: 300 }],
    ['no spend days: not in the scored population', {}, { lastKey: null, days: 0, fen: 0 }],
  ])('%s', (_name, spendDays, facts) => {
    expect(rfmFacts(spendDays, W)).toEqual(facts);
  });
});

describe('quintile scores: 1 + ⌊5 × members strictly worse / n⌋, ties share the lower score', () => {
  const spread = (n: number): HistogramRow[] => Array.from({ length: n }, (_, i) => ({ value: i + 1, count: 1 }));
  it.each([
    ['ten distinct values: two per score', spread(10), 'higher', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    ['recency: fewer days is better', spread(10), 'lower', [1, 2, 9, 10], [5, 5, 1, 1]],
    ['most buy once: F 1 stays the lowest score, not 4', [{ value: 1, count: 70 }, { value: 2, count: 15 }, { value: 5, count: 15 }], 'higher', [1, 2, 5], [1, 4, 5]],
    ['everyone alike: everyone scores 1', [{ value: 3, count: 40 }], 'higher', [3], [1]],
    ['a value between rows scores as the worse neighbour', spread(10), 'higher', [4.5], [2]],
  ] as const)('%s', (_name, rows, dir, values, scores) => {
    const cuts = quintileCuts(rows, dir);
    expect(values.map((v) => quintileScore(v, cuts, dir))).toEqual(scores);
  });

  it('an empty population has no cut points, so nobody is above 1', () => {
    expect(quintileCuts([], 'higher')).toEqual([null, null, null, null]);
    expect(quintileScore(100, [null, null, null, null], 'higher')).toBe(1);
  });
});

describe('money is scored in bands of two significant figures', () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, 100],
    [123_456, 120_000],
    [99_999, 99_000],
    [100_000, 100_000],
    [5_000_000_000, 1_000_000_000],
  ])('%i fen → band %i', (fen, band) => {
    expect(moneyBand(fen)).toBe(band);
  });

  it('every band is a bound of the database histogram, strictly ascending', () => {
    expect(BAND_BOUNDS.length).toBe(632);
    for (let i = 1; i < BAND_BOUNDS.length; i += 1) expect(BAND_BOUNDS[i]!).toBeGreaterThan(BAND_BOUNDS[i - 1]!);
    for (const fen of [0, 150, 12_345, 987_654_321]) expect(BAND_BOUNDS).toContain(moneyBand(fen));
  });
});

describe('the default segments, first match wins', () => {
  it.each([
    ['joined 10 days ago, whatever the scores', { r: 5, f: 5, m: 5, daysSinceJoin: 10 }, 'new'],
    ['joined 30 days ago is still new', { r: 1, f: 1, m: 1, daysSinceJoin: 30 }, 'new'],
    ['long ago, bought long ago, spent much: high-value dormant', { r: 2, f: 3, m: 5, daysSinceJoin: 400 }, 'highValueDormant'],
    ['bought long ago, spent little: dormant', { r: 1, f: 1, m: 3, daysSinceJoin: 400 }, 'dormant'],
    ['no purchase in 12 months (1, 1, 1): dormant', { r: 1, f: 1, m: 1, daysSinceJoin: 31 }, 'dormant'],
    ['recent and frequent: loyal', { r: 4, f: 5, m: 1, daysSinceJoin: 400 }, 'loyal'],
    ['recent, not yet frequent: potential', { r: 5, f: 2, m: 2, daysSinceJoin: 400 }, 'potential'],
    ['middling recency, frequent: regular', { r: 3, f: 4, m: 3, daysSinceJoin: 400 }, 'regular'],
  ])('%s', (_name, facts, code) => {
    expect(segmentOf(DEFAULT_DEFINITIONS, facts)?.code).toBe(code);
  });

  it('a member no definition matches has no segment (未分组)', () => {
    expect(segmentOf(DEFAULT_DEFINITIONS.slice(0, 2), { r: 5, f: 5, m: 5, daysSinceJoin: 400 })).toBeNull();
  });
});

describe("a manager's definitions are checked before they are saved", () => {
  const base = (over: Partial<SegmentDefinition> = {}): SegmentDefinition => ({ code: 'loyal', name: '忠实型', r: { min: 4, max: 5 }, f: null, m: null, joinedWithinDays: null, ...over });
  it.each([
    ['none at all', [], '至少保留一个分群'],
    ['thirteen', Array.from({ length: 13 }, (_, i) => base({ code: `s${i}x`, name: `群${i}` })), '最多 12 个分群'],
    ['two with one code', [base(), base({ name: '别名' })], '分群代码 loyal 重复'],
    ['two with one name', [base(), base({ code: 'other' })], '分群名称「忠实型」重复'],
    ['a blank name', [base({ name: '   ' })], '分群名称为 1–8 个字'],
    ['a name of nine characters', [base({ name: '一二三四五六七八九' })], '分群名称为 1–8 个字'],
    ['a lower bound above the upper', [base({ f: { min: 4, max: 2 } })], '「忠实型」的 F 分下限不能高于上限'],
    ['a score of 6', [base({ m: { min: 1, max: 6 } })], '「忠实型」的 M 分须在 1–5 之间'],
    ['a score of 0', [base({ r: { min: 0, max: 2 } })], '「忠实型」的 R 分须在 1–5 之间'],
    ['joined within 0 days', [base({ joinedWithinDays: 0 })], '「忠实型」的入会天数须在 1–365 之间'],
    ['a code with a space', [base({ code: 'a b' })], '分群代码 a b 不合规（字母开头的 2–24 位字母或数字）'],
  ])('%s is refused', (_name, defs, message) => {
    expect(checkDefinitions(defs)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } });
  });

  it('the defaults pass, and names are saved trimmed', () => {
    expect(checkDefinitions(DEFAULT_DEFINITIONS).ok).toBe(true);
    const saved = checkDefinitions([base({ name: ' 铁粉 ' })]);
    expect(saved.ok && saved.value[0]!.name).toBe('铁粉');
  });
});

describe('the segment a week ago comes from a short log of changes', () => {
  it.each([
    ['first placement: no week-ago segment', [], 'loyal', '2026-11-25', [{ segment: 'loyal', on: '2026-11-25' }], null],
    ['unchanged: the log stays', [{ segment: 'loyal', on: '2026-11-01' }], 'loyal', '2026-11-25', [{ segment: 'loyal', on: '2026-11-01' }], { segment: 'loyal', scoredOn: '2026-11-01' }],
    [
      'moved today: the week-ago segment is the old one',
      [{ segment: 'loyal', on: '2026-11-01' }],
      'dormant',
      '2026-11-25',
      [{ segment: 'loyal', on: '2026-11-01' }, { segment: 'dormant', on: '2026-11-25' }],
      { segment: 'loyal', scoredOn: '2026-11-01' },
    ],
    [
      'a rerun of the same day replaces its own entry',
      [{ segment: 'loyal', on: '2026-11-01' }, { segment: 'dormant', on: '2026-11-25' }],
      'loyal',
      '2026-11-25',
      [{ segment: 'loyal', on: '2026-11-01' }],
      { segment: 'loyal', scoredOn: '2026-11-01' },
    ],
    [
      'entries older than the one in force a week ago are dropped',
      [{ segment: 'new', on: '2026-10-01' }, { segment: 'potential', on: '2026-10-31' }, { segment: 'loyal', on: '2026-11-20' }],
      'loyal',
      '2026-11-25',
      [{ segment: 'potential', on: '2026-10-31' }, { segment: 'loyal', on: '2026-11-20' }],
      { segment: 'potential', scoredOn: '2026-10-31' },
    ],
    ['exactly seven days ago counts as a week ago', [{ segment: 'new', on: '2026-11-18' }], 'regular', '2026-11-25', [{ segment: 'new', on: '2026-11-18' }, { segment: 'regular', on: '2026-11-25' }], { segment: 'new', scoredOn: '2026-11-18' }],
    ['six days ago is too recent: no week-ago segment', [{ segment: 'new', on: '2026-11-19' }], 'regular', '2026-11-25', [{ segment: 'new', on: '2026-11-19' }, { segment: 'regular', on: '2026-11-25' }], null],
  ] as const)('%s', (_name, log, segment, day, expected, weekAgo) => {
    const next = nextLog([...log], segment, day);
    expect(next).toEqual(expected);
    expect(weekAgoOf(next, day)).toEqual(weekAgo);
  });
});

describe('placing one member', () => {
  const member = (spendDays: Record<string, number>, joinedAt = new Date('2024-01-01T02:00:00.000Z')) => ({
    _id: '100000000001',
    homeStore: { storeId: 'S001' },
    tier: 'grower' as const,
    consent: { marketing: { optIn: true } },
    spendDays,
    joinedAt,
  });
  const cuts = { r: [200, 100, 30, 7], f: [2, 3, 5, 8], m: [10_000, 50_000, 100_000, 300_000] };

  it('scores the facts against the run’s cut points and keeps the facts beside the scores', () => {
    const p = placeMember(member({ '20261120': 60_000, '20260801': 50_000 }), ['vip', 'gift'], null, cuts, DEFAULT_DEFINITIONS, W);
    expect(p).toMatchObject({ storeId: 'S001', tier: 'grower', optIn: true, r: 5, f: 2, m: 4, daysSinceLastOrder: 5, orders12m: 2, spend12m: 110_000, scoredOn: '2026-11-25', segment: 'potential', tags: ['gift', 'vip'], weekAgo: null });
  });

  it('a member with no purchase in 12 months scores 1, 1, 1 with no days since a purchase', () => {
    const p = placeMember(member({ '20250101': 900_000 }), [], null, cuts, DEFAULT_DEFINITIONS, W);
    expect(p).toMatchObject({ r: 1, f: 1, m: 1, daysSinceLastOrder: null, orders12m: 0, spend12m: 0, segment: 'dormant' });
  });

  it('the same inputs give the same document (a redone batch writes what it wrote)', () => {
    const a = placeMember(member({ '20261120': 60_000 }), [], null, cuts, DEFAULT_DEFINITIONS, W);
    expect(placeMember(member({ '20261120': 60_000 }), [], a, cuts, DEFAULT_DEFINITIONS, W)).toEqual(a);
  });
});

describe('counts per segment as the page lists them', () => {
  it('every definition in order with zero counts, then a code no longer defined, then 未分组', () => {
    const list = segmentCountList(DEFAULT_DEFINITIONS.slice(0, 3), [
      { segment: 'dormant', count: 6 },
      { segment: 'gone', count: 2 },
      { segment: null, count: 2 },
    ]);
    expect(list.total).toBe(10);
    expect(list.segments.map((s) => [s.code, s.name, s.count, s.percent])).toEqual([
      ['new', '新客', 0, 0],
      ['highValueDormant', '高价值沉睡', 0, 0],
      ['dormant', '沉睡型', 6, 60],
      ['gone', 'gone（已删除）', 2, 20],
      [null, '未分组', 2, 20],
    ]);
  });
});
