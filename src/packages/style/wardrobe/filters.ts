import type { WardrobeItemView } from '../../../../cloudfunctions/contract/wardrobe';
import type { Category, WearSeason } from '../../../../cloudfunctions/contract/styleWords';
import { monthDayLabel, shopDay } from '../../../services/format';
import { CATEGORIES } from '../words';

/**
 * 我的衣橱's filters, applied on the page: one read brings the whole wardrobe (the function keeps no
 * page of it), so the chips offer only what is there (the categories and colours present) and a tap
 * filters at once, offline too. The rules are the function's own `wardrobe` filter's: a colour by
 * its name, and a 四季 piece belongs to every season.
 */
export interface WardrobeFilter {
  category: Category | null;
  colour: string | null;
  season: Exclude<WearSeason, '四季'> | null;
}

export const NO_FILTER: WardrobeFilter = { category: null, colour: null, season: null };

export const isFiltered = (f: WardrobeFilter) => f.category !== null || f.colour !== null || f.season !== null;

export function matches(item: WardrobeItemView, f: WardrobeFilter): boolean {
  return (
    (f.category === null || item.category === f.category) &&
    (f.colour === null || item.colours.some((c) => c.name === f.colour)) &&
    (f.season === null || item.wearSeason === f.season || item.wearSeason === '四季')
  );
}

/** The categories the pieces are in, in the shop's order. */
export function categoriesPresent(items: readonly WardrobeItemView[]): Category[] {
  return CATEGORIES.filter((c) => items.some((i) => i.category === c));
}

/** The colours the pieces have, by name (the first hex seen), the most worn-with first. */
export function coloursPresent(items: readonly WardrobeItemView[]): Array<{ name: string; hex: string; count: number }> {
  const seen = new Map<string, { name: string; hex: string; count: number }>();
  for (const item of items) {
    for (const c of item.colours) {
      const held = seen.get(c.name);
      if (held) held.count += 1;
      else seen.set(c.name, { name: c.name, hex: c.hex, count: 1 });
    }
  }
  return [...seen.values()].sort((a, b) => b.count - a.count);
}

/** A filter that still fits the pieces shown (a colour or category no longer there is let go). */
export function stillFitting(f: WardrobeFilter, items: readonly WardrobeItemView[]): WardrobeFilter {
  return {
    category: f.category && categoriesPresent(items).includes(f.category) ? f.category : null,
    colour: f.colour && coloursPresent(items).some((c) => c.name === f.colour) ? f.colour : null,
    season: f.season,
  };
}

/** "11月3日" (in the shop's calendar) */
export const monthDay = (iso: string) => monthDayLabel(shopDay(iso).slice(5));

/** "上次穿 11月3日", or never worn yet. */
export function lastWornText(item: Pick<WardrobeItemView, 'lastWornAt'>): string {
  return item.lastWornAt ? `上次穿 ${monthDay(item.lastWornAt)}` : '还没穿过';
}

/** Where a piece came from, in a word: 门店购买 or 我添加的. */
export const sourceWord = (item: Pick<WardrobeItemView, 'source'>) => (item.source === 'purchase' ? '门店购买' : '我添加的');

/** "穿过 3 次", or never worn yet. */
export const wearsText = (item: Pick<WardrobeItemView, 'wears'>) => (item.wears > 0 ? `穿过 ${item.wears} 次` : '还没穿过');
