import type { SegmentCount, SegmentMove } from '../../../contract/opsSegments';
import { maskNickname } from '../../referrals/view';
import type { SegmentDefinition } from './definition';

export const UNPLACED_NAME = '未分组';
/** Move pairs shown, the most first, and sample members per pair. */
export const MOVES_SHOWN = 30;
export const MOVE_SAMPLE = 3;

/** A segment's name by its code: the definitions' name, a code no longer defined as itself (已删除), none as 未分组. */
export function segmentName(definitions: readonly SegmentDefinition[], code: string | null): string {
  if (code === null) return UNPLACED_NAME;
  return definitions.find((d) => d.code === code)?.name ?? `${code}（已删除）`;
}

const percentOf = (n: number, total: number) => (total === 0 ? 0 : Math.round((100 * n) / total));

/** Counts in the definitions' order (zero counts shown), then codes no longer defined, then 未分组 when any. */
export function segmentCountList(definitions: readonly SegmentDefinition[], rows: ReadonlyArray<{ segment: string | null; count: number }>): { total: number; segments: SegmentCount[] } {
  const byCode = new Map(rows.map((r) => [r.segment, r.count]));
  const total = rows.reduce((s, r) => s + r.count, 0);
  const codes: Array<string | null> = definitions.map((d) => d.code);
  for (const r of rows) if (r.segment !== null && !codes.includes(r.segment)) codes.push(r.segment);
  if (byCode.get(null)) codes.push(null);
  return { total, segments: codes.map((code) => ({ code, name: segmentName(definitions, code), count: byCode.get(code) ?? 0, percent: percentOf(byCode.get(code) ?? 0, total) })) };
}

/** The moves the most first (ties by the definitions' order), each with its masked sample. */
export function segmentMoveList(
  definitions: readonly SegmentDefinition[],
  rows: ReadonlyArray<{ from: string | null; to: string | null; count: number; memberIds: string[] }>,
  nicknames: ReadonlyMap<string, string | null>,
): SegmentMove[] {
  const rank = (code: string | null) => {
    const i = definitions.findIndex((d) => d.code === code);
    return i < 0 ? definitions.length : i;
  };
  return [...rows]
    .sort((a, b) => b.count - a.count || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to))
    .slice(0, MOVES_SHOWN)
    .map((r) => ({
      from: { code: r.from, name: segmentName(definitions, r.from) },
      to: { code: r.to, name: segmentName(definitions, r.to) },
      count: r.count,
      sample: r.memberIds
        .filter((id) => nicknames.has(id))
        .slice(0, MOVE_SAMPLE)
        .map((id) => ({ memberId: id, nickname: maskNickname(nicknames.get(id) ?? '会员') })),
    }));
}
