import * as z from 'zod/mini';
import { isoInstantSchema } from './fields';
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
export const pieceIdSchema = z.string().check(z.minLength(1), z.maxLength(160));

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
