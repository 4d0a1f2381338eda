import type { ExportedStyle } from '../../contract/style';
import type { StyleProfile, StyleReportRecord } from '../style/records';
import { toIso } from '../time';
import type { OutfitListRecord, SavedOutfitRecord } from '../outfits/records';
import type { WardrobeItem } from '../wardrobe/item';
import { wardrobeItemView } from '../wardrobe/view';

/** The style pages' records as the export shows them: the quiz under way, preferences, what was opened, every report (latest first). */
export function styleRecord(
  { profile, reports, wardrobe, savedOutfits, outfitLists }: { profile: StyleProfile | null; reports: StyleReportRecord[]; wardrobe: WardrobeItem[]; savedOutfits: SavedOutfitRecord[]; outfitLists: OutfitListRecord[] },
  now: Date,
  storeNames: ReadonlyMap<string, string>,
): ExportedStyle {
  const { setAt, ...chosen } = profile?.preferences ?? {};
  const preferences = { ...chosen, ...(setAt ? { setAt: Object.fromEntries(Object.entries(setAt).map(([k, at]) => [k, toIso(at!)])) } : {}) };
  return {
    quiz: profile ? { attempt: profile.attempt, answers: profile.answers, startedAt: toIso(profile.startedAt), scored: profile.scored } : null,
    preferences,
    productsOpened: { styles: { ...profile?.views.styles }, scenes: { ...profile?.views.scenes }, lastAt: profile?.views.lastAt ? toIso(profile.views.lastAt) : null },
    reports: reports.map((r) => ({ attempt: r.attempt, createdAt: toIso(r.createdAt), answers: r.answers, report: r.report })),
    wardrobe: wardrobe.map((i) => ({ ...wardrobeItemView(i, now, storeNames), wornDays: [...i.wornDays] })),
    savedOutfits: savedOutfits.map((o) => ({ pieces: o.pieces.map(({ id, slot, name }) => ({ id, slot, name })), scene: o.scene, reason: o.reason, savedAt: toIso(o.savedAt) })),
    outfitLists: outfitLists.map((l) => ({ title: l.title, note: l.note, storeId: l.storeId, staffName: l.staffName, createdAt: toIso(l.createdAt), openedAt: l.openedAt ? toIso(l.openedAt) : null, items: l.items.map((i) => (i.kind === 'product' ? { kind: i.kind, id: i.sku } : { kind: i.kind, id: i.id })) })),
  };
}
