/**
 * The H5 build's tab bar set-up (config/index.ts routes @tarojs/router's own `initTabbar` here; the
 * mini program's tab bar is WeChat's own, drawn outside the page's script, and is not affected):
 * Taro's tab bar, fetched and put on the page once the first page has painted instead of before it.
 *
 * Why: Taro builds its H5 tab bar (a Stencil element with its icons and styles) while the app
 * starts, and its first render and layout took the animation frame just before the first page's
 * script ran: at 4× CPU ≈ 200 ms more before the card's till code showed (an A/B of the two builds
 * against the hello page: 1.30× → 1.20×; without a tab bar at all, 1.12×). Its script (≈ 11 KB) is
 * no longer in the first one the phone parses either. At the till the code is what the shopper is
 * waiting for; the tab bar follows a few frames after it, as in the mini program, where it costs
 * the page's thread nothing.
 *
 * It is the same element with the same configuration, mounted as Taro would; it reads the current
 * route when it mounts, so it marks the page that is showing. Nothing in the app calls the tab bar's
 * APIs (badges, red dots), which Taro sets up with it.
 */
import type { initTabbar as mountTabBar } from '@tarojs/router/dist/tabbar.js';
import Taro from '@tarojs/taro';

/** The router's event after a page has loaded and shown (fired on a timer after its onShow). */
const PAGE_SHOWN = '__afterTaroRouterChange';
/**
 * If no page ever says it has shown (a page that throws while rendering, or a Taro that names the
 * event otherwise), the tab bar still comes, so the shopper can leave. Long enough that a slow first
 * page on a weak network is never overtaken by it.
 */
const AT_THE_LATEST_MS = 10_000;

export function initTabbar(...args: Parameters<typeof mountTabBar>): void {
  let state: 'waiting' | 'fetching' | 'mounted' = 'waiting';
  const mount = () => {
    if (state !== 'waiting') return;
    state = 'fetching';
    clearTimeout(fallback);
    import('@tarojs/router/dist/tabbar.js').then(
      (m) => {
        state = 'mounted';
        Taro.eventCenter.off(PAGE_SHOWN, afterPageShown);
        m.initTabbar(...args);
      },
      // its script did not arrive (the signal dropped just then): tried again after the next page shows
      () => {
        state = 'waiting';
      },
    );
  };
  // two frames: the page's components render in the next one; the tab bar comes in the one after
  const afterPageShown = () => requestAnimationFrame(() => requestAnimationFrame(mount));
  const fallback = setTimeout(mount, AT_THE_LATEST_MS);
  Taro.eventCenter.on(PAGE_SHOWN, afterPageShown);
}
