/**
 * The shopper the H5 preview acts as. In WeChat the identity comes from the platform; the dev
 * gateway takes it from the X-OpenId header instead. `?openid=` pins one for this tab (so two tabs
 * can be two shoppers); otherwise a random one is kept in localStorage.
 */
const TAB_KEY = 'styleclub.devOpenid.tab';
const BROWSER_KEY = 'styleclub.devOpenid';
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** `openid=` in a query (a plain pattern: this runs for every storage key the card reads on its first frame). */
const OPENID_PARAM = /(?:^|[?&])openid=([^&#]*)/;

function queryOpenid(): string | null {
  // the hash router keeps page queries after '#': /#/pages/card/index?openid=u1
  for (const source of [window.location.search, window.location.hash.split('?')[1] ?? '']) {
    const found = OPENID_PARAM.exec(source);
    let value: string | null = null;
    try {
      value = found ? decodeURIComponent(found[1]!.replace(/\+/g, ' ')) : null;
    } catch {
      // a broken %-escape names nobody
    }
    if (value && OPENID.test(value)) return value;
  }
  return null;
}

function randomOpenid(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return 'dev-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The last answer and the address it was worked out for (the card reads several keys on its first frame). */
let known: { href: string; openid: string } | null = null;

export function devOpenid(): string {
  const href = window.location.href;
  if (known?.href === href) return known.openid;
  const openid = workOutOpenid();
  known = { href, openid };
  return openid;
}

/** Forgets the worked-out answer: the tab's storage was cleared behind the page's back (the ui tests do, between tests). */
export function forgetDevOpenid(): void {
  known = null;
}

function workOutOpenid(): string {
  const pinned = queryOpenid();
  if (pinned) {
    if (sessionStorage.getItem(TAB_KEY) !== pinned) sessionStorage.setItem(TAB_KEY, pinned);
    return pinned;
  }
  const tab = sessionStorage.getItem(TAB_KEY);
  if (tab && OPENID.test(tab)) return tab;
  let kept = localStorage.getItem(BROWSER_KEY);
  if (!kept || !OPENID.test(kept)) {
    kept = randomOpenid();
    localStorage.setItem(BROWSER_KEY, kept);
  }
  return kept;
}

/** A small strip naming the shopper this tab acts as: dev only, never in the mini program. */
export function showDevBanner(): void {
  if (document.getElementById('styleclub-dev-banner')) return;
  const banner = document.createElement('div');
  banner.id = 'styleclub-dev-banner';
  banner.textContent = `开发预览 · 顾客 ${devOpenid()}`;
  banner.setAttribute('aria-hidden', 'true');
  Object.assign(banner.style, {
    position: 'fixed', top: '0', right: '0', zIndex: '10000', padding: '2px 8px',
    font: '10px/16px sans-serif', color: '#fff', background: 'rgba(31,27,22,0.55)',
    borderBottomLeftRadius: '6px', pointerEvents: 'none', maxWidth: '70vw', overflow: 'hidden',
    whiteSpace: 'nowrap', textOverflow: 'ellipsis',
  });
  document.body.appendChild(banner);
}
