import { completeAnswersSchema, type QuizAnswers, quizAnswersSchema } from '../../cloudfunctions/contract/styleQuiz';
import { checkAnswers, quizProgress, scoreQuiz, STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { BASE, rate, WEIGHTS } from './styleFixtures';

/** Answers are scored only when complete: what is missing or wrong comes back as a typed reason, never a throw. */

const STEP_IDS = STYLE_QUIZ.steps.map((s) => s.id);
const without = (over: Partial<Record<keyof QuizAnswers, unknown>>): QuizAnswers => ({ ...BASE, ...over }) as QuizAnswers;

describe('checking answers', () => {
  it('complete answers pass, as they are', () => {
    expect(checkAnswers(BASE, STYLE_QUIZ)).toEqual({ ok: true, answers: BASE });
  });

  it('no answers at all miss every step, in quiz order', () => {
    expect(checkAnswers({}, STYLE_QUIZ)).toEqual({ ok: false, problem: { code: 'incomplete', steps: STEP_IDS } });
  });

  it.each([
    ['one board left unrated misses its board step', { boards: { ...rate([]), skate: undefined } }, ['boardsStreet']],
    ['no colour answers miss the six colour steps', { colour: undefined }, ['veins', 'jewellery', 'sun', 'hair', 'eyes', 'contrast']],
    ['hair not answered misses the hair step', { colour: { ...BASE.colour, hair: undefined } }, ['hair']],
    ['loved colours saved without the avoided list miss the colours step', { dislikedColours: undefined }, ['likes']],
    ['a scene without a frequency misses the scenes step', { scenes: { ...BASE.scenes, 旅行: undefined } }, ['scenes']],
    ['a fit without a silhouette misses the fit step', { fit: { top: '修身', bottom: '宽松' } }, ['fit']],
    ['sizes without a shoe size miss the sizes step', { sizes: { top: 'S', bottom: 'M' } }, ['sizes']],
    ['a category without a price misses the prices step', { prices: { ...BASE.prices, outer: undefined } }, ['prices']],
  ])('%s', (_name, over, steps) => {
    expect(checkAnswers(without(over), STYLE_QUIZ)).toEqual({ ok: false, problem: { code: 'incomplete', steps } });
  });

  it.each([
    ['a colour answer the question does not offer', { colour: { ...BASE.colour, veins: 'purple' } }, { code: 'unknownOption', step: 'veins', option: 'purple' }],
    ['a price option of another category', { prices: { ...BASE.prices, top: 'dress2' } }, { code: 'unknownOption', step: 'prices', option: 'dress2' }],
    ['a colour choice the quiz does not show', { likedColours: ['red', 'gold'] }, { code: 'unknownOption', step: 'likes', option: 'gold' }],
    ['a colour both loved and avoided', { likedColours: ['red', 'camel'], dislikedColours: ['camel', 'black'] }, { code: 'lovedAndAvoided', step: 'likes', colours: ['camel'] }],
  ])('%s is refused with its step', (_name, over, problem) => {
    expect(checkAnswers(without(over), STYLE_QUIZ)).toEqual({ ok: false, problem });
  });

  it('a wrong answer is named before the steps still missing (answering on would not fix it)', () => {
    expect(checkAnswers({ colour: { eyes: 'violet' } }, STYLE_QUIZ)).toEqual({ ok: false, problem: { code: 'unknownOption', step: 'eyes', option: 'violet' } });
  });

  it('ratings of boards the quiz no longer shows are ignored, not refused', () => {
    expect(checkAnswers({ ...BASE, boards: { ...BASE.boards, retiredBoard: '喜欢' } }, STYLE_QUIZ).ok).toBe(true);
  });

  it('empty lists of loved and avoided colours are an answer ("none")', () => {
    expect(checkAnswers({ ...BASE, likedColours: [], dislikedColours: [] }, STYLE_QUIZ).ok).toBe(true);
  });
});

describe('progress through the quiz', () => {
  it.each([
    ['nothing answered', {}, 0],
    ['the first board step answered', { boards: rate([]) }, 4],
    ['the boards and two colour questions', { boards: rate([]), colour: { veins: 'blue', sun: 'tans' } }, 6],
    ['a wrong colour answer does not count', { colour: { veins: 'purple' } }, 0],
    ['everything', BASE, 15],
  ] as Array<[string, QuizAnswers, number]>)('%s: %i of 15 steps', (_name, a, answered) => {
    const p = quizProgress(a, STYLE_QUIZ);
    expect([p.answered, p.total, p.missingSteps.length]).toEqual([answered, 15, 15 - answered]);
  });
});

describe('scoring refuses answers it cannot score', () => {
  it('incomplete answers come back as the reason, not a throw', () => {
    expect(scoreQuiz({ boards: rate(['skate']) }, WEIGHTS)).toEqual({ ok: false, problem: { code: 'incomplete', steps: STEP_IDS.slice(4) } });
  });

  it('answers that name what the quiz does not offer come back as the reason', () => {
    expect(scoreQuiz(without({ prices: { ...BASE.prices, shoes: 'shoes9' } }), WEIGHTS)).toEqual({ ok: false, problem: { code: 'unknownOption', step: 'prices', option: 'shoes9' } });
  });
});

describe('answers as the app sends them', () => {
  it('parse when partial, and refuse a stray field or an unbounded map of ratings', () => {
    expect(quizAnswersSchema.safeParse({ boards: { commute: '喜欢' }, colour: { veins: 'blue' } }).success).toBe(true);
    expect(quizAnswersSchema.safeParse({ ...BASE, memberId: 'm1' }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`b${i}`, '一般']));
    expect(quizAnswersSchema.safeParse({ boards: many }).success).toBe(false);
  });

  it('parse as complete when every part is there', () => {
    expect(completeAnswersSchema.safeParse(BASE).success).toBe(true);
    expect(completeAnswersSchema.safeParse({ ...BASE, scenes: { 职场: '经常' } }).success).toBe(false);
  });
});
