import type { QuizAnswers, StyleReport } from '../../contract/styleQuiz';
import type { ClothingSize, Fit, Silhouette } from '../../contract/styleQuiz';
import type { Scene, Style } from '../../contract/styleWords';
import type { PreferenceField } from './preferences';

/**
 * What the style pages keep of a member, one document each (keyed by memberId): the quiz attempt
 * under way and its answers (kept on the server, so a member who leaves and comes back picks up
 * where they were), the preferences they set themselves in 我的风格档案, and what they open in the
 * catalogue (the behaviour tags read it).
 */
export interface StyleProfile {
  _id: string;
  /** 1 for the first quiz; a retake starts the next */
  attempt: number;
  answers: QuizAnswers;
  /** the attempt's report exists (a submit made it): a new save needs a retake */
  scored: boolean;
  startedAt: Date;
  updatedAt: Date;
  /** what the member set themselves; it outranks the quiz in their tags */
  preferences: StylePreferences;
  /** catalogue products opened, counted per style and scene (the behaviour tags) */
  views: { styles: Partial<Record<Style, number>>; scenes: Partial<Record<Scene, number>>; lastAt: Date | null };
}

/** The preferences a member edits in 我的风格档案 (each optional: unset means "as the quiz says"; an empty list means "none"). */
export interface StylePreferences {
  sizes?: { top?: ClothingSize; bottom?: ClothingSize; shoes?: number };
  fit?: { top?: Fit; bottom?: Fit; silhouette?: Silhouette };
  scenes?: Scene[];
  likedColours?: string[];
  dislikedColours?: string[];
  /** when each field was set (preferences.ts PreferenceField) */
  setAt?: Partial<Record<PreferenceField, Date>>;
}

/** One finished quiz: its report as scored then (a later weights edit never changes it). */
export interface StyleReportRecord {
  /** `${memberId}:${attempt}`: one report per attempt, however often it is submitted */
  _id: string;
  memberId: string;
  attempt: number;
  answers: QuizAnswers;
  report: StyleReport;
  createdAt: Date;
}

export const reportIdOf = (memberId: string, attempt: number) => `${memberId}:${attempt}`;

export function newStyleProfile(memberId: string, now: Date): StyleProfile {
  return { _id: memberId, attempt: 1, answers: {}, scored: false, startedAt: now, updatedAt: now, preferences: {}, views: { styles: {}, scenes: {}, lastAt: null } };
}
