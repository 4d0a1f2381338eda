import { LEGACY_PATHS, PAGE_PATHS, PAGES, type PageName, pageUrl, PRELOAD, SUBPACKAGE_ROOTS } from '../../cloudfunctions/contract/pages';

export { PAGES, type PageName, pageUrl };

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

/**
 * The H5 preview's hash router shows an empty page for a route the app does not have; WeChat
 * itself never opens such a page. Send a stray link to the card (which sends a non-member to join).
 */
export function isKnownRoute(hash: string): boolean {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path === '' || (PAGE_PATHS as readonly string[]).includes(path);
}

/**
 * Where a page that moved now lives, with its query kept ("packages/join/index?scene=…" →
 * "/packages/join/index?scene=…"), or null for a path that never moved. A store's QR code printed
 * before the join page left the main package still names its old path.
 */
export function movedPage(path: string, query: string | Record<string, string> = ''): string | null {
  const moved = LEGACY_PATHS[path.replace(/^\/+/, '')];
  if (!moved) return null;
  const search = typeof query === 'string' ? query : Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `/${moved}${search ? `?${search}` : ''}`;
}

export function guardUnknownRoutes(): void {
  const check = () => {
    if (isKnownRoute(window.location.hash)) return;
    const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
    window.location.replace(`/#${movedPage(path, query) ?? pageUrl('card')}`);
  };
  check();
  window.addEventListener('hashchange', check);
}
