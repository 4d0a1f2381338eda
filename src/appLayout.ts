import { PAGE_PATHS, PAGES, type PageName } from '../cloudfunctions/contract/pages';

/*
 * How the pages are laid out in app.json: read by app.config.ts (and the tests) only, never by a
 * page. Taro compiles every config file as an entry of the app's own build; whatever a config
 * shares with the pages lands in the main package's common.js with all its exports, so the
 * layout lives here, apart from services/routes.ts (which the pages use).
 */

/** The subpackages' roots (`packages/<feature>`). */
export const SUBPACKAGE_ROOTS: readonly string[] = ['packages/coupons', 'packages/privacy', 'packages/invite', 'packages/style', 'packages/join', 'packages/profile', 'packages/moments', 'packages/benefits', 'packages/staff', 'packages/ops'];

/**
 * What WeChat downloads in the background once a page is open (app.json's preloadRule): the
 * wallet and claim centre behind 我的券 on every tab, so a member at the till waits for nothing;
 * the join page from the card, where a shopper who has not joined is sent, and the receipt page the
 * card opens when the till uses its code (it must open at once); 会员权益 from the 积分 tab and the
 * card, which link to it; 编辑资料 and the privacy pages (消息与隐私设置, 隐私政策, 导出我的数据)
 * from 我的, which links to them.
 */
export const PRELOAD: Readonly<Partial<Record<PageName, readonly string[]>>> = {
  // the card is where a shopper who is not a member yet lands first, before going on to join
  card: ['packages/coupons', 'packages/join', 'packages/moments', 'packages/benefits'],
  points: ['packages/coupons', 'packages/benefits'],
  me: ['packages/coupons', 'packages/profile', 'packages/privacy'],
};

/** The tab bar, left to right: 会员卡, 积分, 我的 (icons `assets/tab-<icon>.png` and `-on.png`). */
export const TABS: ReadonlyArray<{ page: PageName; text: string; icon: string }> = [
  { page: 'card', text: '会员卡', icon: 'card' },
  { page: 'points', text: '积分', icon: 'points' },
  { page: 'me', text: '我的', icon: 'me' },
];

/** app.json's tab bar entries. */
export function tabBarList() {
  return TABS.map((t) => ({ pagePath: PAGES[t.page], text: t.text, iconPath: `assets/tab-${t.icon}.png`, selectedIconPath: `assets/tab-${t.icon}-on.png` }));
}

/**
 * app.json's `pages` and `subPackages` from the one page list: a page under a subpackage's root is
 * listed in that subpackage, relative to it; every other page is in the main package.
 */
export function packageLayout(paths: readonly string[] = PAGE_PATHS, roots: readonly string[] = SUBPACKAGE_ROOTS) {
  const rootOf = (path: string) => roots.find((root) => path.startsWith(`${root}/`));
  return {
    pages: paths.filter((path) => !rootOf(path)),
    subPackages: roots.map((root) => ({ root, pages: paths.filter((path) => rootOf(path) === root).map((path) => path.slice(root.length + 1)) })),
  };
}

/** app.json's preloadRule: the subpackages each page has WeChat fetch in the background. */
export function preloadRule(): Record<string, { network: 'all'; packages: string[] }> {
  return Object.fromEntries(Object.entries(PRELOAD).map(([page, packages]) => [PAGES[page as PageName], { network: 'all' as const, packages: [...packages!] }]));
}
