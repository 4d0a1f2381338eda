import fc from 'fast-check';
import { CLOTHING_SIZES, type CompleteAnswers, FITS, FREQUENCIES, type QuizAnswers, SHOE_SIZES, SILHOUETTES, styleReportSchema, type StyleWeights } from '../../cloudfunctions/contract/styleQuiz';
import { COLOUR_SEASONS, type NamedColour, SCENES, STYLES } from '../../cloudfunctions/contract/styleWords';
import { scoreQuiz, STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { boardsOf, stepOf, stepsOf } from '../../cloudfunctions/domain/style/lookup';
import { WEIGHTS } from './styleFixtures';

/**
 * Scoring's promises for any answers: a complete set always gives a well-formed report (shares
 * summing to 100, one of the 12 seasons and a different runner-up, a palette whose proposed and
 * held-back colours never meet), taste never moves the season, and an incomplete set is refused
 * with a reason rather than a throw.
 */

const rating = fc.constantFrom('喜欢' as const, '一般' as const, '不喜欢' as const);
const boards = fc.record(Object.fromEntries(boardsOf(STYLE_QUIZ).map((b) => [b.id, rating])) as Record<string, typeof rating>);
const colourAnswers = fc.record(Object.fromEntries(stepsOf(STYLE_QUIZ, 'colour').map((s) => [s.question, fc.constantFrom(...s.options.map((o) => o.id))]))) as fc.Arbitrary<CompleteAnswers['colour']>;
/** Each colour choice is loved, avoided or neither: never both. */
const tastes = fc.array(fc.constantFrom('loved', 'avoided', 'neither'), { minLength: stepOf(STYLE_QUIZ, 'likes').colours.length, maxLength: stepOf(STYLE_QUIZ, 'likes').colours.length }).map((marks) => {
  const ids = stepOf(STYLE_QUIZ, 'likes').colours.map((c) => c.id);
  return { likedColours: ids.filter((_, i) => marks[i] === 'loved'), dislikedColours: ids.filter((_, i) => marks[i] === 'avoided') };
});
const scenes = fc.record(Object.fromEntries(SCENES.map((s) => [s, fc.constantFrom(...FREQUENCIES)]))) as fc.Arbitrary<CompleteAnswers['scenes']>;
const prices = fc.record(Object.fromEntries(stepOf(STYLE_QUIZ, 'prices').categories.map((c) => [c.category, fc.constantFrom(...c.options.map((o) => o.id))]))) as fc.Arbitrary<CompleteAnswers['prices']>;

const completeAnswers: fc.Arbitrary<CompleteAnswers> = fc
  .record({
    boards,
    colour: colourAnswers,
    tastes,
    scenes,
    fit: fc.record({ top: fc.constantFrom(...FITS), bottom: fc.constantFrom(...FITS), silhouette: fc.constantFrom(...SILHOUETTES) }),
    sizes: fc.record({ top: fc.constantFrom(...CLOTHING_SIZES), bottom: fc.constantFrom(...CLOTHING_SIZES), shoes: fc.constantFrom(...SHOE_SIZES) }),
    prices,
  })
  .map(({ tastes: t, ...rest }) => ({ ...rest, ...t }));

function reportOf(a: QuizAnswers, weights: StyleWeights = WEIGHTS) {
  const r = scoreQuiz(a, weights);
  if (!r.ok) throw new Error(`refused complete answers: ${JSON.stringify(r.problem)}`);
  return r.report;
}
const hexes = (cs: NamedColour[]) => new Set(cs.map((c) => c.hex));
const meet = (a: NamedColour[], b: NamedColour[]) => a.filter((c) => hexes(b).has(c.hex) || b.some((d) => d.name === c.name));

describe('any complete answer set', () => {
  it('gives a report of the contract’s shape, nine shares summing to exactly 100, a season, and a different runner-up', () => {
    fc.assert(
      fc.property(completeAnswers, (a) => {
        const r = reportOf(a);
        expect(styleReportSchema.safeParse(r).success).toBe(true);
        const shares = r.style.shares;
        expect(shares.reduce((s, x) => s + x.share, 0)).toBe(100);
        expect(new Set(shares.map((s) => s.style))).toEqual(new Set(STYLES));
        expect(shares.every((s, i) => i === 0 || shares[i - 1]!.share >= s.share)).toBe(true);
        expect([r.style.primary, r.style.secondary]).toEqual([shares[0], shares[1]]);
        expect(COLOUR_SEASONS).toContain(r.colour.season);
        expect(r.colour.runnerUp).not.toBe(r.colour.season);
        expect(r.colour.confidence).toBeGreaterThanOrEqual(50);
        expect(r.colour.confidence).toBeLessThanOrEqual(100);
        expect(r.scenes.reduce((s, x) => s + x.weight, 0)).toBe(100);
      }),
      { numRuns: 400 },
    );
  });

  it('gives a palette whose wear and avoid sets never overlap, also with the member’s own loves and dislikes mixed in', () => {
    fc.assert(
      fc.property(completeAnswers, (a) => {
        const { palette, likedColours, dislikedColours } = reportOf(a);
        expect(meet(palette.wear, palette.avoid)).toEqual([]);
        const proposed = [...palette.wear, ...palette.neutrals, ...likedColours.filter((c) => c.verdict === 'suits')];
        const heldBack = [...palette.avoid, ...dislikedColours];
        expect(meet(proposed, heldBack)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps wear and avoid apart even when the seed lists colours on both sides', () => {
    const clashing = fc.record(Object.fromEntries(COLOUR_SEASONS.map((s) => [s, fc.subarray(WEIGHTS.seasons[s].palette.avoid)])));
    fc.assert(
      fc.property(completeAnswers, clashing, (a, extra) => {
        const seasons = Object.fromEntries(COLOUR_SEASONS.map((s) => {
          const p = WEIGHTS.seasons[s].palette;
          return [s, { ...WEIGHTS.seasons[s], palette: { ...p, wear: [...p.wear, ...extra[s]!], neutrals: [...p.neutrals, ...extra[s]!] } }];
        })) as StyleWeights['seasons'];
        const { palette } = reportOf(a, { ...WEIGHTS, seasons });
        expect(meet([...palette.wear, ...palette.neutrals], palette.avoid)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('gets the same season and colour scores whatever colours the member loves or avoids', () => {
    fc.assert(
      fc.property(completeAnswers, tastes, (a, other) => {
        expect(reportOf({ ...a, ...other }).colour).toEqual(reportOf(a).colour);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same report every time (no clock, no randomness)', () => {
    fc.assert(
      fc.property(completeAnswers, (a) => {
        expect(reportOf(structuredClone(a))).toEqual(reportOf(a));
      }),
      { numRuns: 100 },
    );
  });
});

describe('any incomplete answer set', () => {
  /** A part of the answers to take out, and the step that then goes missing. */
  const holes: Array<[string, (a: CompleteAnswers) => QuizAnswers, string]> = [
    ...boardsOf(STYLE_QUIZ).map((b): [string, (a: CompleteAnswers) => QuizAnswers, string] => [`board ${b.id}`, (a) => ({ ...a, boards: { ...a.boards, [b.id]: undefined } as QuizAnswers['boards'] }), stepsOf(STYLE_QUIZ, 'boards').find((s) => s.boards.includes(b))!.id]),
    ...stepsOf(STYLE_QUIZ, 'colour').map((s): [string, (a: CompleteAnswers) => QuizAnswers, string] => [s.question, (a) => ({ ...a, colour: { ...a.colour, [s.question]: undefined } }), s.id]),
    ['loved colours', (a) => ({ ...a, likedColours: undefined }), 'likes'],
    ...SCENES.map((scene): [string, (a: CompleteAnswers) => QuizAnswers, string] => [scene, (a) => ({ ...a, scenes: { ...a.scenes, [scene]: undefined } }), 'scenes']),
    ['silhouette', (a) => ({ ...a, fit: { ...a.fit, silhouette: undefined } }), 'fit'],
    ['shoe size', (a) => ({ ...a, sizes: { ...a.sizes, shoes: undefined } }), 'sizes'],
    ['dress price', (a) => ({ ...a, prices: { ...a.prices, dress: undefined } }), 'prices'],
  ];

  it('is refused with the missing steps as a typed reason, never a throw', () => {
    fc.assert(
      fc.property(completeAnswers, fc.subarray(holes, { minLength: 1 }), (a, taken) => {
        const holed = taken.reduce((x, [, take]) => take(x as CompleteAnswers), a as QuizAnswers);
        const r = scoreQuiz(holed, WEIGHTS);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.problem.code).toBe('incomplete');
        if (r.problem.code !== 'incomplete') return;
        expect(new Set(r.problem.steps)).toEqual(new Set(taken.map(([, , step]) => step)));
      }),
      { numRuns: 300 },
    );
  });
});
