import { COLOUR_QUESTIONS, PRICED_CATEGORIES, RATINGS, STYLE_AXES, styleQuizSchema, styleWeightsSchema } from '../../cloudfunctions/contract/styleQuiz';
import { COLOUR_SEASONS, type NamedColour, SCENES, STYLES } from '../../cloudfunctions/contract/styleWords';
import { STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { boardsOf, stepOf, stepsOf } from '../../cloudfunctions/domain/style/lookup';
import { BOARD_IDS, RAW_WEIGHTS, WEIGHTS } from './styleFixtures';

/** The seeded weights are the stylists' numbers: they must parse, cover every option of the quiz, and make sense as palettes. */

const hexesOf = (cs: NamedColour[]) => new Set(cs.map((c) => c.hex));
const palettes = COLOUR_SEASONS.map((s) => [s, WEIGHTS.seasons[s].palette] as const);

describe('the seeded style weights', () => {
  it('parse as StyleWeights, with nothing the schema does not know', () => {
    const parsed = styleWeightsSchema.safeParse(RAW_WEIGHTS);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('rank the ratings: 喜欢 pushes most, 一般 a little, 不喜欢 pulls away', () => {
    expect(WEIGHTS.ratings.喜欢).toBeGreaterThan(WEIGHTS.ratings.一般);
    expect(WEIGHTS.ratings.一般).toBeGreaterThan(0);
    expect(WEIGHTS.ratings.不喜欢).toBeLessThan(0);
  });

  it('weigh every board of the quiz, and no board the quiz does not show', () => {
    expect(Object.keys(WEIGHTS.boards).sort()).toEqual([...BOARD_IDS].sort());
    for (const id of BOARD_IDS) expect([id, Object.values(WEIGHTS.boards[id]!.styles).some((w) => w! > 0)]).toEqual([id, true]);
  });

  it.each(COLOUR_QUESTIONS.map((q) => [q]))('weigh every answer of the colour question %s, and no other', (q) => {
    const offered = stepsOf(STYLE_QUIZ, 'colour').find((s) => s.question === q)!.options.map((o) => o.id);
    expect(Object.keys(WEIGHTS.colour[q]).sort()).toEqual([...offered].sort());
  });

  it('weigh every frequency of a scene, most for 经常', () => {
    expect(Object.keys(WEIGHTS.frequencies).sort()).toEqual([...stepOf(STYLE_QUIZ, 'scenes').frequencies].sort());
    expect(WEIGHTS.frequencies.经常).toBeGreaterThan(WEIGHTS.frequencies.有时);
    expect(WEIGHTS.frequencies.有时).toBeGreaterThanOrEqual(WEIGHTS.frequencies.很少);
  });

  it.each(STYLES.map((s) => [s]))('let %s lead at least one board, so it can come out first', (style) => {
    const leads = BOARD_IDS.filter((id) => {
      const w = WEIGHTS.boards[id]!.styles;
      return STYLES.every((other) => other === style || (w[other] ?? 0) < (w[style] ?? 0));
    });
    expect(leads.length).toBeGreaterThan(0);
  });

  it.each(STYLE_AXES.map((a) => [a]))('place boards at both ends of the %s axis', (axis) => {
    const places = BOARD_IDS.map((id) => WEIGHTS.boards[id]!.axes[axis]);
    expect([Math.min(...places) <= -40, Math.max(...places) >= 40]).toEqual([true, true]);
  });

  it('give the 12 seasons 12 different centres', () => {
    const centres = COLOUR_SEASONS.map((s) => JSON.stringify(WEIGHTS.seasons[s].centre));
    expect(new Set(centres).size).toBe(12);
  });

  it.each(palettes)('give %s a full palette whose wear, neutrals and avoid lists never share a colour', (_season, p) => {
    expect([p.wear.length >= 6, p.avoid.length >= 4, p.neutrals.length >= 3, p.metals.length >= 1]).toEqual([true, true, true, true]);
    const avoid = hexesOf(p.avoid);
    expect(p.wear.filter((c) => avoid.has(c.hex))).toEqual([]);
    expect(p.neutrals.filter((c) => avoid.has(c.hex))).toEqual([]);
    expect(p.neutrals.filter((c) => hexesOf(p.wear).has(c.hex))).toEqual([]);
    for (const list of [p.wear, p.avoid, p.neutrals, p.metals]) expect(hexesOf(list).size).toBe(list.length);
  });

  it('call one hex by one name across every palette and the quiz’s colour choices', () => {
    const names = new Map<string, Set<string>>();
    const all = [...palettes.flatMap(([, p]) => [...p.wear, ...p.avoid, ...p.neutrals, ...p.metals]), ...stepOf(STYLE_QUIZ, 'likes').colours];
    for (const c of all) names.set(c.hex, new Set([...(names.get(c.hex) ?? []), c.name]));
    expect([...names].filter(([, n]) => n.size > 1).map(([hex, n]) => `${hex}: ${[...n].join('/')}`)).toEqual([]);
  });

  it('wear or keep as a neutral, in some season, every colour a member can love', () => {
    const worn = new Set(palettes.flatMap(([, p]) => [...p.wear, ...p.neutrals].map((c) => c.hex)));
    expect(stepOf(STYLE_QUIZ, 'likes').colours.filter((c) => !worn.has(c.hex)).map((c) => c.name)).toEqual([]);
  });

  it.each(palettes)('leave %s something to wear even for a member who avoids every colour the quiz shows', (_season, p) => {
    const choosable = hexesOf(stepOf(STYLE_QUIZ, 'likes').colours);
    expect(p.wear.filter((c) => !choosable.has(c.hex)).length).toBeGreaterThanOrEqual(2);
  });

  it('say how much every scene needs every priced category', () => {
    for (const scene of SCENES) expect(Object.keys(WEIGHTS.sceneNeeds[scene]).sort()).toEqual([...PRICED_CATEGORIES].sort());
  });
});

describe('the quiz definition', () => {
  it('parses as the quiz the app receives, in 12–16 steps with unique ids', () => {
    const parsed = styleQuizSchema.safeParse(STYLE_QUIZ);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(STYLE_QUIZ.steps.length).toBeGreaterThanOrEqual(12);
    expect(STYLE_QUIZ.steps.length).toBeLessThanOrEqual(16);
    expect(new Set(STYLE_QUIZ.steps.map((s) => s.id)).size).toBe(STYLE_QUIZ.steps.length);
    expect(new Set(BOARD_IDS).size).toBe(BOARD_IDS.length);
  });

  it('asks every colour question once, every scene, every priced category, and rates boards 喜欢 / 一般 / 不喜欢', () => {
    expect(stepsOf(STYLE_QUIZ, 'colour').map((s) => s.question)).toEqual([...COLOUR_QUESTIONS]);
    expect(stepOf(STYLE_QUIZ, 'scenes').scenes).toEqual([...SCENES]);
    expect(stepOf(STYLE_QUIZ, 'prices').categories.map((c) => c.category)).toEqual([...PRICED_CATEGORIES]);
    expect([...RATINGS]).toEqual(['喜欢', '一般', '不喜欢']);
  });

  it('labels colour answers briefly and without commas, so the report can quote them in a list', () => {
    const labels = stepsOf(STYLE_QUIZ, 'colour').flatMap((s) => s.options.map((o) => o.label));
    expect(labels.filter((l) => /[，,、]/.test(l) || l.length > 8)).toEqual([]);
  });

  it('shows 12 boards of 3–4 pieces, each piece a category and styles to fill from the catalogue', () => {
    const boards = boardsOf(STYLE_QUIZ);
    expect(boards).toHaveLength(12);
    for (const b of boards) expect([b.id, b.pieces.length >= 3 && b.pieces.length <= 4]).toEqual([b.id, true]);
  });

  it('offers price bands in fen that follow on without gaps, with 很少买 last', () => {
    for (const { category, options } of stepOf(STYLE_QUIZ, 'prices').categories) {
      const bands = options.flatMap((o) => (o.band ? [o.band] : []));
      expect([category, bands[0]!.minFen, bands.at(-1)!.maxFen, options.at(-1)!.band]).toEqual([category, 0, null, null]);
      bands.slice(1).forEach((b, i) => expect([category, b.minFen]).toEqual([category, bands[i]!.maxFen! + 1]));
    }
  });
});
