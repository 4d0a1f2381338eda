import type { ActionName, ActionOutput, CompleteAnswers, ErrorCode, QuizAnswers, StyleWeights } from '../../../cloudfunctions/contract';
import type { MemberTag, ProductCard, StyleReportView } from '../../../cloudfunctions/contract/style';
import type { QuizStep } from '../../../cloudfunctions/contract/styleQuiz';
import type { OutfitProblem, OutfitsAnswer, OutfitView, WardrobePiece } from '../../../cloudfunctions/contract/outfits';
import { CATEGORY_NAMES, type Category, type Scene } from '../../../cloudfunctions/contract/styleWords';
import type { WardrobeItemView } from '../../../cloudfunctions/contract/wardrobe';
import { quizProgress, scoreQuiz, STYLE_QUIZ } from '../../../cloudfunctions/domain/style';
import { colourChoicesOf, preferenceChoices } from '../../../cloudfunctions/domain/style/lookup';
import type { StylePreferences } from '../../../cloudfunctions/domain/style/records';
import { memberTags } from '../../../cloudfunctions/domain/tags';
import weightsSeed from '../../../cloudfunctions/database/seed/styleWeights.json';
import { fail, ok } from './member';
import { type CloudRequest, programFunction } from './taro';

/**
 * A fake `style` function for the style pages' tests, beside whatever answers the other functions:
 * each action answers from the table the test gives (an envelope or a function of the request's
 * data); an action left out answers INTERNAL. The quiz is the real one (domain/style), and reports
 * are scored from answers by the real scoring with the seeded weights, so the fixtures are what the
 * function would send.
 */
type StyleAction = ActionName<'style'>;
type Answer<A extends StyleAction> = { ok: true; data: ActionOutput<'style', A> } | { ok: false; error: { code: ErrorCode; message: string } };
export type StyleAnswers = { [A in StyleAction]?: Answer<A> | ((data: Record<string, unknown>) => Answer<A> | Promise<Answer<A>>) };

export function programStyle(answers: StyleAnswers): void {
  programFunction('style', async ({ data }: CloudRequest) => {
    const answer = answers[data.action as StyleAction];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

/** The function's own words for a failure (INVALID_INPUT from the quiz's checks is written for shoppers). */
export const failWith = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

export const QUIZ = STYLE_QUIZ;
export const STEPS: QuizStep[] = QUIZ.steps;
export const stepIndex = (id: string) => STEPS.findIndex((s) => s.id === id);

/** A catalogue piece as a board or the report shows it. */
export function product(sku: string, over: Partial<ProductCard> = {}): ProductCard {
  return {
    sku,
    name: `单品${sku}·燕麦`,
    category: 'top',
    kindName: 'T恤',
    priceFen: 19900,
    colours: [{ name: '燕麦', hex: '#d8cbb3' }],
    styles: ['简约'],
    image: `/static/products/${sku}.svg`,
    ...over,
  };
}

/** Every board's pictures: as many pieces as the board has, named by the board. */
export const BOARD_PICTURES: Record<string, ProductCard[]> = Object.fromEntries(
  STEPS.flatMap((s) => (s.kind === 'boards' ? s.boards : [])).map((b) => [b.id, b.pieces.map((p, i) => product(`YY${b.id.toUpperCase().slice(0, 6)}${i}`, { category: p.category }))]),
);

/** Answers to every step: boards loved, the second option of each colour question, and so on. */
export const COMPLETE: CompleteAnswers = (() => {
  const a: CompleteAnswers = {
    boards: {},
    colour: {} as CompleteAnswers['colour'],
    likedColours: ['camel', 'olive'],
    dislikedColours: ['fuchsia'],
    scenes: {} as CompleteAnswers['scenes'],
    fit: { top: '合身', bottom: '宽松', silhouette: 'H' },
    sizes: { top: 'M', bottom: 'M', shoes: 37 },
    prices: {} as CompleteAnswers['prices'],
  };
  for (const s of STEPS) {
    if (s.kind === 'boards') for (const b of s.boards) a.boards[b.id] = '喜欢';
    if (s.kind === 'colour') a.colour[s.question] = s.options[1]!.id;
    if (s.kind === 'scenes') for (const scene of s.scenes) a.scenes[scene] = '有时';
    if (s.kind === 'prices') for (const c of s.categories) a.prices[c.category] = c.options[2]!.id;
  }
  return a;
})();

/** The answers of the steps before `stepId` (the member stopped there). */
export function answeredUpTo(stepId: string): QuizAnswers {
  const upTo = STEPS.slice(0, stepIndex(stepId));
  const a: QuizAnswers = {};
  for (const s of upTo) {
    if (s.kind === 'boards') a.boards = { ...a.boards, ...Object.fromEntries(s.boards.map((b) => [b.id, COMPLETE.boards[b.id]!])) };
    if (s.kind === 'colour') a.colour = { ...a.colour, [s.question]: COMPLETE.colour[s.question] };
    if (s.kind === 'likes') Object.assign(a, { likedColours: COMPLETE.likedColours, dislikedColours: COMPLETE.dislikedColours });
    if (s.kind === 'scenes') a.scenes = COMPLETE.scenes;
    if (s.kind === 'fit') a.fit = COMPLETE.fit;
    if (s.kind === 'sizes') a.sizes = COMPLETE.sizes;
    if (s.kind === 'prices') a.prices = COMPLETE.prices;
  }
  return a;
}

/** The quiz action's answer for a member with these answers on this attempt. */
export function quizAnswer(answers: QuizAnswers = {}, over: Partial<ActionOutput<'style', 'quiz'>> = {}): ActionOutput<'style', 'quiz'> {
  return { quiz: QUIZ, boardPictures: BOARD_PICTURES, attempt: 1, answers, progress: quizProgress(answers, QUIZ), scored: false, hasReport: false, ...over };
}

/** What saveAnswers answers: the held answers with the saved ones merged in, as the function does. */
export function merged(held: QuizAnswers, saved: QuizAnswers): QuizAnswers {
  const out: QuizAnswers = { ...held };
  for (const part of ['boards', 'colour', 'scenes', 'fit', 'sizes', 'prices'] as const) if (saved[part]) Object.assign(out, { [part]: { ...held[part], ...saved[part] } });
  if (saved.likedColours) out.likedColours = saved.likedColours;
  if (saved.dislikedColours) out.dislikedColours = saved.dislikedColours;
  return out;
}

/**
 * A style function that keeps the answers as the real one does: quiz reads them, saveAnswers merges
 * the step sent, submit scores them. `answers` is the member's answers held on the server.
 */
export function keepingAnswers(start: QuizAnswers = {}, over: StyleAnswers = {}) {
  const held = { answers: start, saves: [] as QuizAnswers[] };
  programStyle({
    quiz: () => ok(quizAnswer(held.answers)),
    saveAnswers: (data) => {
      held.saves.push(data.answers as QuizAnswers);
      held.answers = merged(held.answers, data.answers as QuizAnswers);
      return ok({ attempt: 1, answers: held.answers, progress: quizProgress(held.answers, QUIZ) });
    },
    submit: () => ok(reportView(held.answers as CompleteAnswers)),
    ...over,
  });
  return held;
}

const WEIGHTS = weightsSeed as unknown as StyleWeights;

/** The report view the function would send for complete answers (products and coupon as given). */
export function reportView(answers: CompleteAnswers = COMPLETE, over: Partial<StyleReportView> = {}): StyleReportView {
  const scored = scoreQuiz(answers, WEIGHTS, QUIZ);
  if (!scored.ok) throw new Error(`the fixture answers do not score: ${JSON.stringify(scored.problem)}`);
  return {
    attempt: 1,
    createdAt: '2026-11-25T02:00:00.000Z',
    report: scored.report,
    products: [
      product('YYCOA022', { name: '短款羽绒服·焦糖', category: 'outer', kindName: '羽绒服', priceFen: 89900, colours: [{ name: '焦糖', hex: '#a8693a' }], styles: ['休闲', '街头'], why: '休闲 · 暖秋适合的焦糖 · 你常买的价位' }),
      product('YYHEE011', { name: '尖头中跟鞋·裸杏', category: 'shoes', kindName: '高跟鞋', priceFen: 55950, colours: [{ name: '裸杏', hex: '#e2c2ae' }], styles: ['优雅', '通勤'], why: '通勤 · 暖秋适合的裸杏 · 你常买的价位' }),
    ],
    diagnosisCoupon: { coupon: DIAGNOSIS_COUPON, justIssued: false },
    earlier: 0,
    latest: true,
    ...over,
  };
}

export const DIAGNOSIS_COUPON: NonNullable<StyleReportView['diagnosisCoupon']>['coupon'] = {
  templateId: 'style-diagnosis-top',
  name: '穿搭诊断·上装券',
  kind: 'categoryAmountOff',
  value: '¥50',
  rule: '上装满¥299可用',
  notes: ['仅限上装', '可与其他可叠加的券同用'],
  couponId: 'style-diagnosis:248780046127:first',
  status: 'available',
  channel: 'style',
  issuedAt: '2026-11-25T02:00:00.000Z',
  validFrom: '2026-11-25T02:00:00.000Z',
  validUntil: '2026-12-25T16:00:00.000Z',
  validityText: '2026-12-25 23:59 前有效',
  expiringSoon: false,
  usedAt: null,
  endedReason: null,
};

/**
 * The member's tags as the function derives them (the real tag rules) from the fixture report and
 * the preferences they set themselves; none before any quiz.
 */
export function tagsFor(options: { report?: boolean; preferences?: StylePreferences } = {}): MemberTag[] {
  const { report = true, preferences = {} } = options;
  const colourChoices = new Map(colourChoicesOf(QUIZ).map((c) => [c.id, c]));
  return memberTags({
    report: report ? { report: reportView().report, createdAt: new Date('2026-11-25T02:00:00.000Z') } : null,
    preferences,
    views: null,
    orders: [],
    products: new Map(),
    storeNames: new Map(),
    colourChoices,
    now: new Date('2026-11-26T02:00:00.000Z'),
  });
}

/** The `tags` answer as the function gives it: the tags, the member's own preferences as set, and the quiz's choices to edit them with. */
export function tagsAnswer(tags: MemberTag[], hasReport: boolean, preferences: StylePreferences = {}) {
  return {
    tags,
    hasReport,
    preferences: { sizes: { ...preferences.sizes }, fit: { ...preferences.fit }, scenes: preferences.scenes, likedColours: preferences.likedColours, dislikedColours: preferences.dislikedColours },
    choices: preferenceChoices(QUIZ),
  };
}

// ---- the wardrobe and outfits ------------------------------------------------------------------

const TODAY_ISO = '2026-11-26T02:00:00.000Z';

/** A wardrobe piece as the pages see it: a pair of jeans bought at the store by default. */
export function wardrobeItem(over: Partial<WardrobeItemView> = {}): WardrobeItemView {
  return {
    id: 'p:248780046127:ORD-1:YYTRO021:1',
    name: '直筒牛仔裤·焦糖',
    category: 'bottom',
    categoryName: CATEGORY_NAMES[over.category ?? 'bottom'],
    colours: [{ name: '焦糖', hex: '#a8693a' }],
    styles: ['休闲'],
    scenes: ['休闲', '旅行'],
    wearSeason: '四季',
    image: '/static/products/YYTRO021.svg',
    size: '27',
    status: 'active',
    source: 'purchase',
    origin: '门店购买 · 2026-11-25 · 悦衣库 上海静安店',
    wears: 0,
    lastWornAt: null,
    costPerWearFen: null,
    forgotten: false,
    wornToday: false,
    ...over,
  };
}

/** A small wardrobe: a knit and jeans bought at the store, sneakers bought there, a white shirt added by hand. */
export const WARDROBE: WardrobeItemView[] = [
  wardrobeItem({ id: 'p:248780046127:ORD-1:YYKNI021:1', name: '半高领针织衫·燕麦', category: 'top', categoryName: '上装', colours: [{ name: '燕麦', hex: '#d8c8b0' }], styles: ['简约', '通勤'], scenes: ['职场'], wearSeason: '秋冬', image: '/static/products/YYKNI021.svg', size: 'M' }),
  wardrobeItem(),
  wardrobeItem({ id: 'p:248780046127:ORD-1:YYSNE011:1', name: '复古跑鞋·奶白', category: 'shoes', categoryName: '鞋履', colours: [{ name: '奶白', hex: '#f3eee4' }], styles: ['运动', '休闲'], scenes: ['休闲', '运动'], image: '/static/products/YYSNE011.svg', size: '37', wears: 3, lastWornAt: '2026-11-20T01:00:00.000Z', costPerWearFen: 16633 }),
  wardrobeItem({ id: 'o:248780046127:a1b2c3d4e5f6', name: '白衬衫', category: 'top', categoryName: '上装', colours: [{ name: '奶白', hex: '#f3eee4' }], styles: ['通勤'], scenes: ['职场'], wearSeason: '春夏', image: 'cloud://styleclub-dev.local/avatars/shirt.jpg', size: null, source: 'own', origin: '我添加的' }),
];

/**
 * A `style` function that keeps a wardrobe as the real one does: `wardrobe` lists the pieces in it
 * (or those put away) with the counts, `wardrobeItem` one of them, addItem/editItem/archiveItem/
 * removeItem change it (a bought piece is not removed), and `wear` counts a day once per piece.
 * `over` answers other actions (or replaces these). `held` is what the function holds now.
 */
export function keepingWardrobe(start: WardrobeItemView[] = WARDROBE, over: StyleAnswers = {}) {
  const held = { items: start.map((i) => ({ ...i })), forgotten: [] as string[], ownQuota: 200, added: 0 };
  const find = (id: unknown) => held.items.find((i) => i.id === id && i.status !== 'returned');
  const notFound = () => failWith('NOT_FOUND', '衣橱里没有这件');
  // what goes over the wire is a copy: the page never holds the function's own objects
  const sent = <T>(data: T) => ok(JSON.parse(JSON.stringify(data)) as T);
  const counts = () => ({
    active: held.items.filter((i) => i.status === 'active').length,
    archived: held.items.filter((i) => i.status === 'archived').length,
    own: held.items.filter((i) => i.source === 'own').length,
    ownQuota: held.ownQuota,
  });
  programStyle({
    wardrobe: (data) => sent({ items: held.items.filter((i) => (data.archived ? i.status === 'archived' : i.status === 'active')), counts: counts(), forgotten: held.items.filter((i) => held.forgotten.includes(i.id)) }),
    wardrobeItem: (data) => (find(data.id) ? sent({ item: find(data.id)! }) : notFound()),
    addItem: (data) => {
      if (counts().own >= held.ownQuota) return failWith('LIMIT_REACHED', `衣橱最多添加 ${held.ownQuota} 件，可以先删掉不穿的`);
      const { action: _a, ...piece } = data as unknown as Omit<WardrobeItemView, 'id'> & { action: string };
      held.added += 1;
      const item = wardrobeItem({ ...piece, id: `o:248780046127:new${held.added}`, categoryName: CATEGORY_NAMES[piece.category], source: 'own', origin: '我添加的', size: null });
      held.items.push(item);
      return sent({ item });
    },
    editItem: (data) => {
      const item = find(data.id);
      if (!item) return notFound();
      const { action: _a, id: _id, ...change } = data;
      Object.assign(item, change, change.category ? { categoryName: CATEGORY_NAMES[change.category as Category] } : {});
      return sent({ item });
    },
    archiveItem: (data) => {
      const item = find(data.id);
      if (!item) return notFound();
      item.status = data.archived ? 'archived' : 'active';
      return sent({ item });
    },
    removeItem: (data) => {
      const item = find(data.id);
      if (!item) return notFound();
      if (item.source !== 'own') return failWith('NOT_CLAIMABLE', '门店买的衣服不能删除，可以收起');
      held.items = held.items.filter((i) => i !== item);
      return ok({ removed: true as const });
    },
    wear: (data) => {
      const items = (data.ids as string[]).map(find);
      if (items.some((i) => !i || i.status !== 'active')) return notFound();
      for (const item of items as WardrobeItemView[]) {
        if (!item.wornToday) item.wears += 1;
        item.wornToday = true;
        item.lastWornAt = TODAY_ISO;
      }
      return sent({ items: items as WardrobeItemView[], day: '20261126' });
    },
    ...over,
  });
  return held;
}

/** A piece of an outfit: the wardrobe's (by a WardrobeItemView) or the store's (a product). */
export function outfitPiece(item: WardrobeItemView): WardrobePiece {
  return {
    id: item.id,
    source: item.source,
    category: item.category,
    name: item.name,
    colours: item.colours,
    styles: item.styles,
    scenes: item.scenes,
    wearSeason: item.wearSeason,
    image: item.image,
    ...(item.source === 'purchase' ? { priceFen: 25_900 } : {}),
    addedAt: '2026-11-25T02:00:00.000Z',
    ...(item.lastWornAt ? { lastWornAt: item.lastWornAt } : {}),
    wears: item.wears,
  };
}

export function storePiece(sku: string, category: Category, name: string, priceFen: number, over: Partial<WardrobePiece> = {}): WardrobePiece {
  return { id: sku, source: 'catalogue', category, name, colours: [{ name: '墨黑', hex: '#2b2b2e' }], styles: ['通勤'], scenes: ['职场'], wearSeason: '四季', priceFen, image: `/static/products/${sku}.svg`, ...over };
}

/** An outfit view from its pieces (its key the sorted ids, as the function's). */
export function outfitView(pieces: WardrobePiece[], over: Partial<OutfitView> = {}): OutfitView {
  const slots = Object.fromEntries(pieces.map((p) => [p.category, p])) as OutfitView['slots'];
  return {
    slots,
    score: 80,
    reason: '同为休闲风，燕麦配焦糖，符合你的暖秋色彩',
    fromCatalogue: pieces.filter((p) => p.source === 'catalogue').map((p) => p.id),
    key: pieces.map((p) => p.id).sort().join('|'),
    saved: false,
    ...over,
  };
}

export const [KNIT, JEANS, SNEAKERS, SHIRT] = WARDROBE.map(outfitPiece) as [WardrobePiece, WardrobePiece, WardrobePiece, WardrobePiece];
export const BLAZER = storePiece('YYCOA031', 'outer', '廓形西装外套·橄榄绿', 59_900, { colours: [{ name: '橄榄绿', hex: '#6b7047' }] });
export const LOAFERS = storePiece('YYLOA011', 'shoes', '乐福鞋·墨黑', 45_900);

/** 今日穿搭's answer for a day and scene, with these outfits (or a problem). */
export function outfitsAnswer(outfits: OutfitView[], over: { scene?: Scene; problem?: OutfitProblem | null; day?: string } = {}): OutfitsAnswer {
  return {
    day: { day: over.day ?? '2026-11-26', city: '上海', temperatureC: 9.4, weatherNote: '上海 · 今天约 9°C（按历年同期气候）', scene: over.scene ?? '休闲' },
    outfits,
    problem: over.problem ?? null,
  };
}

/** Three outfits for today: knit + jeans + sneakers (the store's blazer over it), the shirt with jeans and the store's loafers, knit + jeans + loafers. */
export const TODAY = [outfitView([BLAZER, KNIT, JEANS, SNEAKERS]), outfitView([SHIRT, JEANS, LOAFERS], { reason: '白衬衫配焦糖牛仔裤，干净利落' }), outfitView([KNIT, JEANS, LOAFERS], { reason: '同为通勤风，燕麦配墨黑' })];
