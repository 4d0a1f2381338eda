/**
 * Requests are plain JSON data: objects, arrays, strings, finite numbers, booleans and null,
 * nested at most MAX_DEPTH deep and at most MAX_NODES values in all. Anything else (class
 * instances, functions, symbols, NaN, accessors, prototype tricks) is refused before any schema
 * or database sees it.
 */
export const MAX_DEPTH = 8;
export const MAX_NODES = 2000;

/** A UTF-16 surrogate without its partner: text that cannot be shown or stored faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Request text quoted back in a message is cut short: answers never grow with the request. */
export const clip = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function plainDataProblem(value: unknown): string | null {
  let nodes = 0;
  const visit = (v: unknown, depth: number, path: string): string | null => {
    nodes += 1;
    if (nodes > MAX_NODES) return 'request is too large';
    path = clip(path, 60);
    if (typeof v === 'string') return LONE_SURROGATE.test(v) ? `${path} is not well-formed text` : null;
    if (v === null || typeof v === 'boolean') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? null : `${path} is not a finite number`;
    if (typeof v !== 'object') return `${path} is not plain data`;
    if (depth >= MAX_DEPTH) return `${path} is nested too deeply`;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        const problem = visit(v[i], depth + 1, `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${path} is not a plain object`;
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key !== 'string') return `${path} has a symbol key`;
      if (LONE_SURROGATE.test(key)) return `${path} has a field name that is not well-formed text`;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return `${path}.${key} is not allowed`;
      const desc = Object.getOwnPropertyDescriptor(v, key);
      if (!desc || !('value' in desc)) return `${path}.${key} is not plain data`;
      const problem = visit(desc.value, depth + 1, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, 0, 'data');
}
