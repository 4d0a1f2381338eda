import type { ExportedStyle } from '../../contract/style';
import type { StyleProfile, StyleReportRecord } from '../style/records';
import { toIso } from '../time';
import type { WardrobeItem } from '../wardrobe/item';
import { wardrobeItemView } from '../wardrobe/view';

/** The style pages' records as the export shows them: the quiz under way, preferences, what was opened, every report (latest first). */
export function styleRecord({ profile, reports, wardrobe }: { profile: StyleProfile | null; reports: StyleReportRecord[]; wardrobe: WardrobeItem[] }, now: Date, storeNames: ReadonlyMap<string, string>): ExportedStyle {
  const { setAt, ...chosen } = profile?.preferences ?? {};
  const preferences = { ...chosen, ...(setAt ? { setAt: Object.fromEntries(Object.entries(setAt).map(([k, at]) => [k, toIso(at!)])) } : {}) };
  return {
    quiz: profile ? { attempt: profile.attempt, answers: profile.answers, startedAt: toIso(profile.startedAt), scored: profile.scored } : null,
    preferences,
    productsOpened: { styles: { ...profile?.views.styles }, scenes: { ...profile?.views.scenes }, lastAt: profile?.views.lastAt ? toIso(profile.views.lastAt) : null },
    reports: reports.map((r) => ({ attempt: r.attempt, createdAt: toIso(r.createdAt), answers: r.answers, report: r.report })),
    wardrobe: wardrobe.map((i) => ({ ...wardrobeItemView(i, now, storeNames), wornDays: [...i.wornDays] })),
  };
}
