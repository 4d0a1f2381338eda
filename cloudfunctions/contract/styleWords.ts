import * as z from 'zod/mini';
import { CATEGORIES, COLOUR_SEASONS, SCENES, STYLES, WEAR_SEASONS } from './styleVocabulary';

/**
 * The shop's style vocabulary, written once (in styleVocabulary.ts, as plain words) and checked
 * here: the catalogue tags its products with these words, the quiz scores members on them, tags
 * and outfits speak them. (A word added there is a word every part of the app knows.)
 */
export * from './styleVocabulary';

export const styleSchema = z.enum(STYLES);
export const sceneSchema = z.enum(SCENES);
export const categorySchema = z.enum(CATEGORIES);
export const wearSeasonSchema = z.enum(WEAR_SEASONS);
export const colourSeasonSchema = z.enum(COLOUR_SEASONS);

/** A colour as the app shows it: a name and `#rrggbb`. */
export const hexSchema = z.string().check(z.regex(/^#[0-9a-f]{6}$/));
export const namedColourSchema = z.object({ name: z.string(), hex: hexSchema });
export type NamedColour = z.infer<typeof namedColourSchema>;
