/**
 * The H5 preview's hash router shows an empty page for a route the app does not have; WeChat
 * itself never opens such a page. Send a stray link to the card (which sends a non-member to join).
 * Keep in step with `pages` and `subPackages` in app.config.ts.
 */
export const PAGES = [
  'pages/card/index',
  'pages/points/index',
  'pages/me/index',
  'pages/join/index',
  'pages/coupons/index',
  'pages/coupons/center/index',
  'packages/privacy/export/index',
];
const HOME = '/#/pages/card/index';

export function isKnownRoute(hash: string): boolean {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path === '' || PAGES.includes(path);
}

export function guardUnknownRoutes(): void {
  const check = () => {
    if (!isKnownRoute(window.location.hash)) window.location.replace(HOME);
  };
  check();
  window.addEventListener('hashchange', check);
}

/** 我的券 and 领券中心: opened with navigateTo from the card, the points page and 我的 (they are not tabs). */
export const WALLET_URL = '/pages/coupons/index';
export const CENTER_URL = '/pages/coupons/center/index';

/** 导出我的数据, opened from 我的 (the privacy subpackage). */
export const MY_DATA_URL = '/packages/privacy/export/index';
