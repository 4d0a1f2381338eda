import { RefusedWrite } from './errors';
import { checkOperators } from './operators';

/**
 * On CloudBase (MongoDB underneath) a stored field name may not start with $: the write is
 * refused. Here too, before anything is written, naming the field. Only the update operators the
 * SDK encodes ($inc, $set, ... at the top of an update) and their modifiers are $ names.
 */

type Obj = Record<string, unknown>;

const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$rename', '$currentDate', '$setOnInsert', '$bit']);
/** _.push({each, slice, sort, position}) and _.addToSet({$each}) put these beside the values */
const ARRAY_MODIFIERS = new Set(['$each', '$slice', '$sort', '$position']);
/** a path may name the matched element: 'arr.$.x', 'arr.$[].x' */
const POSITIONAL = /^\$(\[[A-Za-z0-9_]*\])?$/;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);

function refused(name: string, at: string): never {
  throw new RefusedWrite(`field name ${name} (at ${at}) starts with $: CloudBase refuses to store it (a $ name is an operator)`);
}

/**
 * A document (or a value) about to be stored: no field name at any depth starts with $, and none
 * holds a dot (MongoDB before 5.0 refuses "dotted field names"; after, such a field cannot be read
 * or updated by path — either way the stand-in refuses it, as the platform may).
 */
export function checkStoredFields(value: unknown, path = ''): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkStoredFields(v, path ? `${path}.${i}` : String(i)));
  if (!isObj(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (k.startsWith('$')) refused(k, at);
    if (k.includes('.')) throw new RefusedWrite(`field name ${k} (at ${at}) holds a dot: CloudBase may refuse to store it, and a path could not reach it`);
    checkStoredFields(v, at);
  }
}

function checkPath(path: string): void {
  const bad = path.split('.').find((part) => part.startsWith('$') && !POSITIONAL.test(part));
  if (bad) refused(bad, path);
}

/** What update()/set() sends: plain data (a replacement) or operators with their fields. */
export function checkUpdate(update: Obj): void {
  const keys = Object.keys(update);
  if (!keys.some((k) => k.startsWith('$'))) return checkStoredFields(update);
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) throw new RefusedWrite(`an update mixes the operator ${keys.find((k) => k.startsWith('$'))} with the plain field ${op}`);
    if (!UPDATE_OPERATORS.has(op)) throw new RefusedWrite(`${op} is not an update operator CloudBase knows, and a field name may not start with $`);
    if (!isObj(fields)) throw new RefusedWrite(`${op} takes an object of fields`);
    for (const [path, value] of Object.entries(fields)) {
      checkPath(path);
      if (op === '$pull') checkOperators(value); // a condition on the elements, not stored data
      else if (op === '$rename' && typeof value === 'string') checkPath(value);
      else if (op === '$currentDate') continue; // true or {$type: 'date'}
      else if ((op === '$push' || op === '$addToSet') && isObj(value) && Object.keys(value).some((k) => ARRAY_MODIFIERS.has(k))) {
        for (const [modifier, v] of Object.entries(value)) {
          if (!ARRAY_MODIFIERS.has(modifier)) refused(modifier, `${path}.${modifier}`);
          if (modifier === '$each') checkStoredFields(v, path);
        }
      } else checkStoredFields(value, path);
    }
  }
}
