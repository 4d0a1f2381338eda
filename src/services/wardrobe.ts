import type { ActionInput } from '../../cloudfunctions/contract';
import type { Scene } from '../../cloudfunctions/contract/styleWords';
import { serviceFor } from './cloud';

/**
 * The `style` function's wardrobe and outfit calls, as 我的衣橱, 今日穿搭 and their pages think of
 * them. Only the style subpackage imports this file, so it stays out of the main package (the
 * card's 3 天穿搭灵感 reads through services/style.ts).
 */
export const wardrobeApi = serviceFor('style', (style) => ({
  /** the pieces in the wardrobe (or those put away), the counts and the 被遗忘的宝贝 */
  wardrobe: (filter: ActionInput<'style', 'wardrobe'> = {}) => style('wardrobe', filter),
  /** one piece */
  item: (id: string) => style('wardrobeItem', { id }),
  /** a piece added by hand, with its photo (a cloud file id) */
  add: (piece: ActionInput<'style', 'addItem'>) => style('addItem', piece),
  /** corrects what a piece is: only the fields given change */
  edit: (change: ActionInput<'style', 'editItem'>) => style('editItem', change),
  /** 收起 (true) or 放回衣橱 (false) */
  archive: (id: string, archived: boolean) => style('archiveItem', { id, archived }),
  /** removes a piece the member added (a bought one can only be put away) */
  remove: (id: string) => style('removeItem', { id }),
  /** 今天穿了: one piece or an outfit's pieces (each counts the day once) */
  wear: (ids: string[]) => style('wear', { ids }),
}));

export const outfitsApi = serviceFor('style', (style) => ({
  /** 今日穿搭: three outfits for today in the scene (the member's usual one when none is given) */
  today: (scene?: Scene) => style('todayOutfits', scene ? { scene } : {}),
  /** 换一件: outfits with another piece in `slot`, the rest kept */
  swap: (input: ActionInput<'style', 'swapPiece'>) => style('swapPiece', input),
  /** 搭配这件: outfits around a wardrobe piece (`id`) or a product (`sku`) */
  completeLook: (input: ActionInput<'style', 'completeLook'>) => style('completeLook', input),
  /** 收藏 (the same pieces saved twice are one) */
  save: (input: ActionInput<'style', 'saveOutfit'>) => style('saveOutfit', input),
  /** 收藏的搭配 */
  saved: () => style('savedOutfits'),
  removeSaved: (id: string) => style('removeOutfit', { id }),
  /** 导购为你搭配: the lists the store's stylists made for the member */
  lists: () => style('outfitLists'),
  /** opens one list (marked opened the first time) */
  openList: (id: string) => style('openOutfitList', { id }),
}));
