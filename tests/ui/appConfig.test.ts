import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_PATHS, PAGES, type PageName, pageUrl } from '../../cloudfunctions/contract/pages';
import { packageLayout, TABS } from '../../src/appLayout';
import { isKnownRoute, movedPage } from '../../src/services/routes';

/** app.config.ts as the build reads it (`defineAppConfig` is a global the build provides). */
function appConfig() {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // required, not imported: the module calls the global above when it loads
  return (require('../../src/app.config') as {
    default: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; preloadRule?: Record<string, unknown>; tabBar: { list: Array<Record<string, string>> } };
  }).default;
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
    expect(pages[0]).toBe(PAGES.card);
    expect(pages).toContain(PAGES.points);
  });

  it('导出我的数据, 隐私政策 and 消息与隐私设置 live in the privacy subpackage, out of the main package, preloaded from 我的', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/privacy', pages: ['export/index', 'policy/index', 'settings/index'] });
    expect((appConfig().preloadRule?.[PAGES.me] as { packages: string[] }).packages).toContain('packages/privacy');
  });

  it('消费成功 (the receipt and the upgrade moment) lives in the moments subpackage, which the card preloads so it opens at once', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/moments', pages: ['index'] });
    expect((appConfig().preloadRule?.[PAGES.card] as { packages: string[] }).packages).toContain('packages/moments');
  });

  it('会员权益 and the benefits it opens (造型师预约, 私享会, 新品共创) live in the benefits subpackage, which the 积分 tab and the card preload (their rows open it at once)', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/benefits', pages: ['index', 'booking/index', 'events/index', 'cocreation/index'] });
    expect(appConfig().pages).not.toContain(PAGES.benefits);
    for (const tab of [PAGES.points, PAGES.card]) expect((appConfig().preloadRule?.[tab] as { packages: string[] }).packages).toContain('packages/benefits');
  });

  it('编辑资料 lives in the profile subpackage, which 我的 preloads (its profile row opens it at once)', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/profile', pages: ['index'] });
    expect(appConfig().pages).not.toContain(PAGES.profile);
    expect((appConfig().preloadRule?.[PAGES.me] as { packages: string[] }).packages).toContain('packages/profile');
  });

  it('the main package holds the tab pages only; every other page is a subpackage', () => {
    expect(appConfig().pages).toEqual([PAGES.card, PAGES.points, PAGES.me]);
  });

  it('the join page is a subpackage the card preloads (a shopper who has not joined lands on the card first)', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/join', pages: ['index'] });
    expect((appConfig().preloadRule?.[PAGES.card] as { packages: string[] }).packages).toContain('packages/join');
  });

  it('我的券, 领券中心 and 积分兑换 live in the coupons subpackage, which every tab page preloads', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/coupons', pages: ['index', 'center/index', 'rewards/index'] });
    for (const tab of [PAGES.card, PAGES.points, PAGES.me]) expect((appConfig().preloadRule?.[tab] as { packages: string[] }).packages).toContain('packages/coupons');
  });

  it('links to the join page’s old path (store codes printed before it moved) open it, with their query', () => {
    expect(movedPage('pages/join/index', 'scene=s%3DS001')).toBe('/packages/join/index?scene=s%3DS001');
    expect(movedPage('/pages/join/index', { storeId: 'S001', ref: 'AB12CD' })).toBe('/packages/join/index?storeId=S001&ref=AB12CD');
    expect(movedPage('pages/card/index')).toBeNull();
  });

  it('邀请好友 lives in the invite subpackage, out of the main package', () => {
    expect(appConfig().subPackages).toContainEqual({ root: 'packages/invite', pages: ['index'] });
    expect(appConfig().pages).not.toContain(PAGES.invite);
  });

  it('风格测试, 风格报告, 我的风格档案, the wardrobe and outfit pages live in the style subpackage, out of the main package', () => {
    expect(appConfig().subPackages).toContainEqual({
      root: 'packages/style',
      pages: ['quiz/index', 'report/index', 'profile/index', 'wardrobe/index', 'wardrobe/item/index', 'wardrobe/add/index', 'outfits/index', 'outfits/saved/index', 'outfits/look/index', 'outfits/lists/index'],
    });
    const style: PageName[] = ['styleQuiz', 'styleReport', 'styleProfile', 'wardrobe', 'wardrobeItem', 'wardrobeAdd', 'outfits', 'savedOutfits', 'completeLook', 'outfitLists'];
    for (const page of style) expect(appConfig().pages).not.toContain(PAGES[page]);
    // nothing preloads it: a member opens the quiz now and then, not at the till
    expect(Object.values(appConfig().preloadRule ?? {}).flatMap((r) => (r as { packages: string[] }).packages)).not.toContain('packages/style');
  });

  it.each(PAGE_PATHS)('%s has its component and its page config', (page) => {
    expect(existsSync(join(SRC, `${page}.tsx`))).toBe(true);
    expect(existsSync(join(SRC, `${page}.config.ts`))).toBe(true);
  });
});

describe('the page list is written once', () => {
  it('the tab pages and subpackages come from one list: app.json lists every page of it once, and no other', () => {
    const { pages, subPackages = [] } = appConfig();
    const laidOut = [...pages, ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(laidOut).toEqual([...PAGE_PATHS]);
    expect(appConfig().tabBar.list.map((t) => t.pagePath)).toEqual(TABS.map((t) => PAGES[t.page]));
  });

  it('the tab pages are in the main package, as WeChat requires', () => {
    for (const tab of TABS) expect(appConfig().pages).toContain(PAGES[tab.page]);
  });

  it('a page under a subpackage root is laid out in that subpackage, relative to it', () => {
    expect(packageLayout(['pages/card/index', 'packages/style/quiz/index', 'packages/style/report/index', 'packages/staff/index'], ['packages/style', 'packages/staff'])).toEqual({
      pages: ['pages/card/index'],
      subPackages: [
        { root: 'packages/style', pages: ['quiz/index', 'report/index'] },
        { root: 'packages/staff', pages: ['index'] },
      ],
    });
  });

  it('the H5 preview knows exactly the pages the app has', () => {
    for (const page of Object.keys(PAGES) as PageName[]) expect(isKnownRoute(`#${pageUrl(page, { openid: 'u1' })}`)).toBe(true);
    expect(isKnownRoute('#/pages/card')).toBe(false);
  });

  it('navigation URLs are the listed paths with their query', () => {
    expect(pageUrl('center', { from: 'wallet' })).toBe('/packages/coupons/center/index?from=wallet');
    expect(pageUrl('join')).toBe('/packages/join/index');
  });
});
