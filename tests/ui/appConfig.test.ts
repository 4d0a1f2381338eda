import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES } from '../../src/services/routes';

/** app.config.ts as the build reads it (`defineAppConfig` is a global the build provides). */
function appConfig() {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // required, not imported: the module calls the global above when it loads
  return (require('../../src/app.config') as { default: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; tabBar: { list: Array<Record<string, string>> } } }).default;
}
/** Every page: the main package's and each subpackage's (under its root). */
function allPages(): string[] {
  const { pages, subPackages = [] } = appConfig();
  return [...pages, ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}
const SRC = join(__dirname, '..', '..', 'src');

describe('the pages and the tab bar', () => {
  it('the tab bar has three tabs: 会员卡, 积分, 我的', () => {
    expect(appConfig().tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/card/index', '会员卡'],
      ['pages/points/index', '积分'],
      ['pages/me/index', '我的'],
    ]);
  });

  it('every tab has both its icons, small enough for WeChat (≤ 40 KB)', () => {
    for (const tab of appConfig().tabBar.list) {
      for (const icon of [tab.iconPath!, tab.selectedIconPath!]) {
        const file = join(SRC, icon);
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).size).toBeLessThan(40 * 1024);
      }
    }
  });

  it('the card opens first, and the points page is in the main package', () => {
    const { pages } = appConfig();
    expect(pages[0]).toBe('pages/card/index');
    expect(pages).toContain('pages/points/index');
  });

  it('the H5 preview knows exactly the pages the app has', () => {
    expect([...PAGES].sort()).toEqual(allPages().sort());
  });

  it('导出我的数据 lives in the privacy subpackage, out of the main package', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/privacy', pages: ['export/index'] });
  });

  it.each(allPages())('%s has its component and its page config', (page) => {
    expect(existsSync(join(SRC, `${page}.tsx`))).toBe(true);
    expect(existsSync(join(SRC, `${page}.config.ts`))).toBe(true);
  });
});
