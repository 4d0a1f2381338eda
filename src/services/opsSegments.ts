import type { ActionInput, ActionOutput, AppError } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { errorText } from './errors';

export type SegmentCounts = ActionOutput<'ops', 'segmentCounts'>;
export type SegmentMovement = ActionOutput<'ops', 'segmentMovement'>;
export type SegmentDefinitions = ActionOutput<'ops', 'segmentDefinitions'>;
export type SegmentDefinition = ActionInput<'ops', 'saveSegmentDefinitions'>['definitions'][number];
export type SegmentFilter = ActionInput<'ops', 'segmentCounts'>;

/**
 * 会员分群 (issue 19): the `ops` function's segments calls, for store managers (FORBIDDEN to
 * anyone else). Only the ops subpackage imports this file.
 */
export const opsSegmentsApi = serviceFor('ops', (ops) => ({
  /** members of the manager's store per segment, by tier and staff tags (each tag held) */
  counts: (filter: SegmentFilter) => ops('segmentCounts', filter),
  /** who moved between segments since a week ago, the most first, with a masked sample */
  movement: (filter: SegmentFilter) => ops('segmentMovement', filter),
  /** the brand's segment definitions, in order of precedence */
  definitions: () => ops('segmentDefinitions'),
  /** saves them whole; CONFLICT when someone saved since `version` */
  save: (version: number, definitions: SegmentDefinition[]) => ops('saveSegmentDefinitions', { version, definitions }),
}));

/** Why a save was refused, in words: the server names the problem of definitions (in Chinese); other failures read from the catalogue. */
export function saveProblemText(error: AppError): string {
  const named = error.code === 'INVALID_INPUT' ? error.message.split(/[:：;] ?/).find((part) => /[\u4e00-\u9fff]/.test(part)) : undefined;
  return errorText(error, { INVALID_INPUT: named?.trim() || undefined, CONFLICT: '分群定义已被其他店长修改，已为你载入最新版本' });
}
