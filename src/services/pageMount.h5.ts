/**
 * The H5 build's page mounting (see pageMount.ts): a page is rendered in the same task that mounts
 * it, not in a task React schedules after.
 *
 * Why: Taro mounts a page with a `forceUpdate` on its app root, and under React 18's `createRoot`
 * an update made outside React's own events waits for a task of React's scheduler. The browser
 * drew a frame in between (styles and layout of the empty page shell): measured with marks at 4×
 * CPU, 20–120 ms between the card's script arriving and its first render, all before the till
 * code. `flushSync` renders it at once; the work is the same, done once, and nothing else changes
 * (effects still run after the paint).
 */
import { Current } from '@tarojs/runtime';
import { flushSync } from 'react-dom';

type Mount = (...args: unknown[]) => unknown;

export function renderPagesAtOnce(): void {
  const app = Current.app as { mount?: Mount } | null;
  if (!app?.mount) return;
  const mount = app.mount;
  app.mount = function mountAtOnce(this: unknown, ...args: unknown[]) {
    let result: unknown;
    flushSync(() => {
      result = mount.apply(this, args);
    });
    return result;
  };
}
