import { clip } from '../contract/plain';

/**
 * What a refused input is told, field by field. The pipeline (platform/pipeline.ts) says it for
 * every entry: calls, the till's HTTP requests and timer events.
 */

/** The part of a zod issue the words are made from (zod's own issue types fit it as they are). */
interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  /** too_big / too_small: what was measured ('number', 'int', 'bigint', 'string', 'array', 'set', 'file', 'date' …) and the bound */
  origin?: string;
  maximum?: number | bigint | Date;
  minimum?: number | bigint | Date;
  inclusive?: boolean;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const boundText = (bound: Issue['maximum']): string => (bound instanceof Date ? bound.toISOString() : String(bound));

/** A size bound in words that fit what was measured: a number's value, a string's length, an array's items. */
function describeBound(i: Issue): string {
  const big = i.code === 'too_big';
  const bound = big ? i.maximum : i.minimum;
  if (bound === undefined) return big ? 'is too long' : 'is too short';
  const n = boundText(bound);
  const exclusive = i.inclusive === false;
  switch (i.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (exclusive) return big ? `must be less than ${n}` : `must be more than ${n}`;
      return big ? `must be at most ${n}` : `must be at least ${n}`;
    case 'date':
      return `must be ${big ? (exclusive ? 'before' : 'at or before') : exclusive ? 'after' : 'at or after'} ${n}`;
    case 'string':
      return `is ${big ? 'at most' : 'at least'} ${n} characters`;
    case 'array':
    case 'set':
      return `has ${big ? 'at most' : 'at least'} ${n} items`;
    default:
      return big ? 'is too long' : 'is too short';
  }
}

function describeIssue(i: Issue, input: unknown): string {
  const where = clip(i.path.length ? i.path.map(String).join('.') : 'data', 60);
  if (i.code === 'unrecognized_keys') {
    const keys = i.keys ?? [];
    return `${where}: unknown field(s) ${keys.slice(0, 5).map((k) => clip(k)).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
  }
  if (i.message !== 'Invalid input') return `${where}: ${i.message}`;
  if (i.path.length > 0 && valueAt(input, i.path) === undefined) return `${where}: is required`;
  if (i.code === 'invalid_type') return `${where}: expected ${i.expected ?? 'another type'}`;
  if (i.code === 'invalid_value') return `${where}: must be ${(i.values ?? []).map((v) => clip(JSON.stringify(v))).join(' or ')}`;
  if (i.code === 'too_big' || i.code === 'too_small') return `${where}: ${describeBound(i)}`;
  return `${where}: ${i.code}`;
}

/**
 * Says what is wrong with each field in words a developer acts on ("birthday: is required"):
 * one issue per field (the first that carries the schema's own words, else the first), at most five fields.
 */
export function describeIssues(error: { issues: Issue[] }, input: unknown): string {
  const byPath = new Map<string, Issue>();
  for (const issue of error.issues) {
    // unknown keys are about other fields than the object's own issues: never merged with them
    const key = `${issue.code === 'unrecognized_keys' ? 'keys' : 'field'}:${JSON.stringify(issue.path.map(String))}`;
    const kept = byPath.get(key);
    // a value of the wrong type is named as such (a string where a list belongs is not "too long");
    // otherwise a field with several issues (an int beyond the safe range and beyond the schema's own maximum) says the schema's words
    const wrongType = (i: Issue) => i.code === 'invalid_type';
    if (!kept || (!wrongType(kept) && (wrongType(issue) || (kept.message === 'Invalid input' && issue.message !== 'Invalid input')))) byPath.set(key, issue);
  }
  return [...byPath.values()]
    .slice(0, 5)
    .map((i) => describeIssue(i, input))
    .join('; ');
}
