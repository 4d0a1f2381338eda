import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AppError } from '../../cloudfunctions/contract';
import { ERROR_TEXT } from '../../src/services/errors';
import { type PageRead, useReadOnShow } from '../../src/services/useReadOnShow';
import { pullDownRefresh, recorded, resetTaro, showPage } from './support/taro';

/** A read the test steers: what it answers next, and whether something of it is on screen. */
interface FakeRead {
  next: AppError | null;
  onScreen: boolean;
  calls: number;
  page: PageRead;
}
function fakeRead(options: { saysOwnProblems?: boolean } = {}): FakeRead {
  const read: FakeRead = {
    next: null as AppError | null,
    onScreen: false,
    calls: 0,
    page: {
      refresh: async () => {
        read.calls += 1;
        if (!read.next) read.onScreen = true;
        return read.next;
      },
      shown: () => read.onScreen,
      failed: () => null,
      ...options,
    },
  };
  return read;
}

function Page({ reads, onPullDown }: { reads: PageRead[]; onPullDown?: () => void }) {
  useReadOnShow(reads, { onPullDown });
  return null;
}

const err = (code: AppError['code']): AppError => ({ code, message: code });
/** Lets answered reads run to the end, inside act. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => resetTaro());

describe('a page’s reads on show (useReadOnShow)', () => {
  it('reads every read when the page shows, and again on every show', async () => {
    const [a, b] = [fakeRead(), fakeRead()];
    render(<Page reads={[a.page, b.page]} />);
    await waitFor(() => expect([a.calls, b.calls]).toEqual([1, 1]));
    act(() => showPage());
    await waitFor(() => expect([a.calls, b.calls]).toEqual([2, 2]));
  });

  it('a read that fails after it was shown keeps it and says why, once', async () => {
    const [a, b] = [fakeRead(), fakeRead()];
    render(<Page reads={[a.page, b.page]} />);
    await settle();
    a.next = err('UNAVAILABLE');
    b.next = err('INTERNAL');
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
  });

  it('a first read that fails says nothing in a toast: the page shows its error state instead', async () => {
    const a = fakeRead();
    a.next = err('UNAVAILABLE');
    render(<Page reads={[a.page]} />);
    await settle();
    expect(a.calls).toBe(1);
    expect(recorded.toasts).toEqual([]);
  });

  it('a section that says its own problems gives no toast, but its NOT_MEMBER sends the member to join', async () => {
    const own = fakeRead({ saysOwnProblems: true });
    render(<Page reads={[own.page]} />);
    await settle();
    own.next = err('UNAVAILABLE');
    act(() => showPage());
    await settle();
    expect(recorded.toasts).toEqual([]);
    own.next = err('NOT_MEMBER');
    act(() => showPage());
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });

  it('pull-down reads again, then asks for what else it needs, then puts the spinner away', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    const a = fakeRead();
    const order: string[] = [];
    const onPullDown = () => order.push(`after ${a.calls} reads`);
    render(<Page reads={[a.page]} onPullDown={onPullDown} />);
    await settle();
    act(() => pullDownRefresh());
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
    expect(order).toEqual(['after 2 reads']);
    stop.mockRestore();
  });
});

describe('every page reads on show through the one hook', () => {
  const PAGES_DIR = join(__dirname, '../../src/pages');
  const pageFiles = readdirSync(PAGES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)index\.tsx$/.test(f))
    .map((f) => [f, readFileSync(join(PAGES_DIR, f), 'utf8')] as const);

  it.each(pageFiles)('%s has no show or pull-down reads of its own', (_file, source) => {
    expect(source).not.toMatch(/usePullDownRefresh/);
    // useDidShow only to know whether the page is on screen (the card's till code), never to read
    const shows = source.match(/useDidShow\(/g) ?? [];
    const onScreenOnly = source.match(/useDidShow\(\(\) => set\w+\(true\)\);/g) ?? [];
    expect(shows.length).toBe(onScreenOnly.length);
  });
});
