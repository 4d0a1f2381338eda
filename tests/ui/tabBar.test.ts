/**
 * The H5 tab bar comes after the first page (src/services/tabBar.h5.ts): Taro's own set-up, fetched
 * and run once a page has shown and two frames have passed, so the card's till code is drawn first.
 */

// a module, so its names stay its own
export {};

/** what Taro's own `initTabbar` was called with, each time it ran */
const mockMounted: unknown[][] = [];
/** how many fetches of the tab bar's script fail before one arrives */
let mockFetchesFailing = 0;
jest.mock('@tarojs/router/dist/tabbar.js', () => {
  if (mockFetchesFailing > 0) {
    mockFetchesFailing -= 1;
    throw new Error('ChunkLoadError: Loading chunk 174 failed.');
  }
  return { initTabbar: (...args: unknown[]) => mockMounted.push(args) };
});

const PAGE_SHOWN = '__afterTaroRouterChange';
const config = { tabBar: { list: [] } } as never;
const routerHistory = { location: { pathname: '/pages/card/index' } } as never;

/** Lets the frames and the fetch (a promise) run. */
async function settle(ms = 50): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await jest.advanceTimersByTimeAsync(ms / 5);
  }
}

describe('the H5 tab bar', () => {
  // each test gets a fresh wrapper (and with it a fresh Taro stand-in and a tab bar script not yet fetched)
  let initTabbar: typeof import('../../src/services/tabBar.h5').initTabbar;
  let Taro: typeof import('./support/taro').default;
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    jest.resetModules();
    mockMounted.length = 0;
    mockFetchesFailing = 0;
    initTabbar = require('../../src/services/tabBar.h5').initTabbar;
    Taro = require('@tarojs/taro').default;
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is mounted with the app config and history only after the first page has shown and two frames passed', async () => {
    initTabbar(config, routerHistory);
    await settle(1000);
    expect(mockMounted).toHaveLength(0);

    Taro.eventCenter.trigger(PAGE_SHOWN);
    await settle();
    expect(mockMounted).toEqual([[config, routerHistory]]);
  });

  it('is mounted once, whatever pages show after', async () => {
    initTabbar(config, routerHistory);
    Taro.eventCenter.trigger(PAGE_SHOWN);
    Taro.eventCenter.trigger(PAGE_SHOWN);
    await settle();
    Taro.eventCenter.trigger(PAGE_SHOWN);
    await settle(12_000);
    expect(mockMounted).toHaveLength(1);
  });

  it('whose script did not arrive is fetched again after the next page shows', async () => {
    mockFetchesFailing = 1;
    initTabbar(config, routerHistory);
    Taro.eventCenter.trigger(PAGE_SHOWN);
    await settle();
    expect(mockMounted).toHaveLength(0);

    Taro.eventCenter.trigger(PAGE_SHOWN);
    await settle();
    expect(mockMounted).toEqual([[config, routerHistory]]);
  });

  it('still comes after 10 s when no page ever shows (a page that failed to render), so the shopper can leave', async () => {
    initTabbar(config, routerHistory);
    await settle(9900);
    expect(mockMounted).toHaveLength(0);
    await settle(200);
    expect(mockMounted).toHaveLength(1);
  });
});
