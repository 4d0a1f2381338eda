import { LEGACY_PATHS, PAGE_PATHS, PAGES, type PageName, pageUrl } from '../../cloudfunctions/contract/pages';

export { PAGES, type PageName, pageUrl };

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
