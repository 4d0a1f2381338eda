import type { ActionInput } from '../../../../cloudfunctions/contract';
import type { MemberTag } from '../../../../cloudfunctions/contract/style';
import type { ClothingSize, Fit, QuizStep, Silhouette } from '../../../../cloudfunctions/contract/styleQuiz';
import type { Scene } from '../../../../cloudfunctions/contract/styleWords';

/**
 * 我的风格档案's editable tags, and what saving one sends. The choices are the quiz's own (the same
 * the member answered), read from the quiz definition. setPreferences replaces `sizes` and `fit`
 * as a whole, so an edit of one size sends the member's other own sizes along: a size the quiz
 * gave stays the quiz's (it is not made the member's by saving another).
 */
export type Preferences = ActionInput<'style', 'setPreferences'>;

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

/** The quiz's choices the editors offer. */
export interface Choices {
  colours: Array<{ id: string; name: string; hex: string }>;
  scenes: Scene[];
  fits: Fit[];
  silhouettes: Array<{ id: Silhouette; name: string; hint: string }>;
  top: ClothingSize[];
  bottom: ClothingSize[];
  shoes: number[];
}

export function choicesOf(steps: readonly QuizStep[]): Choices {
  const choices: Choices = { colours: [], scenes: [], fits: [], silhouettes: [], top: [], bottom: [], shoes: [] };
  for (const s of steps) {
    if (s.kind === 'likes') choices.colours = s.colours;
    if (s.kind === 'scenes') choices.scenes = s.scenes;
    if (s.kind === 'fit') Object.assign(choices, { fits: s.fits, silhouettes: s.silhouettes });
    if (s.kind === 'sizes') Object.assign(choices, { top: s.top, bottom: s.bottom, shoes: s.shoes });
  }
  return choices;
}

const tagOf = (tags: readonly MemberTag[], code: string) => tags.find((t) => t.code === code);
/** The tag's values when the member set them (their own), else nothing. */
const own = (tags: readonly MemberTag[], code: string) => {
  const tag = tagOf(tags, code);
  return tag?.source === 'member' ? tag.values : undefined;
};
/** A tag's values as they stand, whoever set them. */
export const valuesOf = (tags: readonly MemberTag[], code: string) => tagOf(tags, code)?.values ?? [];

/** The fit the member set themselves (each part optional). */
function ownFit(tags: readonly MemberTag[], choices: Choices): NonNullable<Preferences['fit']> {
  const silhouette = own(tags, 'silhouette')?.[0];
  return {
    ...(own(tags, 'fitTop') ? { top: own(tags, 'fitTop')![0] as Fit } : {}),
    ...(own(tags, 'fitBottom') ? { bottom: own(tags, 'fitBottom')![0] as Fit } : {}),
    ...(silhouette ? { silhouette: choices.silhouettes.find((s) => s.name === silhouette)?.id } : {}),
  };
}

function ownSizes(tags: readonly MemberTag[]): NonNullable<Preferences['sizes']> {
  return {
    ...(own(tags, 'sizeTop') ? { top: own(tags, 'sizeTop')![0] as ClothingSize } : {}),
    ...(own(tags, 'sizeBottom') ? { bottom: own(tags, 'sizeBottom')![0] as ClothingSize } : {}),
    ...(own(tags, 'shoeSize') ? { shoes: Number(own(tags, 'shoeSize')![0]) } : {}),
  };
}

/** The colours' ids from their names, as the tags give them. */
export function colourIds(names: readonly string[], choices: Choices): string[] {
  return names.map((n) => choices.colours.find((c) => c.name === n)?.id).filter((id): id is string => id !== undefined);
}

/** What one editor saves (with the member's other own sizes or fit along). */
export type Edit =
  | { kind: 'colours'; liked: string[]; disliked: string[] }
  | { kind: 'scenes'; scenes: Scene[] }
  | { kind: 'fitTop' | 'fitBottom'; fit: Fit }
  | { kind: 'silhouette'; silhouette: Silhouette }
  | { kind: 'sizeTop' | 'sizeBottom'; size: ClothingSize }
  | { kind: 'shoeSize'; shoes: number };

export function preferencesFor(edit: Edit, tags: readonly MemberTag[], choices: Choices): Preferences {
  switch (edit.kind) {
    case 'colours':
      return { likedColours: edit.liked, dislikedColours: edit.disliked };
    case 'scenes':
      return { scenes: edit.scenes };
    case 'fitTop':
      return { fit: { ...ownFit(tags, choices), top: edit.fit } };
    case 'fitBottom':
      return { fit: { ...ownFit(tags, choices), bottom: edit.fit } };
    case 'silhouette':
      return { fit: { ...ownFit(tags, choices), silhouette: edit.silhouette } };
    case 'sizeTop':
      return { sizes: { ...ownSizes(tags), top: edit.size } };
    case 'sizeBottom':
      return { sizes: { ...ownSizes(tags), bottom: edit.size } };
    case 'shoeSize':
      return { sizes: { ...ownSizes(tags), shoes: edit.shoes } };
  }
}
