import type { StylePreferences } from './records';

/**
 * Each thing a member can set in 我的风格档案, dated on its own (editing the shoe size does not
 * re-date the colours). Stored as field names, so no dots (the database refuses dotted names).
 */
export type PreferenceField = 'sizesTop' | 'sizesBottom' | 'sizesShoes' | 'fitTop' | 'fitBottom' | 'fitSilhouette' | 'scenes' | 'likedColours' | 'dislikedColours';
const SIZE_FIELD = { top: 'sizesTop', bottom: 'sizesBottom', shoes: 'sizesShoes' } as const;
const FIT_FIELD = { top: 'fitTop', bottom: 'fitBottom', silhouette: 'fitSilhouette' } as const;

type PreferenceInput = Pick<StylePreferences, 'sizes' | 'fit' | 'scenes' | 'likedColours' | 'dislikedColours'>;

/**
 * The preferences after an edit: each field given replaces that one field (a size or a fit sent
 * alone keeps the others; an empty list means "none", not "as the quiz says") and is dated now.
 * Null with the colours both loved and avoided once merged.
 */
export function mergePreferences(held: StylePreferences, input: PreferenceInput, now: Date): StylePreferences | null {
  const next: StylePreferences = { ...held, sizes: { ...held.sizes }, fit: { ...held.fit }, setAt: { ...held.setAt } };
  const set = (field: PreferenceField) => (next.setAt![field] = now);
  for (const k of ['top', 'bottom', 'shoes'] as const) {
    if (input.sizes?.[k] === undefined) continue;
    (next.sizes as Record<string, unknown>)[k] = input.sizes[k];
    set(SIZE_FIELD[k]);
  }
  for (const k of ['top', 'bottom', 'silhouette'] as const) {
    if (input.fit?.[k] === undefined) continue;
    (next.fit as Record<string, unknown>)[k] = input.fit[k];
    set(FIT_FIELD[k]);
  }
  for (const k of ['scenes', 'likedColours', 'dislikedColours'] as const) {
    if (input[k] === undefined) continue;
    (next as Record<string, unknown>)[k] = [...input[k]!];
    set(k);
  }
  const liked = new Set(next.likedColours ?? []);
  return (next.dislikedColours ?? []).some((id) => liked.has(id)) ? null : next;
}
