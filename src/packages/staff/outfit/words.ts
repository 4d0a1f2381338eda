import type { Category } from '../../../../cloudfunctions/contract/styleWords';

/**
 * The catalogue's categories as the outfit page's tabs name them. Written here rather than imported:
 * the contract's word lists live beside its schemas, and importing one word brings the schema
 * library into the subpackage; words.test.ts holds them equal to the contract's.
 */
export const CATEGORIES: readonly Category[] = ['top', 'bottom', 'dress', 'outer', 'shoes', 'accessory'];

export const CATEGORY_NAMES: Record<Category, string> = {
  top: '上装',
  bottom: '下装',
  dress: '连衣裙',
  outer: '外套',
  shoes: '鞋履',
  accessory: '配饰',
};
