/**
 * Inputs for fuzzing the doors (issue 20, part 5): valid examples read off an action's own input
 * schema (so a new action is fuzzed without edits), and hostile values that no field of any
 * request may accept. Used by tests/functions/fuzz.test.ts.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';

/* ------------------------------------------------------------------ valid examples from a schema */

type Def = { type: string; [k: string]: any };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checkDefs = (def: Def): Def[] => (def.checks ?? []).map((c: { _zod: { def: Def } }) => c._zod.def);

/** Bounds a schema's checks declare (length or value). */
function bounds(def: Def): { min?: number; max?: number; pattern?: RegExp } {
  const out: { min?: number; max?: number; pattern?: RegExp } = {};
  for (const c of checkDefs(def)) {
    if (c.check === 'min_length' || c.check === 'length_equals') out.min = Math.max(out.min ?? 0, c.minimum ?? c.length);
    if (c.check === 'max_length' || c.check === 'length_equals') out.max = Math.min(out.max ?? Infinity, c.maximum ?? c.length);
    if (c.check === 'greater_than') out.min = c.value + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') out.max = c.value - (c.inclusive ? 0 : 1);
    if (c.check === 'string_format' && c.pattern) out.pattern = c.pattern;
  }
  return out;
}

/**
 * Strings whose check is a function rather than a pattern (a month-day, an instant, a cloud file,
 * plain text) get a value by their field's name. A field missing here is reported by the test
 * that every action has a valid example, never guessed at silently.
 */
const BY_FIELD: Record<string, fc.Arbitrary<string>> = {
  birthday: fc.constantFrom('03-14', '12-31', '02-29'),
  avatar: fc.constantFrom('cloud://styleclub-1.x/avatars/a.png', 'https://thirdwx.qlogo.cn/mmopen/abc/132'),
  picture: fc.constant('cloud://styleclub-1.x/events/poster.png'),
  images: fc.constant('cloud://styleclub-1.x/pieces/p1.png'),
  startsAt: fc.constant('2026-12-20T06:00:00.000Z'),
  endsAt: fc.constant('2026-12-20T08:00:00.000Z'),
  signUpFrom: fc.constant('2026-11-26T00:00:00.000Z'),
  signUpUntil: fc.constant('2026-12-19T00:00:00.000Z'),
  startAt: fc.constant('2026-11-26T02:00:00.000Z'),
  paidAt: fc.constant('2026-11-25T10:00:00+08:00'),
  orderKey: fc.constant('S001:T100'),
};
/** Free text (nicknames, notes, titles): what a person writes. */
const TEXTS = ['小悦', 'Ava', '白衬衫', '周末约会穿搭', 'ok'];

function stringExample(def: Def, field: string): fc.Arbitrary<string> {
  const { min = 0, max = Infinity, pattern } = bounds(def);
  // no filter here: one that never passes would spin; the caller keeps what the schema accepts
  if (pattern) return fc.stringMatching(pattern);
  if (BY_FIELD[field]) return BY_FIELD[field]!;
  return fc.constantFrom(...TEXTS.filter((s) => s.length >= Math.max(min, 1) && s.length <= max), 'x'.repeat(Math.max(min, 1)));
}

/** An arbitrary of values the schema may accept (tests keep only those it does). */
export function exampleOf(schema: unknown, field = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringExample(def, field);
    case 'number': {
      const { min = 0, max = min + 1000 } = bounds(def);
      return fc.integer({ min, max: Math.min(max, min + 1000) });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(exampleOf(def.innerType, field), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(exampleOf(def.innerType, field), { nil: null, freq: 3 });
    case 'default':
    case 'readonly':
      return exampleOf(def.innerType, field);
    case 'pipe':
      return exampleOf(def.in, field);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => exampleOf(o, field)));
    case 'array': {
      const { min = 0, max = 3 } = bounds(def);
      return fc.uniqueArray(exampleOf(def.element, field), { minLength: min, maxLength: Math.min(max, min + 2), selector: (v) => JSON.stringify(v) });
    }
    case 'record': {
      const keys = defOf(def.keyType).type === 'enum' ? Object.values(defOf(def.keyType).entries as Record<string, string>) : ['a'];
      return fc.dictionary(fc.constantFrom(...keys), exampleOf(def.valueType, field), { maxKeys: 3 });
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, exampleOf(v, k)]));
      return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      throw new Error(`no example for a ${def.type} schema (${field}): teach tests/support/fuzzInputs.ts`);
  }
}

/** Up to `count` distinct inputs the schema accepts, drawn with a fixed seed (the same on every run). */
export function validExamples(schema: z.ZodMiniType, count = 6, seed = 20): unknown[] {
  const found = new Map<string, unknown>();
  for (const candidate of fc.sample(exampleOf(schema), { numRuns: 150, seed })) {
    if (z.safeParse(schema, candidate).success) found.set(JSON.stringify(candidate), candidate);
    if (found.size >= count) break;
  }
  return [...found.values()];
}

/* ------------------------------------------------------------------ hostile values */

/** A value nested `depth` deep, alternating arrays and objects. */
export function nested(depth: number, leaf: unknown = 'x'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Query operators where an id or a scalar belongs: they must never reach a where(). */
export const operatorObjects = fc.constantFrom<unknown>(
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  { $where: 'this.balance > 0' },
  { $in: ['S001', 'S002'] },
  { $exists: true },
  { $or: [{}] },
  { _id: { $gt: '' } },
);

/** Keys that reach into prototypes or pass for an identity, on objects built as JSON.parse builds them. */
export const protoObjects = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"admin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"admin":true}}}'),
  JSON.parse('{"prototype":{"role":"manager"}}'),
  JSON.parse('{"a":{"__proto__":{"toString":1}}}'),
);

/** Text that shows something other than what it holds, or cannot be stored faithfully (inside the text: trimming takes no part in refusing it). */
export const trickyText = fc.constantFrom(
  'S001\u202E',
  '\u202Eevil\u202C',
  'a\u200Bb',
  '\u200D',
  '\u2066x\u2069',
  'a\u0000b',
  '\u0007',
  'line\rbreak',
  '\uD800',
  'x\uDFFF',
  'a\uFEFFb',
  '\u00AD',
  'a\u2028b',
  '\uFFFF',
  '\u{E0001}',
);

/** Strings far beyond any field's size. */
export const hugeText = fc.constantFrom('x'.repeat(100_000), '长'.repeat(70_000), `${'1'.repeat(18)}${' '.repeat(50_000)}`);

/** Numbers no request field takes: money is whole non-negative fen within bounds, counts likewise. */
export const badNumbers = fc.constantFrom(-1, -100, -0.5, 0.5, 19.99, 1e21, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity, Number.MIN_VALUE);

/** Deep nesting and sheer size: refused before any schema. */
export const monsters = fc.constantFrom<unknown>(nested(12), nested(40), Array.from({ length: 3000 }, (_, i) => i), { many: Array.from({ length: 2500 }, () => ({})) });

/** Other things that are never plain JSON data in a call. */
export const notPlainData = fc.constantFrom<unknown>(new Date(0), /x/, new Map([['a', 1]]), () => 1, Symbol('s'), BigInt(1), Object.create({ inherited: 1 }));

/** Values that no field of any request accepts, whatever its type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  operatorObjects,
  protoObjects,
  trickyText,
  hugeText,
  badNumbers,
  monsters,
  notPlainData,
  // arrays where scalars belong (or arrays of hostile values where arrays belong)
  fc.oneof(operatorObjects, trickyText, badNumbers).map((v) => [v]),
);

/** The hostile values a JSON body can carry (the till's requests are text). */
export const hostileJson: fc.Arbitrary<unknown> = hostileValue.filter((v) => {
  try {
    return JSON.stringify(v) !== undefined;
  } catch {
    return false;
  }
});

/** Plainly wrong types: hostile only where the field's schema says so (the test checks with the schema). */
export const wrongType = fc.constantFrom<unknown>(null, true, false, 0, 1, '', 'true', [], {}, [[]], { a: 1 }, '0', 'null');

/** Fields a caller might add to pass for someone else or to reach into a query. */
export const extraField = fc.tuple(
  fc.constantFrom('openid', 'OPENID', 'memberId', '_id', '_openid', 'role', 'storeId', 'admin', '$where', '$set', 'data', 'x'),
  fc.oneof(fc.constantFrom<unknown>('manager', 'staff-S001', true, 1, 'S002'), operatorObjects),
);

/* ------------------------------------------------------------------ mutating a valid example */

export type Path = (string | number)[];

/** Every place in a value: object fields, array elements, and the value itself ([]). */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** Objects in a value, where a field can be added. */
export function containersOf(value: unknown): Path[] {
  return pathsOf(value).filter((p) => {
    const v = at(value, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
}

export function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/**
 * A deep copy of plain data in this realm: structuredClone would answer with the host realm's
 * objects under jest, which the pipeline rightly refuses as "not a plain object" before any
 * schema sees them, and the fuzz would test nothing past that.
 */
export function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)])) as T;
  return value;
}

/** A deep copy with the value at `path` replaced. */
export function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = copyOf(value) as Record<string | number, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = by;
  return copy;
}

/** A deep copy with a field added to the object at `path` (a name it has already gets a "_": an extra field, not a changed one). */
export function withExtra(value: unknown, path: Path, key: string, extra: unknown): unknown {
  const copy = copyOf(value);
  const target = at(copy, path) as object;
  const name = Object.prototype.hasOwnProperty.call(target, key) ? `${key}_` : key;
  Object.defineProperty(target, name, { value: extra, enumerable: true, writable: true, configurable: true });
  return copy;
}
