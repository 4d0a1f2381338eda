import * as z from 'zod/mini';
import { isoInstantSchema, opaqueIdSchema, optionalWordsSchema } from './fields';
import { categorySchema, namedColourSchema, sceneSchema, styleSchema, wearSeasonSchema, type Category } from './styleWords';

/**
 * Outfits as the engine (domain/outfits), the `style` function and the pages share them: the piece
 * the engine dresses a member in, an outfit of such pieces, and why none could be made. The
 * function maps wardrobe items and catalogue products into pieces; the pages show what comes back.
 */

/** Where a piece is: bought at the till (门店购买), added by the member (我添加的), or the store's catalogue (to complete a look). */
export const PIECE_SOURCES = ['purchase', 'own', 'catalogue'] as const;
export const pieceSourceSchema = z.enum(PIECE_SOURCES);
export type PieceSource = z.infer<typeof pieceSourceSchema>;

/** Ids the engine names pieces by: a wardrobe item's id (contract/wardrobe: up to 160 characters), or a catalogue product's SKU. */
export const pieceIdSchema = opaqueIdSchema(160);

export const wardrobePieceSchema = z.object({
  id: pieceIdSchema,
  source: pieceSourceSchema,
  category: categorySchema,
  /** "纯棉圆领T恤·燕麦"; optional: a photo the member added may have no name */
  name: z.optional(z.string().check(z.maxLength(40))),
  /** the main colour first (it is the one the engine judges); a second one is trim or pattern */
  colours: z.array(namedColourSchema).check(z.minLength(1), z.maxLength(4)),
  /** may be empty for a piece the member added without saying */
  styles: z.array(styleSchema),
  /** may be empty: the engine reads an untagged piece as everyday wear (休闲) */
  scenes: z.array(sceneSchema),
  wearSeason: wearSeasonSchema,
  /** what was paid (purchases) or the catalogue price; absent for the member's own pieces */
  priceFen: z.optional(z.int().check(z.minimum(0))),
  image: z.string().check(z.minLength(1)),
  /** when it arrived in the wardrobe (purchase or upload); absent for catalogue products */
  addedAt: z.optional(isoInstantSchema),
  lastWornAt: z.optional(isoInstantSchema),
  wears: z.optional(z.int().check(z.minimum(0))),
});
export type WardrobePiece = z.infer<typeof wardrobePieceSchema>;

/**
 * An outfit's slots. The catalogue's categories are the slots, so a piece fills the slot of its
 * category: top + bottom + shoes, or dress + shoes; an outer layer and an accessory may join.
 */
export type Slot = Category;
export const outfitSlotsSchema = z.object({
  top: z.optional(wardrobePieceSchema),
  bottom: z.optional(wardrobePieceSchema),
  dress: z.optional(wardrobePieceSchema),
  shoes: wardrobePieceSchema,
  outer: z.optional(wardrobePieceSchema),
  accessory: z.optional(wardrobePieceSchema),
});
export type OutfitSlots = z.infer<typeof outfitSlotsSchema>;

export const outfitSchema = z.object({
  slots: outfitSlotsSchema,
  /** 0–100: how well it does on every rule together */
  score: z.int().check(z.minimum(0), z.maximum(100)),
  /** one line in shop words: "同为通勤风，藏青配米白，符合你的柔夏色彩" */
  reason: z.string(),
  /** the pieces the store sells to complete it (SKUs), none when the wardrobe had them all */
  fromCatalogue: z.array(pieceIdSchema),
});
export type Outfit = z.infer<typeof outfitSchema>;

/** Why no outfit could be made (a value, never a throw). */
export const OUTFIT_PROBLEMS = ['nothingToWear', 'missingPiece', 'onlyYesterday', 'pieceUnfit'] as const;
export const outfitProblemSchema = z.object({
  code: z.enum(OUTFIT_PROBLEMS),
  /** the slot nothing could fill (missingPiece) */
  slot: z.optional(categorySchema),
  /** in shop words: "今天 3°C 要穿外套，衣橱和店里都没有合适的外套" */
  message: z.string(),
});
export type OutfitProblem = z.infer<typeof outfitProblemSchema>;

/** The engine's answer: outfits, best first (fewest catalogue pieces first), or none and why. */
export const outfitPlanSchema = z.object({ outfits: z.array(outfitSchema), problem: z.nullable(outfitProblemSchema) });
export type OutfitPlan = z.infer<typeof outfitPlanSchema>;

// ——— the offline weather: monthly climate norms (database/seed/climateNorms.json) ———

const monthlyMeans = z.array(z.number().check(z.minimum(-40), z.maximum(40))).check(z.length(12));

export const climateNormsSchema = z.strictObject({
  _comment: z.optional(z.string()),
  /** where the figures come from, for whoever updates them */
  source: z.string().check(z.minLength(1)),
  /** "1991-2020" */
  period: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  /** city (as a store names it: "上海") → the mean daily temperature of each month, January first, °C */
  cities: z.record(z.string().check(z.minLength(1)), monthlyMeans),
});
export type ClimateNorms = z.infer<typeof climateNormsSchema>;

// ——— what the `style` function's outfit actions take and answer ———

/** A piece named by the app: a wardrobe item's id or a catalogue product's SKU. */
export const outfitPieceIdsSchema = z.array(pieceIdSchema).check(z.minLength(2, 'an outfit has at least 2 pieces'), z.maxLength(6, 'an outfit has at most 6 pieces'), z.refine((ids) => new Set(ids).size === ids.length, 'a piece is named twice'));

/** An outfit as the pages show it: the engine's, with its key (the same pieces, the same key) and whether it is saved. */
export const outfitViewSchema = z.extend(outfitSchema, { key: z.string(), saved: z.boolean() });
export type OutfitView = z.infer<typeof outfitViewSchema>;

/** The day the outfits are for: the shop day, the city whose climate stood in for the weather, the scene. */
export const outfitDaySchema = z.object({
  day: z.string(),
  city: z.nullable(z.string()),
  temperatureC: z.number(),
  /** "上海 · 今天约 9°C（按历年同期气候）" */
  weatherNote: z.string(),
  scene: sceneSchema,
});

export const outfitsAnswerSchema = z.object({ day: outfitDaySchema, outfits: z.array(outfitViewSchema), problem: z.nullable(outfitProblemSchema) });
export type OutfitsAnswer = z.infer<typeof outfitsAnswerSchema>;

export const todayOutfitsInput = z.strictObject({ scene: z.optional(sceneSchema) });
export const swapPieceInput = z.strictObject({ pieceIds: outfitPieceIdsSchema, slot: categorySchema, scene: z.optional(sceneSchema) });
/** 搭配这件: a wardrobe piece (`id`) or a catalogue product (`sku`), one of them. */
export const completeLookInput = z.strictObject({ id: z.optional(pieceIdSchema), sku: z.optional(pieceIdSchema), scene: z.optional(sceneSchema) });

/** A saved outfit: its pieces as they were when saved (a piece put away later still shows). */
export const savedOutfitSchema = z.object({
  id: z.string(),
  pieces: z.array(z.object({ id: z.string(), slot: categorySchema, name: z.string(), image: z.string(), source: pieceSourceSchema, available: z.boolean() })),
  scene: sceneSchema,
  reason: z.string(),
  savedAt: isoInstantSchema,
});
export type SavedOutfit = z.infer<typeof savedOutfitSchema>;
export const saveOutfitInput = z.strictObject({ pieceIds: outfitPieceIdsSchema, scene: sceneSchema, reason: z.optional(optionalWordsSchema(80, 'reason is at most 80 visible characters')) });
export const saveOutfitOutput = z.object({ outfit: savedOutfitSchema });
export const savedOutfitsOutput = z.object({ outfits: z.array(savedOutfitSchema), quota: z.int() });
export const removeOutfitInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9:_-]{1,160}$/)) });

/** 3 天穿搭灵感: the outfit of the day for the first 3 days after the first style report. */
export const inspirationOutput = z.object({
  /** 1–3 while it runs, null after (or before a report) */
  dayNumber: z.nullable(z.int()),
  outfit: z.nullable(outfitViewSchema),
  day: z.nullable(outfitDaySchema),
});

/** 导购为你搭配: a list a store's stylist made for the member — products and pieces of their wardrobe. */
export const outfitListSchema = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string(),
  /** who made it: "悦衣库 上海静安店 · 林店长" */
  from: z.string(),
  createdAt: isoInstantSchema,
  opened: z.boolean(),
  items: z.array(z.object({ id: z.string(), kind: z.enum(['product', 'wardrobe']), name: z.string(), image: z.string(), priceFen: z.nullable(z.int()), available: z.boolean() })),
});
export type OutfitList = z.infer<typeof outfitListSchema>;
export const outfitListsOutput = z.object({ lists: z.array(outfitListSchema) });
export const openOutfitListInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9:_-]{1,160}$/)) });
export const openOutfitListOutput = z.object({ list: outfitListSchema });

export const outfitsContract = {
  todayOutfits: { input: todayOutfitsInput, output: outfitsAnswerSchema },
  swapPiece: { input: swapPieceInput, output: outfitsAnswerSchema },
  completeLook: { input: completeLookInput, output: outfitsAnswerSchema },
  saveOutfit: { input: saveOutfitInput, output: saveOutfitOutput },
  savedOutfits: { input: z.strictObject({}), output: savedOutfitsOutput },
  removeOutfit: { input: removeOutfitInput, output: z.object({ removed: z.literal(true) }) },
  inspiration: { input: z.strictObject({}), output: inspirationOutput },
  outfitLists: { input: z.strictObject({}), output: outfitListsOutput },
  openOutfitList: { input: openOutfitListInput, output: openOutfitListOutput },
} as const;
