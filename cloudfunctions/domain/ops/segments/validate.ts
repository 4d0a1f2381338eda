import type { Outcome } from '../../../contract';
import { failure, success } from '../../../contract/envelope';
import type { ScoreRange, SegmentDefinition } from './definition';

export const SEGMENTS_MAX = 12;
export const SEGMENT_NAME_MAX = 8;
export const JOINED_WITHIN_MAX_DAYS = 365;
export const SEGMENT_CODE = /^[a-z][A-Za-z0-9]{1,23}$/;

/** Why a manager's definitions cannot be saved, in the words the page shows; null when they can. */
function problemOf(defs: readonly SegmentDefinition[]): string | null {
  if (defs.length === 0) return '至少保留一个分群';
  if (defs.length > SEGMENTS_MAX) return `最多 ${SEGMENTS_MAX} 个分群`;
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const d of defs) {
    const name = d.name.trim();
    if (!SEGMENT_CODE.test(d.code)) return `分群代码 ${d.code} 不合规（字母开头的 2–24 位字母或数字）`;
    if (codes.has(d.code)) return `分群代码 ${d.code} 重复`;
    codes.add(d.code);
    if (name.length === 0 || [...name].length > SEGMENT_NAME_MAX) return `分群名称为 1–${SEGMENT_NAME_MAX} 个字`;
    if (names.has(name)) return `分群名称「${name}」重复`;
    names.add(name);
    for (const [label, r] of [['R', d.r], ['F', d.f], ['M', d.m]] as Array<[string, ScoreRange | null]>) {
      if (r === null) continue;
      if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < 1 || r.max > 5) return `「${name}」的 ${label} 分须在 1–5 之间`;
      if (r.min > r.max) return `「${name}」的 ${label} 分下限不能高于上限`;
    }
    const j = d.joinedWithinDays;
    if (j !== null && (!Number.isInteger(j) || j < 1 || j > JOINED_WITHIN_MAX_DAYS)) return `「${name}」的入会天数须在 1–${JOINED_WITHIN_MAX_DAYS} 之间`;
  }
  return null;
}

/** The definitions as saved (names trimmed), or INVALID_INPUT naming the first problem. */
export function checkDefinitions(defs: readonly SegmentDefinition[]): Outcome<SegmentDefinition[]> {
  const problem = problemOf(defs);
  if (problem) return failure('INVALID_INPUT', problem);
  return success(defs.map((d) => ({ code: d.code, name: d.name.trim(), r: d.r && { ...d.r }, f: d.f && { ...d.f }, m: d.m && { ...d.m }, joinedWithinDays: d.joinedWithinDays })));
}
