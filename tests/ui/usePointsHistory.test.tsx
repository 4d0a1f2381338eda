import { act, renderHook } from '@testing-library/react';
import { usePointsHistory, withFirstPage } from '../../src/services/usePointsHistory';
import { ledgerOf, line, page } from './support/points';
import { programCloud, recorded, resetTaro } from './support/taro';

/** Every points.history call waits until the test answers it from `ledger`. */
let waiting: Array<() => void> = [];
let ledger = ledgerOf(50);

async function answerNext() {
  const next = waiting.shift();
  if (!next) throw new Error('no history call is waiting');
  await act(async () => {
    next();
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}
const sent = () => recorded.cloudCalls.map((c) => c.data);

beforeEach(() => {
  resetTaro();
  waiting = [];
  ledger = ledgerOf(50);
  programCloud(({ data }) => new Promise((resolve) => waiting.push(() => resolve({ ok: true, data: page(ledger, data) }))));
});

describe('one page load at a time', () => {
  it('a reload asked while the next page loads waits for it, then reads the first page', async () => {
    const { result } = renderHook(() => usePointsHistory());
    act(() => void result.current.reload());
    await answerNext();
    act(() => void result.current.loadMore());
    act(() => void result.current.reload());
    expect(waiting).toHaveLength(1);
    await answerNext();
    expect(waiting).toHaveLength(1);
    await answerNext();
    expect(sent()).toEqual([
      { action: 'history', limit: 20 },
      { action: 'history', before: 31, limit: 20 },
      { action: 'history', limit: 20 },
    ]);
    expect(result.current.history.lines).toHaveLength(40);
  });

  it('two reloads at once share one read', async () => {
    const { result } = renderHook(() => usePointsHistory());
    act(() => {
      void result.current.reload();
      void result.current.reload();
    });
    expect(waiting).toHaveLength(1);
    await answerNext();
    expect(result.current.history).toMatchObject({ loaded: true, loading: null, nextBefore: 31 });
  });

  it('asks for no next page before the first has arrived', async () => {
    const { result } = renderHook(() => usePointsHistory());
    act(() => void result.current.loadMore());
    expect(sent()).toEqual([]);
  });
});

describe('a fresh first page on top of the pages shown', () => {
  const shown = { lines: ledgerOf(40).slice(0, 40), nextBefore: 11 };

  it('new lines go on top and the older pages already read stay', () => {
    const fresh = { lines: [line(42), line(41), ...ledgerOf(40).slice(0, 18)], nextBefore: 23 };
    const merged = withFirstPage(shown, fresh);
    expect(merged.lines.map((l) => l.seq)).toEqual([42, 41, ...Array.from({ length: 40 }, (_, i) => 40 - i)]);
    expect(merged.nextBefore).toBe(11);
  });

  it('nothing new: the same lines, the same place to go on from', () => {
    const fresh = { lines: ledgerOf(40).slice(0, 20), nextBefore: 21 };
    expect(withFirstPage(shown, fresh)).toEqual(shown);
  });

  it('a first page that does not reach what is shown replaces it (no gap in the list)', () => {
    const fresh = { lines: Array.from({ length: 20 }, (_, i) => line(80 - i)), nextBefore: 61 };
    expect(withFirstPage(shown, fresh)).toEqual(fresh);
  });

  it('an empty first page empties the list (the member started again)', () => {
    expect(withFirstPage(shown, { lines: [], nextBefore: null })).toEqual({ lines: [], nextBefore: null });
  });
});
