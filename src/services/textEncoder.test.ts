import { TextEncoder as NodeTextEncoder } from 'node:util';
import { TextEncoder } from './textEncoder';

describe('the TextEncoder the mini program build gives lean-qr', () => {
  it.each([
    ['digits', '671234567812345678'],
    ['Chinese', '悦衣会员'],
    ['an emoji outside the BMP', '穿搭👗'],
    ['nothing', ''],
  ])('encodes %s as UTF-8 exactly like the platform’s', (_name, text) => {
    expect(Array.from(new TextEncoder().encode(text))).toEqual(Array.from(new NodeTextEncoder().encode(text)));
  });
});
