import type { ExportedStyle } from '../../contract/style';
import type { StyleProfile, StyleReportRecord } from '../style/records';
import { toIso } from '../time';

/** The style pages' records as the export shows them: the quiz under way, preferences, what was opened, every report (latest first). */
export function styleRecord({ profile, reports }: { profile: StyleProfile | null; reports: StyleReportRecord[] }): ExportedStyle {
  const { updatedAt: _at, ...preferences } = profile?.preferences ?? {};
  return {
    quiz: profile ? { attempt: profile.attempt, answers: profile.answers, startedAt: toIso(profile.startedAt), scored: profile.scored } : null,
    preferences,
    productsOpened: { styles: { ...profile?.views.styles }, scenes: { ...profile?.views.scenes }, lastAt: profile?.views.lastAt ? toIso(profile.views.lastAt) : null },
    reports: reports.map((r) => ({ attempt: r.attempt, createdAt: toIso(r.createdAt), answers: r.answers, report: r.report })),
  };
}
