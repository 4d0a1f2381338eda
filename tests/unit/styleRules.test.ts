import { COLOUR_QUESTIONS, type CompleteAnswers, type StyleWeights } from '../../cloudfunctions/contract/styleQuiz';
import { type ColourSeason, COLOUR_SEASONS } from '../../cloudfunctions/contract/styleWords';
import { percentShares, SCORING_RULES, scoreQuiz, STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { colourAxes } from '../../cloudfunctions/domain/style/rules/colourAxes';
import { colourSeason } from '../../cloudfunctions/domain/style/rules/colourSeason';
import { seasonPalette } from '../../cloudfunctions/domain/style/rules/palette';
import { priceBands } from '../../cloudfunctions/domain/style/rules/priceBands';
import { scenePriorities } from '../../cloudfunctions/domain/style/rules/scenePriorities';
import { styleAxes } from '../../cloudfunctions/domain/style/rules/styleAxes';
import { styleShares } from '../../cloudfunctions/domain/style/rules/styleShares';
import { topCategory } from '../../cloudfunctions/domain/style/rules/topCategory';
import { roundScore } from '../../cloudfunctions/domain/style/shares';
import { answers, colour, rate, WEIGHTS } from './styleFixtures';

/** Each scoring rule on its own, table by table. */

const scoring = (over: Partial<CompleteAnswers> = {}) => ({ answers: answers(over), quiz: STYLE_QUIZ, weights: WEIGHTS });
const names = (cs: Array<{ name: string }>) => cs.map((c) => c.name);

describe('whole percents that sum to 100 (largest remainder)', () => {
  it.each([
    [[1, 1, 1], [34, 33, 33]],
    [[2, 1, 1], [50, 25, 25]],
    [[1, 2], [33, 67]],
    [[0, 0], [50, 50]],
    [[-1, 3, -5], [0, 100, 0]],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], [12, 11, 11, 11, 11, 11, 11, 11, 11]],
    [[0.1, 0.2, 0.3], [17, 33, 50]],
    [[7], [100]],
    [[], []],
  ])('%j shares as %j', (weights, shares) => {
    expect(percentShares(weights)).toEqual(shares);
  });

  it.each([
    [2.5, 3],
    [-2.5, -3],
    [-0.4, 0],
    [72.727, 73],
  ])('a score of %d rounds to %d, half away from zero and never −0', (x, rounded) => {
    expect(Object.is(roundScore(x), rounded)).toBe(true);
  });
});

describe('风格占比 style shares', () => {
  it('loving 酷甜混搭 with every other board 一般 gives 甜酷 a quarter, 街头 next; equal remainders give the odd percent to the earlier style', () => {
    const r = styleShares.score(scoring({ boards: rate(['sweetCool']) }));
    // raw 16, 10, then 6 for 简约 通勤 法式 优雅 (9.375% each: 简约 takes the last point), 5, 5, 4 — of 64
    expect(r.shares.map((s) => `${s.style}${s.share}`)).toEqual(['甜酷25', '街头16', '简约10', '通勤9', '法式9', '优雅9', '国风8', '休闲8', '运动6']);
    expect(r.shares.reduce((a, s) => a + s.share, 0)).toBe(100);
  });

  it('says which boards drove the first two styles, and which were turned down', () => {
    expect(styleShares.score(scoring({ boards: rate(['commute', 'techCommute', 'mono'], ['skate', 'guochao']) })).why).toEqual([
      '喜欢「周一早八」「机能通勤」：通勤占 40%',
      '「黑白极简」带出第二风格简约（29%）',
      '不喜欢「街头滑板」「国潮甜酷」：少推街头、国风',
    ]);
  });

  it('a tie on the board scores goes to the earlier style, which also takes the odd percent', () => {
    const r = styleShares.score(scoring({ boards: rate(['evening', 'parisAfternoon']) }));
    expect([r.primary, r.secondary]).toEqual([
      { style: '法式', share: 28 },
      { style: '优雅', share: 27 },
    ]);
  });

  it('turning every board down says so, and splits the styles evenly', () => {
    const r = styleShares.score(scoring({ boards: rate([], [], '不喜欢') }));
    expect(r.why[0]).toBe('这几套搭配都没打动你：先按各风格均衡推荐，重做测试可以更准');
    expect(r.shares.map((s) => s.share).sort((a, b) => b - a)).toEqual([12, 11, 11, 11, 11, 11, 11, 11, 11]);
  });
});

describe('风格坐标 style axes', () => {
  it('loving the sharp, classic boards and turning down the loose, trendy ones sits towards 利落, 经典 and (just) 简约', () => {
    const axes = styleAxes.score(scoring({ boards: rate(['commute', 'mono', 'evening'], ['skate', 'weekend', 'sweetCool', 'guochao']) }));
    expect(axes.map((a) => [a.axis, a.words])).toEqual([
      ['ease', '偏利落'],
      ['trend', '偏经典'],
      ['ornament', '偏简约'],
    ]);
    expect(axes[0]!.score).toBeLessThanOrEqual(-40);
  });

  it('loving only 街头滑板 and turning down the rest is 松弛 and 潮流', () => {
    expect(styleAxes.score(scoring({ boards: rate(['skate'], [], '不喜欢') })).map((a) => a.score)).toEqual([16, 13, 1]);
  });
});

describe('色彩坐标 colour axes', () => {
  it.each([
    ['veins that look green, gold jewellery and a tan make a warm undertone', 'green gold tans softBrown warmBrown medium', { undertone: 73, value: 47, chroma: -32, contrast: -8 }],
    ['veins that look blue, silver jewellery and skin that burns make a cool, light undertone', 'blue silver burns lightAsh greyBrown medium', { undertone: -85, value: -53, chroma: -48, contrast: -32 }],
    ['black hair, dark eyes and deep skin make a deep value', 'mixed both deep black darkBrown medium', { undertone: -12, value: 100, chroma: 36, contrast: 40 }],
    ['clear eyes and a strong contrast make it bright and high in contrast', 'mixed both burnsThenTans softBrown clear high', { undertone: -9, value: 20, chroma: 48, contrast: 68 }],
    ['the most one way on every question reaches the ends', 'green gold tans auburn amber high', { undertone: 100, value: 7, chroma: 56, contrast: 40 }],
  ])('%s', (_name, picks, axes) => {
    expect(colourAxes.score(scoring({ colour: colour(picks) })).axes).toEqual(axes);
  });

  it('names the answers behind each clear score', () => {
    const r = colourAxes.score(scoring({ colour: colour('green gold tans softBrown warmBrown medium') }));
    expect([r.drivers.undertone, r.drivers.chroma]).toEqual([['血管偏绿', '金饰更有气色', '很快晒成小麦色', '瞳色暖棕色'], ['发色柔和深棕', '瞳色暖棕色']]);
  });

  it('loved and avoided colours do not move them', () => {
    const plain = colourAxes.score(scoring()).axes;
    expect(colourAxes.score(scoring({ likedColours: ['red', 'fuchsia', 'black'], dislikedColours: ['camel', 'olive'] })).axes).toEqual(plain);
  });
});

describe('色彩季型 colour season', () => {
  it.each(COLOUR_SEASONS.map((s) => [s]))('scores on the centre of %s give %s, with full confidence', (season) => {
    const r = colourSeason.score({ axes: WEIGHTS.seasons[season].centre, weights: WEIGHTS });
    expect([r.season, r.confidence]).toEqual([season, 100]);
    expect(r.runnerUp).not.toBe(season);
  });

  it('scores halfway between two centres are a coin toss: confidence 50', () => {
    const a = WEIGHTS.seasons.warmAutumn.centre;
    const b = WEIGHTS.seasons.deepAutumn.centre;
    const mid = { undertone: (a.undertone + b.undertone) / 2, value: (a.value + b.value) / 2, chroma: (a.chroma + b.chroma) / 2, contrast: (a.contrast + b.contrast) / 2 };
    const r = colourSeason.score({ axes: mid, weights: WEIGHTS });
    expect([r.season, r.runnerUp, r.confidence]).toEqual(['warmAutumn', 'deepAutumn', 50]);
  });

  it.each([
    [0, 'warmAutumn', 'warmSpring'],
    [60, 'deepWinter', 'brightSpring'],
    [-60, 'softSummer', 'softAutumn'],
  ] as Array<[number, ColourSeason, ColourSeason]>)('at the middle of undertone, value and chroma, a contrast of %i decides: %s before %s', (contrast, season, runnerUp) => {
    const r = colourSeason.score({ axes: { undertone: 0, value: 0, chroma: 0, contrast }, weights: WEIGHTS });
    expect([r.season, r.runnerUp]).toEqual([season, runnerUp]);
  });

  it('the report says which answers made the season (how sure it is and what came next are fields of their own)', () => {
    const r = scoreQuiz(answers({ colour: colour('green gold burnsThenTans lightBrown clear high') }), WEIGHTS);
    expect(r.ok && r.report.colour.why).toEqual([
      '暖调：血管偏绿、金饰更有气色、发色浅棕偏黄',
      '明度偏浅：先晒红再变黑、发色浅棕偏黄',
      '鲜明：发色浅棕偏黄、瞳色黑白分明、适合强对比的黑白配',
      '高对比：瞳色黑白分明、适合强对比的黑白配',
    ]);
    expect(r.ok && [r.report.colour.confidence, r.report.colour.runnerUp]).toEqual([73, 'warmSpring']);
  });

  it('every one of the 12 seasons is the result of some colour answers (all 3,240 answer sets tried)', () => {
    const questions = STYLE_QUIZ.steps.flatMap((s) => (s.kind === 'colour' ? [s.options.map((o) => o.id)] : []));
    const reached = new Map<ColourSeason, number>();
    const walk = (i: number, picks: string[]): void => {
      if (i === questions.length) {
        const axes = colourAxes.score(scoring({ colour: colour(picks.join(' ')) })).axes;
        const s = colourSeason.score({ axes, weights: WEIGHTS }).season;
        reached.set(s, (reached.get(s) ?? 0) + 1);
        return;
      }
      for (const o of questions[i]!) walk(i + 1, [...picks, o]);
    };
    walk(0, []);
    expect(questions).toHaveLength(COLOUR_QUESTIONS.length);
    expect([...reached.values()].reduce((a, b) => a + b, 0)).toBe(3240);
    expect(COLOUR_SEASONS.filter((s) => !reached.has(s))).toEqual([]);
    // none is a rarity: each season is the answer for at least 2% of the answer sets
    expect(Math.min(...reached.values())).toBeGreaterThan(3240 * 0.02);
  });
});

describe('色板 palette', () => {
  const softAutumn = (over: Partial<CompleteAnswers>) => seasonPalette.score({ season: 'softAutumn', answers: answers(over), quiz: STYLE_QUIZ, weights: WEIGHTS });

  it('is the season’s palette when the member loves and avoids nothing', () => {
    expect(softAutumn({}).palette).toEqual(WEIGHTS.seasons.softAutumn.palette);
  });

  it('a colour the member avoids leaves wear and neutrals, and is reported apart, not as unsuitable', () => {
    const r = softAutumn({ dislikedColours: ['camel', 'mustard'] });
    expect(names(r.palette.wear)).not.toContain('芥末黄');
    expect(names(r.palette.neutrals)).not.toContain('驼色');
    expect(r.palette.avoid).toEqual(WEIGHTS.seasons.softAutumn.palette.avoid);
    expect(names(r.dislikedColours)).toEqual(['芥末黄', '驼色']);
  });

  it('a loved colour suits when the palette wears it, keeps away from the face when it avoids it, and is a maybe otherwise', () => {
    const r = softAutumn({ likedColours: ['mustard', 'black', 'red', 'camel'] });
    expect(r.likedColours.map((c) => [c.name, c.verdict])).toEqual([
      ['正红', 'maybe'],
      ['芥末黄', 'suits'],
      ['驼色', 'suits'],
      ['纯黑', 'avoid'],
    ]);
    expect(r.palette).toEqual(WEIGHTS.seasons.softAutumn.palette);
  });

  it('a seed listing one colour as both wear and avoid keeps it on avoid only', () => {
    const p = WEIGHTS.seasons.softAutumn.palette;
    const clash: StyleWeights = { ...WEIGHTS, seasons: { ...WEIGHTS.seasons, softAutumn: { ...WEIGHTS.seasons.softAutumn, palette: { ...p, wear: [...p.wear, p.avoid[0]!] } } } };
    const r = seasonPalette.score({ season: 'softAutumn', answers: answers({}), quiz: STYLE_QUIZ, weights: clash });
    expect(r.palette.wear).toEqual(p.wear);
    expect(names(r.palette.avoid)).toContain(p.avoid[0]!.name);
  });
});

describe('场景 scenes and 价格带 price bands', () => {
  it.each([
    ['职场 经常, 约会 and 休闲 有时', answers({}).scenes, ['职场60', '约会20', '休闲20', '运动0', '旅行0']],
    ['every scene 很少: even, in the order of the scenes', { 约会: '很少', 职场: '很少', 休闲: '很少', 运动: '很少', 旅行: '很少' }, ['约会20', '职场20', '休闲20', '运动20', '旅行20']],
    ['运动 and 旅行 经常, 约会 有时', { 约会: '有时', 职场: '很少', 休闲: '很少', 运动: '经常', 旅行: '经常' }, ['运动43', '旅行43', '约会14', '职场0', '休闲0']],
  ] as Array<[string, CompleteAnswers['scenes'], string[]]>)('%s', (_name, scenes, order) => {
    expect(scenePriorities.score(scoring({ scenes })).map((p) => `${p.scene}${p.weight}`)).toEqual(order);
  });

  it('gives each bought category its band in fen and leaves out what they rarely buy', () => {
    const r = priceBands.score(scoring({ prices: { top: 'top1', bottom: 'bottom3', dress: 'dressNone', outer: 'outer5', shoes: 'shoes2' } }));
    expect(r.map(({ category, label, minFen, maxFen }) => [category, label, minFen, maxFen])).toEqual([
      ['top', '¥99以内', 0, 9_999],
      ['bottom', '¥200–399', 20_000, 39_999],
      ['outer', '¥2000以上', 200_000, null],
      ['shoes', '¥200–399', 20_000, 39_999],
    ]);
  });
});

describe('穿搭诊断券 top category', () => {
  const top = (over: Partial<CompleteAnswers>) => {
    const input = scoring(over);
    return topCategory.score({ scenes: scenePriorities.score(input), bands: priceBands.score(input), weights: WEIGHTS });
  };

  it('says why, in shop words', () => {
    expect(top({ scenes: { 约会: '经常', 职场: '很少', 休闲: '有时', 运动: '很少', 旅行: '很少' }, prices: { top: 'top2', bottom: 'bottom2', dress: 'dress5', outer: 'outer2', shoes: 'shoes2' } })).toEqual({
      category: 'dress',
      why: '连衣裙：你的约会穿搭最需要它，你通常一件花¥1000以上',
    });
  });

  it('with nothing bought, points at what their scenes need most', () => {
    expect(top({ prices: { top: 'topNone', bottom: 'bottomNone', dress: 'dressNone', outer: 'outerNone', shoes: 'shoesNone' } })).toEqual({ category: 'top', why: '上装：你的职场穿搭最需要它' });
  });
});

it('every scoring rule has its own stable code and a description', () => {
  expect(new Set(SCORING_RULES.map((r) => r.code)).size).toBe(SCORING_RULES.length);
  for (const r of SCORING_RULES) expect(r.description.length).toBeGreaterThan(5);
});
