import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productSeedSchema, type Product } from '../../cloudfunctions/contract/catalog';
import type { WardrobePiece } from '../../cloudfunctions/contract/outfits';
import type { StyleReport } from '../../cloudfunctions/contract/styleQuiz';
import type { NamedColour } from '../../cloudfunctions/contract/styleWords';
import { scoreQuiz } from '../../cloudfunctions/domain/style';
import { pieceOfProduct } from '../../cloudfunctions/domain/outfits';
import { answers, WEIGHTS } from './styleFixtures';

/** Shared by the outfit tests: the demo catalogue, a scored report, pieces built from a plain base. */

export const PRODUCTS: Product[] = productSeedSchema.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/database/seed/products.json'), 'utf8')),
).products;
export const product = (sku: string) => {
  const p = PRODUCTS.find((x) => x._id === sku);
  if (!p) throw new Error(`no product ${sku}`);
  return p;
};

function reportOf(over: Parameters<typeof answers>[0]): StyleReport {
  const r = scoreQuiz(answers(over), WEIGHTS);
  if (!r.ok) throw new Error('the base answers were refused');
  return r.report;
}
/** The plain member of styleFixtures (boards all 一般, neutral colour answers): a real report. */
export const REPORT: StyleReport = reportOf({});

/** A report with its palette, dislikes, shares or bands replaced: a member shaped for one test. */
export function reportWith(over: {
  wear?: NamedColour[];
  avoid?: NamedColour[];
  neutrals?: NamedColour[];
  disliked?: NamedColour[];
  primary?: StyleReport['style']['primary'];
  priceBands?: StyleReport['priceBands'];
}): StyleReport {
  const shares = over.primary
    ? [over.primary, ...REPORT.style.shares.filter((s) => s.style !== over.primary!.style).map((s) => ({ ...s, share: 0 }))]
    : REPORT.style.shares;
  return {
    ...REPORT,
    style: { ...REPORT.style, shares, primary: shares[0]!, secondary: shares[1]! },
    palette: { ...REPORT.palette, wear: over.wear ?? REPORT.palette.wear, avoid: over.avoid ?? REPORT.palette.avoid, neutrals: over.neutrals ?? REPORT.palette.neutrals },
    dislikedColours: over.disliked ?? REPORT.dislikedColours,
    priceBands: over.priceBands ?? REPORT.priceBands,
  };
}

/** Noon, 10 March 2027, shop time: the day most tests plan for. */
export const DAY = new Date('2027-03-10T04:00:00Z');
/** An instant `days` shop days before DAY (same hour). */
export const daysBefore = (days: number) => new Date(DAY.getTime() - days * 86_400_000);

export const C = {
  navy: { name: '藏青', hex: '#243a5e' },
  cream: { name: '奶白', hex: '#f3eee4' },
  black: { name: '墨黑', hex: '#2b2b2e' },
  grey: { name: '麻灰', hex: '#b9bcc0' },
  oat: { name: '燕麦', hex: '#d8c8b0' },
  red: { name: '亮红', hex: '#d7263d' },
  wine: { name: '酒红', hex: '#7a2e3a' },
  olive: { name: '橄榄绿', hex: '#6b7047' },
  mint: { name: '薄荷绿', hex: '#a9d6c4' },
  yellow: { name: '荧光黄', hex: '#d8e85a' },
  lilac: { name: '香芋紫', hex: '#b9a3cb' },
  denim: { name: '牛仔蓝', hex: '#4f6f96' },
  caramel: { name: '焦糖', hex: '#a8693a' },
  pink: { name: '樱粉', hex: '#efbfc6' },
} satisfies Record<string, NamedColour>;

let n = 0;
/** A wardrobe piece: a plain 四季 通勤 piece for 职场 and 休闲, in navy, unless told otherwise. */
export function piece(over: Partial<WardrobePiece> & Pick<WardrobePiece, 'category'>): WardrobePiece {
  n += 1;
  return {
    id: `w${String(n).padStart(4, '0')}`,
    source: 'own',
    colours: [C.navy],
    styles: ['通勤'],
    scenes: ['职场', '休闲'],
    wearSeason: '四季',
    image: 'cloud://wardrobe/x.jpg',
    addedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** The demo catalogue's products as pieces (a member who owns the whole range). */
export const RANGE_AS_PIECES: WardrobePiece[] = PRODUCTS.map((p) => ({ ...pieceOfProduct(p), source: 'purchase', id: `own-${p._id}` }));
