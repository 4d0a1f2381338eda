import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { UnsupportedByStandIn } from './errors';

/**
 * Which operators a query, projection or aggregation may use here. The rule of the stand-in:
 * where it cannot answer as the platform would, it fails naming the operator, never answers
 * quietly (mingo skips an unknown expression operator when no document reaches it, and would
 * run $out/$merge against a scratch array).
 */

/** On CloudBase geo queries run on 2dsphere indexes; here mingo has no geo operators at all. */
const GEO = new Set(['$geoNear', '$geoWithin', '$geoIntersects', '$near', '$nearSphere']);

/** On CloudBase these are refused (no server-side JavaScript, no text index, no writes from a pipeline); mingo would run some of them. */
const REFUSED_BY_PLATFORM = new Set(['$where', '$function', '$accumulator', '$text', '$meta', '$jsonSchema', '$out', '$merge']);

/** On CloudBase the aggregate stages are the SDK's (@cloudbase/database aggregate.js); mingo has more ($facet, $unionWith, ...). */
const PLATFORM_STAGES = new Set([
  '$addFields', '$bucket', '$bucketAuto', '$count', '$geoNear', '$group', '$limit', '$lookup', '$match', '$project',
  '$replaceRoot', '$sample', '$skip', '$sort', '$sortByCount', '$unwind',
]);

/** Operator names mingo can evaluate (plus $options, read beside $regex). Any other $name is unknown to the stand-in. */
const KNOWN = new Set<string>([
  ...Object.keys(queryOps), ...Object.keys(expressionOps), ...Object.keys(accumulatorOps),
  ...Object.keys(pipelineOps), ...Object.keys(projectionOps), ...Object.keys(windowOps), '$options',
]);

function refuse(op: string): never {
  if (GEO.has(op)) throw new UnsupportedByStandIn(`${op} is not available in the local cloud (mingo has no geo operators)`);
  if (REFUSED_BY_PLATFORM.has(op)) throw new UnsupportedByStandIn(`${op} is not allowed by CloudBase`);
  throw new UnsupportedByStandIn(`unknown operator ${op}: the local cloud cannot run it (nor does CloudBase know it)`);
}

/** Walks a query, projection or stage body: every $name must be one the stand-in can run as the platform does. */
export function checkOperators(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach(checkOperators);
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$') && (GEO.has(k) || REFUSED_BY_PLATFORM.has(k) || !KNOWN.has(k))) refuse(k);
    checkOperators(v);
  }
}

/** An aggregation: each stage one of the platform's, each body checked. */
export function checkPipeline(pipeline: Array<Record<string, unknown>>): void {
  for (const stage of pipeline) {
    const names = Object.keys(stage);
    if (names.length !== 1) throw new UnsupportedByStandIn(`an aggregation stage has exactly one operator, got ${names.join(', ') || 'none'}`);
    const name = names[0]!;
    if (GEO.has(name) || REFUSED_BY_PLATFORM.has(name)) refuse(name);
    if (!PLATFORM_STAGES.has(name)) throw new UnsupportedByStandIn(`aggregation stage ${name} is not one CloudBase offers (the SDK sends ${[...PLATFORM_STAGES].join(', ')})`);
    checkOperators(stage[name]);
  }
}
