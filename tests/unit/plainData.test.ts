import { plainDataProblem } from '../../cloudfunctions/contract/plain';

describe('requests must be plain JSON data', () => {
  it.each([
    ['an object of strings, numbers, booleans and null', { a: 'x', b: 1, c: true, d: null, e: [1, { f: 'g' }] }],
    ['an object with a null prototype', Object.assign(Object.create(null), { a: 1 })],
  ])('accepts %s', (_name, value) => {
    expect(plainDataProblem(value)).toBeNull();
  });

  it.each([
    ['Infinity', { a: Number.POSITIVE_INFINITY }],
    ['a Map', { a: new Map() }],
    ['a RegExp', { a: /x/ }],
    ['a Buffer', { a: Buffer.from('x') }],
    ['a bigint', { a: BigInt(1) }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"admin": true}}')],
    ['a constructor key', { constructor: 'x' }],
    ['a lone surrogate in a value', { a: 'x\ud800' }],
    ['a lone surrogate in a key', { ['\udc00k']: 1 }],
  ])('refuses %s', (_name, value) => {
    expect(plainDataProblem(value)).not.toBeNull();
  });
});
