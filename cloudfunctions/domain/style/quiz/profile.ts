import { CLOTHING_SIZES, FITS, FREQUENCIES, type PricedCategory, type PriceOption, type QuizStep, SHOE_SIZES, SILHOUETTE_NAMES } from '../../../contract/styleQuiz';
import { SCENES } from '../../../contract/styleWords';

/** Price bands per category as [yuan from, yuan to] (to null: and up); each band ends one fen before the next starts. */
const BANDS: Record<PricedCategory, { label: string; yuan: Array<[number, number | null]> }> = {
  top: { label: '上装（T恤、衬衫、针织）', yuan: [[0, 99], [100, 199], [200, 399], [400, 699], [700, null]] },
  bottom: { label: '裤装、半裙', yuan: [[0, 99], [100, 199], [200, 399], [400, 699], [700, null]] },
  dress: { label: '连衣裙', yuan: [[0, 199], [200, 399], [400, 699], [700, 999], [1000, null]] },
  outer: { label: '外套', yuan: [[0, 299], [300, 599], [600, 999], [1000, 1999], [2000, null]] },
  shoes: { label: '鞋履', yuan: [[0, 199], [200, 399], [400, 699], [700, 999], [1000, null]] },
};

function priceOptions(category: PricedCategory): PriceOption[] {
  const bands = BANDS[category].yuan.map(([from, to], i): PriceOption => ({
    id: `${category}${i + 1}`,
    label: from === 0 ? `¥${to}以内` : to === null ? `¥${from}以上` : `¥${from}–${to}`,
    band: { minFen: from * 100, maxFen: to === null ? null : to * 100 + 99 },
  }));
  return [...bands, { id: `${category}None`, label: '很少买', band: null }];
}

/** What the member dresses for, how things fit, their sizes and what they usually pay. */
export const PROFILE_STEPS: QuizStep[] = [
  { id: 'scenes', kind: 'scenes', title: '你平时为哪些场合穿搭？', hint: '每个场合选一个频率', scenes: [...SCENES], frequencies: [...FREQUENCIES] },
  {
    id: 'fit',
    kind: 'fit',
    title: '你喜欢的版型',
    hint: '上身、下身各选一个，再选一个常穿的轮廓',
    halves: [
      { half: 'top', label: '上身' },
      { half: 'bottom', label: '下身' },
    ],
    fits: [...FITS],
    silhouettes: [
      { id: 'H', name: SILHOUETTE_NAMES.H, hint: '上下同宽，利落' },
      { id: 'X', name: SILHOUETTE_NAMES.X, hint: '收腰，显比例' },
      { id: 'A', name: SILHOUETTE_NAMES.A, hint: '上窄下宽，轻盈' },
      { id: 'O', name: SILHOUETTE_NAMES.O, hint: '宽松包裹，随性' },
    ],
  },
  { id: 'sizes', kind: 'sizes', title: '你的尺码', hint: '按平时最常买的选', top: [...CLOTHING_SIZES], bottom: [...CLOTHING_SIZES], shoes: [...SHOE_SIZES] },
  {
    id: 'prices',
    kind: 'prices',
    title: '每类单品，你通常花多少？',
    hint: '按一件的价格选',
    categories: (Object.keys(BANDS) as PricedCategory[]).map((category) => ({ category, label: BANDS[category].label, options: priceOptions(category) })),
  },
];
