import type { ActionInput } from '../../../../../cloudfunctions/contract';
import type { WardrobeItemView } from '../../../../../cloudfunctions/contract/wardrobe';
import type { Category, NamedColour, Scene, Style, WearSeason } from '../../../../../cloudfunctions/contract/styleWords';

/**
 * 添加衣服's form as the member fills it, the checks the function applies (in its own words), and
 * what saving sends: addItem with everything, or editItem with only what changed.
 */
export interface Draft {
  /** the uploaded photo's file id (cloud://…); a piece being edited keeps its picture */
  image: string | null;
  name: string;
  category: Category | null;
  /** the main colour first */
  colours: NamedColour[];
  wearSeason: WearSeason | null;
  styles: Style[];
  scenes: Scene[];
}

export const EMPTY_DRAFT: Draft = { image: null, name: '', category: null, colours: [], wearSeason: null, styles: [], scenes: [] };

export const NAME_MAX = 20;
export const COLOURS_MAX = 3;
export const STYLES_MAX = 3;

export type Field = 'image' | 'name' | 'category' | 'colours' | 'wearSeason';

/** What is missing or wrong, by field, in the words the function's checks use. */
export function draftProblems(draft: Draft, editing: boolean): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const name = draft.name.trim();
  if (!editing && !draft.image) problems.image = '先拍一张照片，或从相册选一张';
  if (name === '') problems.name = '写一个名字，比如 白衬衫';
  else if (name.length > NAME_MAX) problems.name = `名字最多${NAME_MAX}个字`;
  if (!draft.category) problems.category = '选一个类别';
  if (draft.colours.length === 0) problems.colours = '选一个颜色';
  else if (draft.colours.length > COLOURS_MAX) problems.colours = `最多选${COLOURS_MAX}个颜色`;
  if (!draft.wearSeason) problems.wearSeason = '选一下什么季节穿';
  return problems;
}

/** The draft a piece being edited starts from. */
export function draftOf(item: WardrobeItemView): Draft {
  return { image: item.image, name: item.name, category: item.category, colours: item.colours.map((c) => ({ ...c })), wearSeason: item.wearSeason, styles: [...item.styles], scenes: [...item.scenes] };
}

/** addItem's input from a complete draft (null while a problem is left). */
export function addInput(draft: Draft): ActionInput<'style', 'addItem'> | null {
  if (Object.keys(draftProblems(draft, false)).length > 0) return null;
  return { image: draft.image!, name: draft.name.trim(), category: draft.category!, colours: draft.colours, wearSeason: draft.wearSeason!, styles: draft.styles, scenes: draft.scenes };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** editItem's input: only the fields that differ from the piece as it is; null when nothing changed or a problem is left. */
export function editInput(item: WardrobeItemView, draft: Draft): ActionInput<'style', 'editItem'> | null {
  if (Object.keys(draftProblems(draft, true)).length > 0) return null;
  const name = draft.name.trim();
  const change: ActionInput<'style', 'editItem'> = {
    id: item.id,
    ...(name !== item.name ? { name } : {}),
    ...(draft.category !== item.category ? { category: draft.category! } : {}),
    ...(!same(draft.colours, item.colours) ? { colours: draft.colours } : {}),
    ...(draft.wearSeason !== item.wearSeason ? { wearSeason: draft.wearSeason! } : {}),
    ...(!same(draft.styles, item.styles) ? { styles: draft.styles } : {}),
    ...(!same(draft.scenes, item.scenes) ? { scenes: draft.scenes } : {}),
  };
  return Object.keys(change).length > 1 ? change : null;
}

/** A colour tapped: chosen or let go; a fourth is refused (the answer says why). */
export function toggleColour(colours: readonly NamedColour[], colour: NamedColour): { colours: NamedColour[]; refused: string | null } {
  if (colours.some((c) => c.name === colour.name)) return { colours: colours.filter((c) => c.name !== colour.name), refused: null };
  if (colours.length >= COLOURS_MAX) return { colours: [...colours], refused: `最多选${COLOURS_MAX}个颜色，先去掉一个` };
  return { colours: [...colours, { name: colour.name, hex: colour.hex.toLowerCase() }], refused: null };
}

/** A style tapped (at most three), a scene tapped: kept in the list's own order. */
export function toggleIn<T>(chosen: readonly T[], value: T, order: readonly T[], max = Infinity): { chosen: T[]; refused: boolean } {
  if (chosen.includes(value)) return { chosen: chosen.filter((x) => x !== value), refused: false };
  if (chosen.length >= max) return { chosen: [...chosen], refused: true };
  return { chosen: order.filter((x) => x === value || chosen.includes(x)), refused: false };
}
