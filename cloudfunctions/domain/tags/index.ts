import type { MemberTag } from '../../contract/style';
import { toIso } from '../time';
import { BEHAVIOUR_TAGS } from './behaviourTags';
import { COCREATION_TAGS } from './cocreationTag';
import { PURCHASE_TAGS } from './purchaseTags';
import { QUIZ_TAGS } from './quizTags';
import type { TagFacts, TagRule } from './rule';

export type { TagFacts, TagRule } from './rule';

/** Every tag dimension, in the order 我的风格档案 (and later the staff's member view) shows them. */
export const TAG_RULES: readonly TagRule[] = [...QUIZ_TAGS, ...PURCHASE_TAGS, ...BEHAVIOUR_TAGS, ...COCREATION_TAGS];

/** The member's tags: every dimension with something to say, each with its source and when it last changed. */
export function memberTags(f: TagFacts): MemberTag[] {
  return TAG_RULES.flatMap((rule) => {
    const tag = rule.derive(f);
    if (!tag) return [];
    return [{ code: rule.code, label: rule.label, group: rule.group, values: tag.values, source: tag.source, updatedAt: toIso(tag.updatedAt), editable: !!rule.editable }];
  });
}
