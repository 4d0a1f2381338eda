import type { TagRule } from './rule';

/** The tag a member earns by voting on an upcoming piece (新品共创, issue 18). */
export const COCREATOR_TAG = '产品共创型用户';

/** 产品共创型用户: the member took part in 新品共创 (voted on a piece); it changed when they last voted. */
export const COCREATION_TAGS: TagRule[] = [
  { code: 'cocreation', label: '共创参与', group: 'programme', derive: (f) => (f.cocreation ? { values: [COCREATOR_TAG], source: 'programme', updatedAt: f.cocreation.lastVotedAt } : null) },
];
