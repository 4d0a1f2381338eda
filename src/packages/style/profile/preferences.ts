import type { ActionInput, ActionOutput } from '../../../../cloudfunctions/contract';
import type { MemberTag } from '../../../../cloudfunctions/contract/style';
import type { ClothingSize, Fit, Silhouette } from '../../../../cloudfunctions/contract/styleQuiz';
import type { Scene } from '../../../../cloudfunctions/contract/styleWords';

/**
 * 我的风格档案's editable tags, and what saving one sends. The `tags` answer brings the member's own
 * preferences as set and the quiz's choices to edit them with (no quiz read). setPreferences merges
 * field by field, so a save sends the one field edited: a size the quiz gave stays the quiz's (it is
 * not made the member's by saving another), and an empty list means "none".
 */
export type Preferences = ActionInput<'style', 'setPreferences'>;
type TagsAnswer = ActionOutput<'style', 'tags'>;
/** What the member set themselves, as set (unset: the quiz's stands). */
export type OwnPreferences = TagsAnswer['preferences'];
/** The quiz's choices the editors offer, as the `tags` answer gives them. */
export type Choices = TagsAnswer['choices'];

/** The editors, by what they change; a tag code opens one of them. */
export type EditorKind = 'colours' | 'scenes' | 'fitTop' | 'fitBottom' | 'silhouette' | 'sizeTop' | 'sizeBottom' | 'shoeSize';
export const EDITOR_OF: Record<string, EditorKind> = {
  likedColours: 'colours',
  dislikedColours: 'colours',
  scenes: 'scenes',
  fitTop: 'fitTop',
  fitBottom: 'fitBottom',
  silhouette: 'silhouette',
  sizeTop: 'sizeTop',
  sizeBottom: 'sizeBottom',
  shoeSize: 'shoeSize',
};

/** A tag's values as they stand, whoever set them. */
export const valuesOf = (tags: readonly MemberTag[], code: string) => tags.find((t) => t.code === code)?.values ?? [];

/** The colours' ids from their names, as the tags give them. */
export function colourIds(names: readonly string[], choices: Choices): string[] {
  return names.map((n) => choices.colours.find((c) => c.name === n)?.id).filter((id): id is string => id !== undefined);
}

/** What one editor holds (and saves). */
export type Edit =
  | { kind: 'colours'; liked: string[]; disliked: string[] }
  | { kind: 'scenes'; scenes: Scene[] }
  | { kind: 'fitTop' | 'fitBottom'; fit: Fit }
  | { kind: 'silhouette'; silhouette: Silhouette }
  | { kind: 'sizeTop' | 'sizeBottom'; size: ClothingSize }
  | { kind: 'shoeSize'; shoes: number };

/**
 * The edit as it starts: the member's own setting where they made one (an empty list included: it
 * is "none"), else what the tags say now (the quiz's).
 */
export function startingEdit(kind: EditorKind, tags: readonly MemberTag[], own: OwnPreferences, choices: Choices): Edit | null {
  const first = (code: string) => valuesOf(tags, code)[0];
  switch (kind) {
    case 'colours':
      return {
        kind,
        liked: own.likedColours ? [...own.likedColours] : colourIds(valuesOf(tags, 'likedColours'), choices),
        disliked: own.dislikedColours ? [...own.dislikedColours] : colourIds(valuesOf(tags, 'dislikedColours'), choices),
      };
    case 'scenes':
      return { kind, scenes: own.scenes ? [...own.scenes] : (valuesOf(tags, 'scenes') as Scene[]) };
    case 'fitTop':
    case 'fitBottom': {
      const fit = (kind === 'fitTop' ? own.fit.top : own.fit.bottom) ?? (first(kind) as Fit | undefined);
      return fit ? { kind, fit } : null;
    }
    case 'silhouette': {
      const id = own.fit.silhouette ?? choices.silhouettes.find((s) => s.name === first('silhouette'))?.id;
      return id ? { kind, silhouette: id } : null;
    }
    case 'sizeTop':
    case 'sizeBottom': {
      const size = (kind === 'sizeTop' ? own.sizes.top : own.sizes.bottom) ?? (first(kind) as ClothingSize | undefined);
      return size ? { kind, size } : null;
    }
    case 'shoeSize': {
      const shoes = own.sizes.shoes ?? (first('shoeSize') ? Number(first('shoeSize')) : undefined);
      return shoes !== undefined ? { kind, shoes } : null;
    }
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What saving an edit sends: the one field edited. The colours' editor holds both lists; only a list
 * that changed is sent (moving a colour across changes both).
 */
export function preferencesFor(edit: Edit, start: Edit | null): Preferences {
  switch (edit.kind) {
    case 'colours': {
      const before = start?.kind === 'colours' ? start : { liked: [], disliked: [] };
      return {
        ...(sameList(edit.liked, before.liked) ? {} : { likedColours: edit.liked }),
        ...(sameList(edit.disliked, before.disliked) ? {} : { dislikedColours: edit.disliked }),
      };
    }
    case 'scenes':
      return { scenes: edit.scenes };
    case 'fitTop':
      return { fit: { top: edit.fit } };
    case 'fitBottom':
      return { fit: { bottom: edit.fit } };
    case 'silhouette':
      return { fit: { silhouette: edit.silhouette } };
    case 'sizeTop':
      return { sizes: { top: edit.size } };
    case 'sizeBottom':
      return { sizes: { bottom: edit.size } };
    case 'shoeSize':
      return { sizes: { shoes: edit.shoes } };
  }
}
