/** The demo catalogue: 48 garments of the 悦衣库 autumn/winter range, with generated images. */
export type Category = 'tee' | 'shirt' | 'knit' | 'coat' | 'trousers' | 'skirt' | 'dress' | 'scarf';

export interface Product {
  _id: string; // the SKU the till sends
  name: string;
  category: Category;
  categoryName: string;
  priceFen: number;
  color: { name: string; hex: string };
  styles: string[];
  season: string;
  image: string;
}

const CATEGORIES: Record<Category, { name: string; items: Array<[string, number, string[]]> }> = {
  tee: { name: 'T恤', items: [['纯棉圆领T恤', 9900, ['简约', '休闲']], ['重磅落肩T恤', 12900, ['街头', '休闲']], ['修身罗纹T恤', 8900, ['简约', '通勤']]] },
  shirt: { name: '衬衫', items: [['府绸通勤衬衫', 19900, ['通勤', '简约']], ['法式泡泡袖衬衫', 22900, ['法式', '优雅']], ['水洗牛仔衬衫', 25900, ['休闲', '街头']]] },
  knit: { name: '针织', items: [['羊毛混纺开衫', 39900, ['法式', '优雅']], ['半高领针织衫', 29900, ['简约', '通勤']], ['粗棒针毛衣', 35900, ['休闲']]] },
  coat: { name: '外套', items: [['双面羊毛大衣', 129900, ['优雅', '通勤']], ['短款羽绒服', 89900, ['休闲', '街头']], ['廓形西装外套', 59900, ['通勤', '简约']]] },
  trousers: { name: '裤装', items: [['高腰阔腿西裤', 29900, ['通勤', '优雅']], ['直筒牛仔裤', 25900, ['休闲', '简约']], ['工装束脚裤', 27900, ['街头']]] },
  skirt: { name: '半裙', items: [['缎面半身裙', 26900, ['优雅', '法式']], ['A字羊毛短裙', 23900, ['法式', '简约']], ['百褶中长裙', 25900, ['通勤', '优雅']]] },
  dress: { name: '连衣裙', items: [['碎花茶歇裙', 32900, ['法式', '优雅']], ['针织长裙', 36900, ['简约', '优雅']], ['衬衫式连衣裙', 33900, ['通勤', '简约']]] },
  scarf: { name: '围巾', items: [['羊绒围巾', 29900, ['优雅', '简约']], ['格纹流苏围巾', 15900, ['休闲', '法式']], ['真丝小方巾', 19900, ['法式', '优雅']]] },
};

const COLORS: Array<{ name: string; hex: string }> = [
  { name: '燕麦', hex: '#d8c8b0' },
  { name: '雾霾蓝', hex: '#7d93a8' },
  { name: '墨黑', hex: '#2b2b2e' },
  { name: '酒红', hex: '#7a2e3a' },
  { name: '橄榄绿', hex: '#6b7047' },
  { name: '奶白', hex: '#f3eee4' },
  { name: '焦糖', hex: '#a8693a' },
];

export function buildCatalog(): Product[] {
  const products: Product[] = [];
  let n = 0;
  for (const [category, def] of Object.entries(CATEGORIES) as Array<[Category, (typeof CATEGORIES)[Category]]>) {
    def.items.forEach(([name, priceFen, styles], i) => {
      for (let c = 0; c < 2; c += 1) {
        const color = COLORS[(n + c * 3) % COLORS.length]!;
        const sku = `YY${category.toUpperCase().slice(0, 3)}${String(i + 1).padStart(2, '0')}${String(c + 1)}`;
        products.push({
          _id: sku,
          name: `${name}·${color.name}`,
          category,
          categoryName: def.name,
          priceFen,
          color,
          styles,
          season: '2026秋冬',
          image: `/static/products/${sku}.svg`,
        });
      }
      n += 1;
    });
  }
  return products;
}

const SHAPES: Record<Category, string> = {
  tee: 'M70 40 L100 30 Q120 45 140 30 L170 40 L195 80 L170 92 L162 78 L162 190 L78 190 L78 78 L70 92 L45 80 Z',
  shirt: 'M72 38 L104 28 L120 48 L136 28 L168 38 L190 120 L168 124 L160 80 L160 192 L80 192 L80 80 L72 124 L50 120 Z M120 48 L120 192',
  knit: 'M70 42 L102 30 Q120 40 138 30 L170 42 L188 150 L166 154 L160 90 L162 190 L78 190 L80 90 L74 154 L52 150 Z',
  coat: 'M74 34 L104 24 L120 60 L136 24 L166 34 L186 200 L160 204 L156 100 L160 214 L80 214 L84 100 L80 204 L54 200 Z M120 60 L120 214',
  trousers: 'M84 30 L156 30 L164 210 L132 210 L120 90 L108 210 L76 210 Z',
  skirt: 'M92 40 L148 40 L178 196 L62 196 Z',
  dress: 'M96 28 L108 28 Q120 44 132 28 L144 28 L150 86 L184 206 L56 206 L90 86 Z',
  scarf: 'M70 50 L170 50 L170 80 L110 80 L110 200 L80 200 L80 80 L70 80 Z',
};

/** A flat illustration of the garment in its colour, served by the dev server as the product image. */
export function productSvg(category: Category, hex: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="480" height="480">` +
    `<rect width="240" height="240" fill="#f6f3ee"/>` +
    `<path d="${SHAPES[category]}" fill="${hex}" stroke="#00000022" stroke-width="2" stroke-linejoin="round"/>` +
    `</svg>`;
}
