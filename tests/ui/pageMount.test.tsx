/**
 * The H5 build renders a page in the task that mounts it (src/services/pageMount.h5.ts): Taro
 * mounts a page with a forceUpdate on its app root, which React 18 would otherwise render in a
 * later task of its scheduler, with a frame drawn in between.
 */
import { waitFor } from '@testing-library/react';
import { Component } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { renderPagesAtOnce } from '../../src/services/pageMount.h5';

/** Taro's `Current` as the wrapper sees it: `app.mount` is what Taro's page calls to mount itself. */
const mockCurrent: { app: { mount?: (...args: unknown[]) => unknown } | null } = { app: null };
// a getter: the mock is made before this file's own lines run
jest.mock('@tarojs/runtime', () => ({
  get Current() {
    return mockCurrent;
  },
}));

/** Taro's app root, reduced to what matters here: a list of pages, changed by `forceUpdate`. */
class AppRoot extends Component {
  pages: string[] = [];
  override render() {
    return this.pages.map((page) => <p key={page}>{page}</p>);
  }
}

function appWithRoot(): { container: HTMLElement; root: AppRoot } {
  const container = document.createElement('div');
  let root: AppRoot | null = null;
  flushSync(() => createRoot(container).render(<AppRoot ref={(r) => void (root = r)} />));
  const mounted = root as unknown as AppRoot;
  mockCurrent.app = {
    mount(page: unknown, _id: unknown, done?: unknown) {
      mounted.pages.push(String(page));
      mounted.forceUpdate(done as () => void);
      return 'mounted';
    },
  };
  return { container, root: mounted };
}

describe('mounting a page on H5', () => {
  // as in the browser: no act() around React's work (Testing Library turns that on for its own renders)
  const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });
  beforeEach(() => {
    mockCurrent.app = null;
  });

  it('as Taro does, renders it only in a later task (the reason for the wrapper)', async () => {
    const { container } = appWithRoot();
    mockCurrent.app!.mount!('card', 'card-1');
    expect(container.textContent).toBe('');
    await waitFor(() => expect(container.textContent).toBe('card'));
  });

  it('with renderPagesAtOnce, renders it before the mount call returns, and hands back what Taro returned', async () => {
    const { container } = appWithRoot();
    renderPagesAtOnce();
    const done = jest.fn();
    const returned = mockCurrent.app!.mount!('card', 'card-1', done);
    expect(container.textContent).toBe('card');
    expect(done).toHaveBeenCalledTimes(1);
    expect(returned).toBe('mounted');
  });

  it('leaves an app that is not there yet alone (nothing to wrap)', () => {
    expect(() => renderPagesAtOnce()).not.toThrow();
    expect(mockCurrent.app).toBeNull();
  });
});
