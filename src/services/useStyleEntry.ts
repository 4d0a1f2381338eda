import type { ActionOutput } from '../../cloudfunctions/contract';
import type { PageName } from './routes';
import { styleApi } from './style';
import { useLateRead } from './useLateRead';

type Summary = ActionOutput<'style', 'summary'>;

/** The card's style row: 风格测试 until a report exists, then 我的风格 with the season and the leading style. */
export interface StyleEntry {
  title: string;
  text: string | null;
  page: PageName;
}

/** Before the read (or when it fails): the quiz, which shows a finished quiz's report itself. */
export const QUIZ_ENTRY: StyleEntry = { title: '风格测试', text: null, page: 'styleQuiz' };

export function styleEntry(summary: Summary | null): StyleEntry {
  if (!summary) return QUIZ_ENTRY;
  if (!summary.hasReport) return { ...QUIZ_ENTRY, text: '测出你的风格和色彩季型' };
  const text = [summary.seasonName, summary.primaryStyle].filter(Boolean).join(' · ');
  return { title: '我的风格', text: text || null, page: 'styleReport' };
}

/** The style row's words, read like the referral line: after the page's own reads, quietly. */
export function useStyleEntry(ready: boolean, options: { delayMs?: number } = {}) {
  const { data, read } = useLateRead(styleApi.summary, ready, options);
  return { entry: styleEntry(data), read };
}

/**
 * 3 天穿搭灵感 for the card, read like the style row (after the till code, quietly): the day and its
 * outfit while the three days run, null otherwise (or when the read fails).
 */
export function useInspiration(ready: boolean, options: { delayMs?: number } = {}) {
  const { data, read } = useLateRead(styleApi.inspiration, ready, options);
  return { inspiration: data && data.dayNumber !== null ? { dayNumber: data.dayNumber, outfit: data.outfit } : null, read };
}
