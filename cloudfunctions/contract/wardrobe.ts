import * as z from 'zod/mini';
import { isoInstantSchema, visibleText, visibleWordSchema } from './fields';
import { CLOUD_FILE_ID } from './formats';
import { categorySchema, hexSchema, namedColourSchema, sceneSchema, styleSchema, wearSeasonSchema } from './styleWords';

/** A wardrobe piece's id, as the wardrobe hands it out. */
export const wardrobeItemIdSchema = z.string().check(z.regex(/^[A-Za-z0-9:_-]{1,160}$/, 'id is 1–160 letters, digits, ":", "_" or "-"'));

/** A piece as the wardrobe pages show it: what it is, where it came from, how it has been worn. */
export const wardrobeItemViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: categorySchema,
  categoryName: z.string(),
  colours: z.array(namedColourSchema),
  styles: z.array(styleSchema),
  scenes: z.array(sceneSchema),
  wearSeason: wearSeasonSchema,
  image: z.string(),
  size: z.nullable(z.string()),
  status: z.enum(['active', 'archived', 'returned']),
  source: z.enum(['purchase', 'own']),
  /** "门店购买 · 2026-11-25 · 悦衣库 上海静安店" or "我添加的" */
  origin: z.string(),
  wears: z.int(),
  lastWornAt: z.nullable(isoInstantSchema),
  /** price ÷ wears, for purchases worn at least once (fen) */
  costPerWearFen: z.nullable(z.int()),
  /** not worn for 6 weeks (被遗忘的宝贝) */
  forgotten: z.boolean(),
  /** worn today already (今天穿了 is done) */
  wornToday: z.boolean(),
});
export type WardrobeItemView = z.infer<typeof wardrobeItemViewSchema>;

export const wardrobeInput = z.strictObject({
  category: z.optional(categorySchema),
  /** a colour's name, as the swatches name it */
  colour: z.optional(visibleWordSchema(12, 'colour is a swatch name of 1–12 visible characters')),
  wearSeason: z.optional(wearSeasonSchema),
  /** 已收起 pieces instead of the wardrobe */
  archived: z.optional(z.boolean()),
});
export const wardrobeOutput = z.object({
  items: z.array(wardrobeItemViewSchema),
  counts: z.object({ active: z.int(), archived: z.int(), own: z.int(), ownQuota: z.int() }),
  /** 被遗忘的宝贝: pieces not worn for 6 weeks, longest forgotten first */
  forgotten: z.array(wardrobeItemViewSchema),
});

export const wardrobeItemInput = z.strictObject({ id: wardrobeItemIdSchema });
export const wardrobeItemOutput = z.object({ item: wardrobeItemViewSchema });

/** A colour a member picks for a piece: a swatch's name and hex, nothing more (the stored views may carry more). */
const colourPicked = z.strictObject({ name: visibleWordSchema(12, 'a colour is named by its swatch'), hex: hexSchema });

/** What a member says about a piece they add by hand (or edit). */
const pieceFields = {
  name: z.string().check(z.maxLength(160, '名字最多20个字'), z.trim(), z.minLength(1, '写一个名字，比如 白衬衫'), z.maxLength(20, '名字最多20个字'), visibleText(20, '名字只能用看得见的字')),
  category: categorySchema,
  colours: z.array(colourPicked).check(z.minLength(1, '选一个颜色'), z.maxLength(3, '最多选3个颜色')),
  wearSeason: wearSeasonSchema,
  styles: z.array(styleSchema).check(z.maxLength(3, '最多选3个风格')),
  scenes: z.array(sceneSchema).check(z.maxLength(5)),
  size: z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z0-9]{1,8}$/, 'size is 1–8 letters or digits')))),
};

export const addItemInput = z.strictObject({
  /** the app's id for this add (8–32 letters, digits, "_" or "-"): a retry after a timeout adds the piece once */
  requestId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/, 'requestId is 8–32 letters, digits, "_" or "-"'))),
  /** the photo: a file id of the programme's own cloud storage (uploaded with chooseMedia) */
  image: z.string().check(z.maxLength(512), z.regex(CLOUD_FILE_ID, 'image is a cloud file id (cloud://…)')),
  ...pieceFields,
});
export const editItemInput = z.strictObject({
  id: wardrobeItemIdSchema,
  name: z.optional(pieceFields.name),
  category: z.optional(pieceFields.category),
  colours: z.optional(pieceFields.colours),
  wearSeason: z.optional(pieceFields.wearSeason),
  styles: z.optional(pieceFields.styles),
  scenes: z.optional(pieceFields.scenes),
  size: pieceFields.size,
});
export const archiveItemInput = z.strictObject({ id: wardrobeItemIdSchema, archived: z.boolean() });
export const removeItemInput = z.strictObject({ id: wardrobeItemIdSchema });
export const removeItemOutput = z.object({ removed: z.literal(true) });

/** 今天穿了 on one piece or a whole outfit's pieces. */
export const wearInput = z.strictObject({
  ids: z.array(wardrobeItemIdSchema).check(z.minLength(1), z.maxLength(6), z.refine((ids) => new Set(ids).size === ids.length, 'a piece is named twice')),
});
export const wearOutput = z.object({ items: z.array(wardrobeItemViewSchema), day: z.string() });

export const wardrobeContract = {
  wardrobe: { input: wardrobeInput, output: wardrobeOutput },
  wardrobeItem: { input: wardrobeItemInput, output: wardrobeItemOutput },
  addItem: { input: addItemInput, output: wardrobeItemOutput },
  editItem: { input: editItemInput, output: wardrobeItemOutput },
  archiveItem: { input: archiveItemInput, output: wardrobeItemOutput },
  removeItem: { input: removeItemInput, output: removeItemOutput },
  wear: { input: wearInput, output: wearOutput },
} as const;
