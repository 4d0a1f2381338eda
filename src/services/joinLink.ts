import Taro from '@tarojs/taro';
import { LEGACY_PATHS, PAGES } from '../../cloudfunctions/contract/pages';
import { CLERK_CODE, INVITE_CODE, STORE_ID } from '../../cloudfunctions/contract/formats';

/** What a join link carries: the store whose QR code was scanned, who invited the shopper, and the clerk whose own code it was. */
export interface JoinLink {
  storeId: string | null;
  ref: string | null;
  /** a clerk's personal join code (`c=` in the scene, issue 17): present only when the scene carries one */
  clerk?: string;
}

/**
 * Reads a join page's query. A store's QR code (wxacode.getUnlimited) carries `scene=s=S001`
 * (with `&r=<invite code>` on a shared one, `&c=<clerk code>` on a clerk's own), URL-encoded as the platform delivers it; a plain
 * link may say `storeId=S001&ref=AB12CD`. Anything that does not look right is ignored, never sent.
 */
export function parseJoinQuery(query: Record<string, string | undefined>): JoinLink {
  const scene = query.scene ? new URLSearchParams(fullyDecoded(query.scene)) : null;
  const storeId = pick(scene?.get('s'), query.storeId && fullyDecoded(query.storeId), STORE_ID);
  const ref = pick(scene?.get('r'), query.ref && fullyDecoded(query.ref), INVITE_CODE);
  // a clerk's code comes only from a mini program code's scene (`s=S001&c=AB23CD`): the server judges it, a wrong one names the store only
  const clerk = pick(scene?.get('c'), null, CLERK_CODE);
  return clerk ? { storeId, ref, clerk } : { storeId, ref };
}

/** The join page's paths: where it is, and where store codes printed before it moved say it is. */
const JOIN_PATHS = [PAGES.join, ...Object.keys(LEGACY_PATHS).filter((old) => LEGACY_PATHS[old] === PAGES.join)];

/** The join link inside a scanned mini program code's path: "packages/join/index?scene=s%3DS001" (or the old "packages/join/index…"). */
export function parseScannedPath(path: string | undefined): JoinLink | null {
  if (!path) return null;
  const [page, query = ''] = path.split('?');
  if (!page || !JOIN_PATHS.some((join) => page === join || page.endsWith(`/${join}`))) return null;
  const link = parseJoinQuery(Object.fromEntries(new URLSearchParams(query)));
  return link.storeId ? link : null;
}

function pick(first: string | null | undefined, second: string | null | undefined | '', pattern: RegExp): string | null {
  for (const value of [first, second]) if (value && pattern.test(value)) return value;
  return null;
}

/** Some routes hand over the scene once-encoded, some twice: decode until it stops changing. */
function fullyDecoded(value: string): string {
  let current = value;
  for (let i = 0; i < 3; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** WeChat's scene for a page opened from a Moments share (朋友圈): it runs in single-page mode. */
export const MOMENTS_SCENE = 1154;

/**
 * True when WeChat shows this page in single-page mode (opened from Moments): the shopper has no
 * login there and cannot move to another page; a bar at the bottom offers 前往小程序, which opens
 * the mini program on this same page and query (so a `ref` in it survives). Never in the H5 preview.
 */
export function inSinglePageMode(): boolean {
  if (process.env.TARO_ENV === 'h5') return false;
  try {
    // the scene of this entry (base library 2.9.4+), not only of the launch
    return Taro.getEnterOptionsSync().scene === MOMENTS_SCENE;
  } catch {
    return false;
  }
}
