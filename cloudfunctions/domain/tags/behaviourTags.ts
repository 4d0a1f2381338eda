import { SCENES, STYLES } from '../../contract/styleWords';
import type { TagFacts, TagRule } from './rule';

/** Opening products of one style or scene this many times says something. */
export const NEED_AFTER_VIEWS = 3;

/** Keys opened at least NEED_AFTER_VIEWS times, most first, in the vocabulary's order on ties. */
function opened<K extends string>(counts: Partial<Record<K, number>> | undefined, order: readonly K[]): K[] {
  return order.filter((k) => (counts?.[k] ?? 0) >= NEED_AFTER_VIEWS).sort((a, b) => (counts![b] ?? 0) - (counts![a] ?? 0));
}

const viewed = (f: TagFacts, values: string[]) => (f.views?.lastAt && values.length ? { values, source: 'behaviour' as const, updatedAt: f.views.lastAt } : null);

/** Tags from what the member opens in the catalogue (the report's products, the shop pages). */
export const BEHAVIOUR_TAGS: TagRule[] = [
  { code: 'browsingStyles', label: '最近在看的风格', group: 'behaviour', derive: (f) => viewed(f, opened(f.views?.styles, STYLES).slice(0, 3)) },
  // three 职场 products opened: 职场穿搭需求, a need the store can answer
  { code: 'needs', label: '穿搭需求', group: 'behaviour', derive: (f) => viewed(f, opened(f.views?.scenes, SCENES).map((s) => `${s}穿搭需求`)) },
];
