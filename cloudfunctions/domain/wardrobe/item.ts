import type { Category, NamedColour, Scene, Style, WearSeason } from '../../contract/styleWords';

/**
 * A piece in a member's wardrobe, one document each. Pieces bought at the till arrive by
 * themselves (one per unit of an order line, keyed by the line, so a second sync adds nothing);
 * pieces the member adds by hand carry their photo. A piece that came back with a refund stays,
 * marked `returned`, and leaves the wardrobe's lists.
 */
export interface WardrobeItem {
  _id: string;
  memberId: string;
  source: 'purchase' | 'own';
  status: 'active' | 'archived' | 'returned';
  name: string;
  category: Category;
  colours: NamedColour[];
  styles: Style[];
  scenes: Scene[];
  wearSeason: WearSeason;
  /** the catalogue's picture (purchases) or the member's photo (a cloud file id) */
  image: string;
  /** what it cost at the till (purchases): cost per wear is this ÷ wears */
  priceFen: number | null;
  size: string | null;
  /** a purchase: the till order, its store and when it was paid */
  purchase: { orderKey: string; sku: string; unit: number; storeId: string; paidAt: Date } | null;
  /** the shop days (YYYY-MM-DD) it was worn, each once: 今天穿了 twice in a day counts one */
  wornDays: string[];
  lastWornAt: Date | null;
  addedAt: Date;
  updatedAt: Date;
}

/** A bought piece's id: the order line and which unit of it (a line of 2 T恤 is two pieces). */
export const purchaseItemId = (memberId: string, orderKey: string, sku: string, unit: number) => `p:${memberId}:${orderKey}:${sku}:${unit}`;

/** Units of one line put in the wardrobe: a till line of 999 socks is not 999 pieces to dress with. */
export const MAX_UNITS_PER_LINE = 10;

/** Pieces a member may add by hand (photos take storage): the quota. */
export const OWN_ITEMS_QUOTA = 200;

export const isListed = (i: Pick<WardrobeItem, 'status'>) => i.status === 'active';
