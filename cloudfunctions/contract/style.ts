import * as z from 'zod/mini';
import { catalogPageSchema, catalogQuerySchema, productSchema, skuSchema } from './catalog';
import { couponViewSchema } from './coupon';
import { emptyInput, isoInstantSchema } from './fields';
import {
  clothingSizeSchema,
  fitSchema,
  quizAnswersSchema,
  quizIdSchema,
  quizProgressSchema,
  shoeSizeSchema,
  silhouetteSchema,
  styleQuizSchema,
  styleReportSchema,
} from './styleQuiz';
import { categorySchema, colourSeasonSchema, sceneSchema, styleSchema } from './styleWords';
import { outfitsContract } from './outfits';
import { wardrobeContract, wardrobeItemViewSchema } from './wardrobe';

/** A product as a page shows it: the catalogue's record, and (in lists that fit a member) why it is there. */
export const productCardSchema = z.object({
  sku: z.string(),
  name: z.string(),
  category: categorySchema,
  kindName: z.string(),
  priceFen: z.int(),
  colours: z.array(z.object({ name: z.string(), hex: z.string() })),
  styles: z.array(styleSchema),
  image: z.string(),
  /** "法式 · 你的柔秋色 · 常买价位" */
  why: z.optional(z.string()),
});
export type ProductCard = z.infer<typeof productCardSchema>;

/** A board's pieces as pictures: the catalogue's products the function chose for it. */
export const boardPicturesSchema = z.record(z.string(), z.array(productCardSchema));

/** The quiz, the member's answers so far (kept on the server) and where they are. */
export const quizOutput = z.object({
  quiz: styleQuizSchema,
  boardPictures: boardPicturesSchema,
  attempt: z.int(),
  answers: quizAnswersSchema,
  progress: quizProgressSchema,
  /** this attempt is scored: the report is ready (a new save needs 重新测试) */
  scored: z.boolean(),
  /** earlier reports exist (the latest rules) */
  hasReport: z.boolean(),
});

/** One step's answers (or several), for the attempt the page shows. */
export const saveAnswersInput = z.strictObject({ attempt: z.int().check(z.minimum(1)), answers: quizAnswersSchema });
export const saveAnswersOutput = z.object({ attempt: z.int(), answers: quizAnswersSchema, progress: quizProgressSchema });

export const submitInput = z.strictObject({ attempt: z.int().check(z.minimum(1)) });

/** The 穿搭诊断 coupon as the report links to it. */
export const diagnosisCouponSchema = z.object({
  coupon: couponViewSchema,
  /** it arrived with this report (say so), or earlier */
  justIssued: z.boolean(),
});

/** A report as the report page reads it: the stylist's card, products that fit, the coupon. */
export const reportOutput = z.object({
  attempt: z.int(),
  createdAt: isoInstantSchema,
  report: styleReportSchema,
  products: z.array(productCardSchema),
  /** the 穿搭诊断 coupon, if the member holds it (issued once ever, with the first report) */
  diagnosisCoupon: z.nullable(diagnosisCouponSchema),
  /** earlier reports kept (not counting this one) */
  earlier: z.int(),
  /** this is the latest report (the one that rules) */
  latest: z.boolean(),
});
export type StyleReportView = z.infer<typeof reportOutput>;

export const reportInput = z.strictObject({ attempt: z.optional(z.int().check(z.minimum(1))) });

export const historyOutput = z.object({
  reports: z.array(z.object({ attempt: z.int(), createdAt: isoInstantSchema, season: colourSeasonSchema, seasonName: z.string(), primaryStyle: styleSchema, secondaryStyle: styleSchema })),
});

export const retakeInput = z.strictObject({ attempt: z.int().check(z.minimum(1)) });
export const retakeOutput = z.object({ attempt: z.int() });

/** Where a tag came from: the quiz, purchases, what the member opens, the member's own edit, or what they took part in (新品共创, issue 18). */
export const TAG_SOURCES = ['quiz', 'purchase', 'behaviour', 'member', 'programme'] as const;
export const tagSourceSchema = z.enum(TAG_SOURCES);
export type TagSource = z.infer<typeof tagSourceSchema>;

/** One dimension of the member's tags: its values in words, where they came from and when. */
export const memberTagSchema = z.object({
  code: z.string(),
  /** "主风格" */
  label: z.string(),
  /** what the 我的风格档案 groups it under */
  group: z.enum(['style', 'colour', 'body', 'scene', 'price', 'purchase', 'behaviour', 'programme']),
  values: z.array(z.string()),
  source: tagSourceSchema,
  updatedAt: isoInstantSchema,
  /** the member can change it (a preference) in 我的风格档案 */
  editable: z.boolean(),
});
export type MemberTag = z.infer<typeof memberTagSchema>;

/** What 我的风格档案 offers to choose from when editing (the quiz's own choices). */
export const preferenceChoicesSchema = z.object({
  colours: z.array(z.object({ id: z.string(), name: z.string(), hex: z.string() })),
  fits: z.array(fitSchema),
  silhouettes: z.array(z.object({ id: silhouetteSchema, name: z.string() })),
  sizes: z.object({ top: z.array(clothingSizeSchema), bottom: z.array(clothingSizeSchema), shoes: z.array(z.int()) }),
  scenes: z.array(sceneSchema),
});

export const tagsOutput = z.object({
  tags: z.array(memberTagSchema),
  hasReport: z.boolean(),
  /** what the member set themselves, as set (the editor starts from it) */
  preferences: z.object({
    sizes: z.object({ top: z.optional(clothingSizeSchema), bottom: z.optional(clothingSizeSchema), shoes: z.optional(z.int()) }),
    fit: z.object({ top: z.optional(fitSchema), bottom: z.optional(fitSchema), silhouette: z.optional(silhouetteSchema) }),
    scenes: z.optional(z.array(sceneSchema)),
    likedColours: z.optional(z.array(z.string())),
    dislikedColours: z.optional(z.array(z.string())),
  }),
  choices: preferenceChoicesSchema,
});

/** The card's style row: whether a report exists, and its season and leading style. */
export const summaryOutput = z.object({
  hasReport: z.boolean(),
  seasonName: z.nullable(z.string()),
  primaryStyle: z.nullable(styleSchema),
});

/** What the member sets in 我的风格档案 (unset: as the quiz says). An empty list clears a list. */
export const preferencesInput = z.strictObject({
  sizes: z.optional(z.strictObject({ top: z.optional(clothingSizeSchema), bottom: z.optional(clothingSizeSchema), shoes: z.optional(shoeSizeSchema) })),
  fit: z.optional(z.strictObject({ top: z.optional(fitSchema), bottom: z.optional(fitSchema), silhouette: z.optional(silhouetteSchema) })),
  scenes: z.optional(z.array(sceneSchema).check(z.maxLength(5))),
  likedColours: z.optional(z.array(quizIdSchema).check(z.maxLength(40))),
  dislikedColours: z.optional(z.array(quizIdSchema).check(z.maxLength(40))),
});

export const viewProductInput = z.strictObject({ sku: skuSchema });
export const viewProductOutput = z.object({ product: productSchema });

/** The style pages' records in the member's export: the quiz under way, their preferences, what they opened, every report. */
export const exportStyleSchema = z.object({
  quiz: z.nullable(z.object({ attempt: z.int(), answers: quizAnswersSchema, startedAt: isoInstantSchema, scored: z.boolean() })),
  preferences: z.object({
    sizes: z.optional(z.object({ top: z.optional(clothingSizeSchema), bottom: z.optional(clothingSizeSchema), shoes: z.optional(z.number()) })),
    fit: z.optional(z.object({ top: z.optional(fitSchema), bottom: z.optional(fitSchema), silhouette: z.optional(silhouetteSchema) })),
    scenes: z.optional(z.array(sceneSchema)),
    likedColours: z.optional(z.array(z.string())),
    dislikedColours: z.optional(z.array(z.string())),
    /** when each was set */
    setAt: z.optional(z.record(z.string(), isoInstantSchema)),
  }),
  productsOpened: z.object({ styles: z.record(z.string(), z.number()), scenes: z.record(z.string(), z.number()), lastAt: z.nullable(isoInstantSchema) }),
  reports: z.array(z.object({ attempt: z.int(), createdAt: isoInstantSchema, answers: quizAnswersSchema, report: styleReportSchema })),
  /** every wardrobe piece, returned ones too, with the days it was worn */
  wardrobe: z.array(z.extend(wardrobeItemViewSchema, { wornDays: z.array(z.string()) })),
  /** the outfits the member saved */
  savedOutfits: z.array(z.object({ pieces: z.array(z.object({ id: z.string(), slot: categorySchema, name: z.string() })), scene: sceneSchema, reason: z.string(), savedAt: isoInstantSchema })),
  /** 导购为你搭配: the lists stylists made for the member */
  outfitLists: z.array(z.object({ title: z.string(), note: z.string(), storeId: z.string(), staffName: z.string(), createdAt: isoInstantSchema, openedAt: z.nullable(isoInstantSchema), items: z.array(z.object({ kind: z.enum(['product', 'wardrobe']), id: z.string() })) })),
});
export type ExportedStyle = z.infer<typeof exportStyleSchema>;

export const styleContract = {
  quiz: { input: emptyInput, output: quizOutput },
  saveAnswers: { input: saveAnswersInput, output: saveAnswersOutput },
  submit: { input: submitInput, output: reportOutput },
  report: { input: reportInput, output: reportOutput },
  history: { input: emptyInput, output: historyOutput },
  retake: { input: retakeInput, output: retakeOutput },
  tags: { input: emptyInput, output: tagsOutput },
  summary: { input: emptyInput, output: summaryOutput },
  setPreferences: { input: preferencesInput, output: tagsOutput },
  catalog: { input: catalogQuerySchema, output: catalogPageSchema },
  viewProduct: { input: viewProductInput, output: viewProductOutput },
  // 我的衣橱 (contract/wardrobe.ts)
  ...wardrobeContract,
  // 今日穿搭, 搭配这件, saved outfits, 3 天穿搭灵感, 导购为你搭配 (contract/outfits.ts)
  ...outfitsContract,
} as const;
