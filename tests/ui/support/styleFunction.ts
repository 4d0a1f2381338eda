import type { ActionName, ActionOutput, CompleteAnswers, ErrorCode, QuizAnswers, StyleWeights } from '../../../cloudfunctions/contract';
import type { MemberTag, ProductCard, StyleReportView } from '../../../cloudfunctions/contract/style';
import type { QuizStep } from '../../../cloudfunctions/contract/styleQuiz';
import { quizProgress, scoreQuiz, STYLE_QUIZ } from '../../../cloudfunctions/domain/style';
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
  const colourChoices = new Map(STEPS.flatMap((s) => (s.kind === 'likes' ? s.colours : [])).map((c) => [c.id, c]));
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
  const fit = STEPS.find((s) => s.kind === 'fit');
  const sizes = STEPS.find((s) => s.kind === 'sizes');
  const scenes = STEPS.find((s) => s.kind === 'scenes');
  return {
    tags,
    hasReport,
    preferences: { sizes: { ...preferences.sizes }, fit: { ...preferences.fit }, scenes: preferences.scenes, likedColours: preferences.likedColours, dislikedColours: preferences.dislikedColours },
    choices: {
      colours: STEPS.flatMap((s) => (s.kind === 'likes' ? s.colours : [])).map(({ id, name, hex }) => ({ id, name, hex })),
      fits: fit?.kind === 'fit' ? [...fit.fits] : [],
      silhouettes: fit?.kind === 'fit' ? fit.silhouettes.map(({ id, name }) => ({ id, name })) : [],
      sizes: sizes?.kind === 'sizes' ? { top: [...sizes.top], bottom: [...sizes.bottom], shoes: [...sizes.shoes] } : { top: [], bottom: [], shoes: [] },
      scenes: scenes?.kind === 'scenes' ? [...scenes.scenes] : [],
    },
  };
}
