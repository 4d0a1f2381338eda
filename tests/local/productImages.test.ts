/**
 * @jest-environment jsdom
 */
import { KINDS, KIND_INFO, type Product } from '../../cloudfunctions/contract/catalog';
import { catalogue, productSvg } from '../../local/seed/catalog';
import { IMAGE_GROUND } from '../../local/seed/productImage';

/**
 * The dev server's product pictures (local/seed/productImage.ts): each one a well-formed 480×480
 * SVG on the light ground, drawn in the product's own colours. (How they look was judged by eye,
 * rendered in Chromium; this keeps them sound.)
 */
const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
/** The colours an element is painted with (fill and stroke), over the whole picture. */
const paints = (doc: Document) => new Set(Array.from(doc.querySelectorAll('*')).flatMap((e) => [e.getAttribute('fill'), e.getAttribute('stroke')]).filter((c): c is string => !!c));

describe('product pictures', () => {
  const products = catalogue();

  it.each(products.map((p) => [p._id, p] as const))('%s is a well-formed SVG of 480×480 on the light ground', (_sku, product) => {
    const svg = productSvg(product);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['480', '480', '0 0 240 240']);
    expect(root.firstElementChild?.getAttribute('fill')).toBe(IMAGE_GROUND);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const ids = Array.from(doc.querySelectorAll('[id]')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(products.map((p) => [p._id, p] as const))('%s is drawn in its colours: the main one fills it, a second one shows as trim or print', (_sku, product) => {
    const doc = parse(productSvg(product));
    const [main, second] = product.colours;
    expect(Array.from(doc.querySelectorAll(`[fill="${main!.hex}"]`)).length).toBeGreaterThan(0);
    if (second) expect(paints(doc)).toContain(second.hex);
  });

  it('draws every kind there is, in one colour and in two', () => {
    for (const kind of KINDS) {
      const piece = (colours: Product['colours']) => ({ kind, name: `${KIND_INFO[kind].name}·测试`, colours });
      const one = parse(productSvg(piece([{ name: '藏青', hex: '#243a5e', family: 'blue' }])));
      expect([kind, one.getElementsByTagName('parsererror').length, one.querySelectorAll('[fill="#243a5e"]').length > 0]).toEqual([kind, 0, true]);
      const two = parse(productSvg(piece([{ name: '奶白', hex: '#f3eee4', family: 'neutral' }, { name: '亮红', hex: '#d7263d', family: 'red' }])));
      expect([kind, paints(two).has('#d7263d')]).toEqual([kind, true]);
    }
  });

  it('tells a light piece from the light ground by its outline', () => {
    const doc = parse(productSvg(products.find((p) => p._id === 'YYTEE032')!)); // 修身罗纹T恤·奶白
    const body = doc.querySelector('[fill="#f3eee4"]')!;
    expect(body.getAttribute('stroke')).toMatch(/^#[0-9a-f]{6}$/);
    expect(body.getAttribute('stroke')).not.toBe('#f3eee4');
  });
});
