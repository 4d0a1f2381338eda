import * as z from 'zod/mini';
import { categorySchema, colourSeasonSchema, hexSchema, namedColourSchema, sceneSchema, styleSchema } from './styleWords';

/**
 * The style quiz (风格测试) as the app receives it, a member's answers (partial while they are
 * taking it), and the report scoring makes of them. The words of the shop (styles, scenes,
 * categories, the 12 colour seasons) come from styleWords; this file adds only the quiz's own.
 */

/** Step, board, option and swatch ids: short, stable, safe as object keys. */
export const QUIZ_ID = /^[a-z][a-zA-Z0-9-]{0,39}$/;
export const quizIdSchema = z.string().check(z.regex(QUIZ_ID, 'id is 1–40 letters, digits or "-", starting with a letter'));

// ——— the quiz's own words ———

/** How a member rates an outfit board. */
export const RATINGS = ['喜欢', '一般', '不喜欢'] as const;
export const ratingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof ratingSchema>;

/** The style axes, each −100 (the first word) … 100 (the second). */
export const STYLE_AXES = ['ease', 'trend', 'ornament'] as const;
export const styleAxisSchema = z.enum(STYLE_AXES);
export type StyleAxis = z.infer<typeof styleAxisSchema>;
export const STYLE_AXIS_ENDS: Record<StyleAxis, readonly [string, string]> = { ease: ['利落', '松弛'], trend: ['经典', '潮流'], ornament: ['简约', '装饰'] };

/** The colour axes, each −100 … 100: cool↔warm, light↔deep, soft↔bright, low↔high contrast. */
export const COLOUR_AXES = ['undertone', 'value', 'chroma', 'contrast'] as const;
export const colourAxisSchema = z.enum(COLOUR_AXES);
export type ColourAxis = z.infer<typeof colourAxisSchema>;
export const COLOUR_AXIS_ENDS: Record<ColourAxis, readonly [string, string]> = { undertone: ['冷', '暖'], value: ['浅', '深'], chroma: ['柔和', '鲜明'], contrast: ['低对比', '高对比'] };

/** The colour questions, one step each. */
export const COLOUR_QUESTIONS = ['veins', 'jewellery', 'sun', 'hair', 'eyes', 'contrast'] as const;
export const colourQuestionSchema = z.enum(COLOUR_QUESTIONS);
export type ColourQuestion = z.infer<typeof colourQuestionSchema>;

/** How often a member dresses for a scene. */
export const FREQUENCIES = ['经常', '有时', '很少'] as const;
export const frequencySchema = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof frequencySchema>;

/** Fit per body half (上身 / 下身) and the silhouette they reach for. */
export const BODY_HALVES = ['top', 'bottom'] as const;
export const BODY_HALF_NAMES = { top: '上身', bottom: '下身' } as const;
export const FITS = ['修身', '合身', '宽松'] as const;
export const fitSchema = z.enum(FITS);
export type Fit = z.infer<typeof fitSchema>;
export const SILHOUETTES = ['H', 'X', 'A', 'O'] as const;
export const silhouetteSchema = z.enum(SILHOUETTES);
export type Silhouette = z.infer<typeof silhouetteSchema>;
export const SILHOUETTE_NAMES: Record<Silhouette, string> = { H: '直筒', X: '收腰', A: 'A字', O: '廓形' };

/** Sizes: letter sizes for tops and bottoms, Chinese shoe sizes 34–42. */
export const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export const clothingSizeSchema = z.enum(CLOTHING_SIZES);
export type ClothingSize = z.infer<typeof clothingSizeSchema>;
export const SHOE_SIZES = [34, 35, 36, 37, 38, 39, 40, 41, 42] as const;
export const shoeSizeSchema = z.int().check(z.minimum(34), z.maximum(42));

/** The categories the quiz asks a price for (accessories are not asked). */
export const PRICED_CATEGORIES = ['top', 'bottom', 'dress', 'outer', 'shoes'] as const;
export const pricedCategorySchema = z.enum(PRICED_CATEGORIES);
export type PricedCategory = z.infer<typeof pricedCategorySchema>;

/** A price band in fen; `maxFen` null is open-ended ("¥800以上"). */
export const priceBandSchema = z.object({ minFen: z.int().check(z.minimum(0)), maxFen: z.nullable(z.int().check(z.minimum(0))) });
export type PriceBand = z.infer<typeof priceBandSchema>;

// ——— the quiz definition, as the app receives it ———

/** One piece of a board: the function fills it with a catalogue product of this category and style, near this colour. */
export const boardPieceSchema = z.object({ category: categorySchema, styles: z.array(styleSchema).check(z.minLength(1)), hex: hexSchema });
export const boardSchema = z.object({ id: quizIdSchema, title: z.string(), pieces: z.array(boardPieceSchema).check(z.minLength(3), z.maxLength(4)) });
export type Board = z.infer<typeof boardSchema>;

/** A picture answer: a label and the swatch the UI paints. */
export const swatchOptionSchema = z.object({ id: quizIdSchema, label: z.string(), hex: hexSchema });
export type SwatchOption = z.infer<typeof swatchOptionSchema>;
/** A colour a member may love or avoid. */
export const colourChoiceSchema = z.object({ id: quizIdSchema, name: z.string(), hex: hexSchema });
export type ColourChoice = z.infer<typeof colourChoiceSchema>;
/** A price option: a band, or null for "很少买". */
export const priceOptionSchema = z.object({ id: quizIdSchema, label: z.string(), band: z.nullable(priceBandSchema) });
export type PriceOption = z.infer<typeof priceOptionSchema>;

const stepBase = { id: quizIdSchema, title: z.string(), hint: z.string() };
export const quizStepSchema = z.discriminatedUnion('kind', [
  /** rate each board 喜欢 / 一般 / 不喜欢 */
  z.object({ ...stepBase, kind: z.literal('boards'), boards: z.array(boardSchema).check(z.minLength(1), z.maxLength(4)) }),
  /** pick one swatch */
  z.object({ ...stepBase, kind: z.literal('colour'), question: colourQuestionSchema, options: z.array(swatchOptionSchema).check(z.minLength(2)) }),
  /** pick any colours loved and any avoided (never both for one colour) */
  z.object({ ...stepBase, kind: z.literal('likes'), colours: z.array(colourChoiceSchema).check(z.minLength(2)) }),
  /** a frequency per scene */
  z.object({ ...stepBase, kind: z.literal('scenes'), scenes: z.array(sceneSchema), frequencies: z.array(frequencySchema) }),
  /** a fit per body half, and a silhouette */
  z.object({
    ...stepBase,
    kind: z.literal('fit'),
    halves: z.array(z.object({ half: z.enum(BODY_HALVES), label: z.string() })),
    fits: z.array(fitSchema),
    silhouettes: z.array(z.object({ id: silhouetteSchema, name: z.string(), hint: z.string() })),
  }),
  z.object({ ...stepBase, kind: z.literal('sizes'), top: z.array(clothingSizeSchema), bottom: z.array(clothingSizeSchema), shoes: z.array(shoeSizeSchema) }),
  /** what they usually pay, per category */
  z.object({
    ...stepBase,
    kind: z.literal('prices'),
    categories: z.array(z.object({ category: pricedCategorySchema, label: z.string(), options: z.array(priceOptionSchema).check(z.minLength(2)) })),
  }),
]);
export type QuizStep = z.infer<typeof quizStepSchema>;
export type QuizStepKind = QuizStep['kind'];

export const styleQuizSchema = z.object({ version: z.string(), title: z.string(), steps: z.array(quizStepSchema).check(z.minLength(12), z.maxLength(16)) });
export type StyleQuiz = z.infer<typeof styleQuizSchema>;

// ——— a member's answers ———

/**
 * Answers as saved while the quiz is under way: any part may be missing. Ids are checked against
 * the quiz by the domain (`checkAnswers`), which alone says whether they are complete.
 */
export const quizAnswersSchema = z.strictObject({
  /** board id → rating (a bounded map: it comes from the app) */
  boards: z.optional(z.record(quizIdSchema, ratingSchema).check(z.refine((r) => Object.keys(r).length <= 40, 'at most 40 board ratings'))),
  /** colour question → option id */
  colour: z.optional(z.partialRecord(colourQuestionSchema, quizIdSchema)),
  /** colour choice ids; an empty list is an answer ("none") */
  likedColours: z.optional(z.array(quizIdSchema).check(z.maxLength(40))),
  dislikedColours: z.optional(z.array(quizIdSchema).check(z.maxLength(40))),
  scenes: z.optional(z.partialRecord(sceneSchema, frequencySchema)),
  fit: z.optional(z.strictObject({ top: z.optional(fitSchema), bottom: z.optional(fitSchema), silhouette: z.optional(silhouetteSchema) })),
  sizes: z.optional(z.strictObject({ top: z.optional(clothingSizeSchema), bottom: z.optional(clothingSizeSchema), shoes: z.optional(shoeSizeSchema) })),
  /** priced category → price option id */
  prices: z.optional(z.partialRecord(pricedCategorySchema, quizIdSchema)),
});
export type QuizAnswers = z.infer<typeof quizAnswersSchema>;

/** Answers with every part there (the domain's `checkAnswers` also checks every id against the quiz). */
export const completeAnswersSchema = z.strictObject({
  boards: z.record(quizIdSchema, ratingSchema),
  colour: z.record(colourQuestionSchema, quizIdSchema),
  likedColours: z.array(quizIdSchema),
  dislikedColours: z.array(quizIdSchema),
  scenes: z.record(sceneSchema, frequencySchema),
  fit: z.strictObject({ top: fitSchema, bottom: fitSchema, silhouette: silhouetteSchema }),
  sizes: z.strictObject({ top: clothingSizeSchema, bottom: clothingSizeSchema, shoes: shoeSizeSchema }),
  prices: z.record(pricedCategorySchema, quizIdSchema),
});
export type CompleteAnswers = z.infer<typeof completeAnswersSchema>;

/** Why answers cannot be scored yet (a value, never a throw). */
export const answersProblemSchema = z.discriminatedUnion('code', [
  /** steps not (fully) answered, in quiz order */
  z.object({ code: z.literal('incomplete'), steps: z.array(quizIdSchema) }),
  /** an id the quiz does not offer at that step */
  z.object({ code: z.literal('unknownOption'), step: quizIdSchema, option: z.string() }),
  /** a colour both loved and avoided */
  z.object({ code: z.literal('lovedAndAvoided'), step: quizIdSchema, colours: z.array(quizIdSchema) }),
]);
export type AnswersProblem = z.infer<typeof answersProblemSchema>;

/** How far a member is: for the progress bar, and where to pick up. */
export const quizProgressSchema = z.object({ answered: z.int(), total: z.int(), missingSteps: z.array(quizIdSchema) });
export type QuizProgress = z.infer<typeof quizProgressSchema>;

// ——— the report ———

const percent = z.int().check(z.minimum(0), z.maximum(100));
const axisScore = z.number().check(z.minimum(-100), z.maximum(100));
export const styleShareSchema = z.object({ style: styleSchema, share: percent });
export type StyleShare = z.infer<typeof styleShareSchema>;
export const colourAxesSchema = z.object({ undertone: axisScore, value: axisScore, chroma: axisScore, contrast: axisScore });
export type ColourAxes = z.infer<typeof colourAxesSchema>;
export const paletteSchema = z.object({
  wear: z.array(namedColourSchema),
  avoid: z.array(namedColourSchema),
  neutrals: z.array(namedColourSchema),
  /** 金 / 银 / 玫瑰金 … */
  metals: z.array(namedColourSchema),
});
export type Palette = z.infer<typeof paletteSchema>;

/** A colour the member loves, and what the palette says of it: suits (in wear or neutrals), avoid, or maybe (neither). */
export const LIKED_VERDICTS = ['suits', 'avoid', 'maybe'] as const;
export const likedColourSchema = z.object({ name: z.string(), hex: hexSchema, verdict: z.enum(LIKED_VERDICTS), note: z.string() });
export type LikedColour = z.infer<typeof likedColourSchema>;

export const styleReportSchema = z.object({
  quizVersion: z.string(),
  weightsVersion: z.string(),
  style: z.object({
    primary: styleShareSchema,
    secondary: styleShareSchema,
    /** all nine, largest first, summing to exactly 100 */
    shares: z.array(styleShareSchema),
    /** each −100 … 100, with words ("偏利落") */
    axes: z.array(z.object({ axis: styleAxisSchema, score: axisScore, ends: z.tuple([z.string(), z.string()]), words: z.string() })),
    /** which boards drove it, in shop words */
    why: z.array(z.string()),
  }),
  colour: z.object({
    season: colourSeasonSchema,
    /** 0–100: how much nearer the season's centre is than the runner-up's */
    confidence: percent,
    runnerUp: colourSeasonSchema,
    axes: colourAxesSchema,
    /** "暖调、明度中等、柔和：秋季型 · 柔秋" */
    sentence: z.string(),
    why: z.array(z.string()),
  }),
  palette: paletteSchema,
  /** the member's own loves and dislikes, apart from what suits them (they never move the season) */
  likedColours: z.array(likedColourSchema),
  dislikedColours: z.array(namedColourSchema),
  /** most worn first; weights in percent, summing to 100 */
  scenes: z.array(z.object({ scene: sceneSchema, frequency: frequencySchema, weight: percent })),
  fit: z.object({ top: fitSchema, bottom: fitSchema, silhouette: silhouetteSchema, silhouetteName: z.string() }),
  sizes: z.object({ top: clothingSizeSchema, bottom: clothingSizeSchema, shoes: shoeSizeSchema }),
  /** the categories they buy, with what they usually pay ("很少买" categories are left out) */
  priceBands: z.array(z.object({ category: pricedCategorySchema, label: z.string(), minFen: z.int(), maxFen: z.nullable(z.int()) })),
  /** where the 穿搭诊断 coupon goes, and why */
  topCategory: categorySchema,
  topCategoryWhy: z.string(),
});
export type StyleReport = z.infer<typeof styleReportSchema>;

// ——— the weights the stylists tune (database/seed/styleWeights.json) ———

const colourMoveSchema = z.strictObject({ undertone: z.number(), value: z.number(), chroma: z.number(), contrast: z.number() });
export type ColourMove = z.infer<typeof colourMoveSchema>;
const weight = z.number().check(z.minimum(0));

/**
 * The scoring numbers as data. A board's rating multiplies the board's style and axis weights;
 * a colour answer moves the four colour axes; each season has a centre in that space and a
 * palette; a scene's frequency weighs its needs per category (for the 穿搭诊断 coupon).
 */
export const styleWeightsSchema = z.strictObject({
  _comment: z.optional(z.string()),
  version: z.string().check(z.minLength(1)),
  /** what a rating multiplies a board's weights by (不喜欢 negative: it pulls away) */
  ratings: z.record(ratingSchema, z.number()),
  /** board id → the styles it shows (≥ 0) and where it sits on each axis (−100 … 100) */
  boards: z.record(quizIdSchema, z.strictObject({ styles: z.partialRecord(styleSchema, weight), axes: z.record(styleAxisSchema, axisScore) })),
  /** colour question → option id → how the answer moves each colour axis */
  colour: z.record(colourQuestionSchema, z.record(quizIdSchema, colourMoveSchema)),
  /** how much contrast counts against the three main axes in the season distance (0–1) */
  contrastWeight: z.number().check(z.minimum(0), z.maximum(1)),
  seasons: z.record(colourSeasonSchema, z.strictObject({ centre: z.strictObject({ undertone: axisScore, value: axisScore, chroma: axisScore, contrast: axisScore }), palette: paletteSchema })),
  /** how much a scene counts at each frequency */
  frequencies: z.record(frequencySchema, weight),
  /** scene → how much it calls for each priced category */
  sceneNeeds: z.record(sceneSchema, z.record(pricedCategorySchema, weight)),
});
export type StyleWeights = z.infer<typeof styleWeightsSchema>;
