import type { Slot, WardrobePiece } from '../../cloudfunctions/contract/outfits';
import { OUTFIT_RULES, outerNeed } from '../../cloudfunctions/domain/outfits';
import { type DayFacts, dayOf } from '../../cloudfunctions/domain/outfits/day';
import type { Look } from '../../cloudfunctions/domain/outfits/pieces';
import { colourHarmony, pairHarmony } from '../../cloudfunctions/domain/outfits/rules/colourHarmony';
import { paletteFit } from '../../cloudfunctions/domain/outfits/rules/paletteFit';
import { recentWears } from '../../cloudfunctions/domain/outfits/rules/recentWears';
import { sceneFit } from '../../cloudfunctions/domain/outfits/rules/sceneFit';
import { seasonWeather } from '../../cloudfunctions/domain/outfits/rules/seasonWeather';
import { styleFit } from '../../cloudfunctions/domain/outfits/rules/styleFit';
import { C, DAY, daysBefore, piece, REPORT, reportWith } from './outfitFixtures';

/** Each outfit rule on its own, table by table: what it refuses, how it scores, what it says. */

const dayFor = (over: Partial<DayFacts> = {}, pieces: WardrobePiece[] = []) =>
  dayOf({ scene: '职场', temperatureC: 20, report: null, date: DAY, recentOutfits: [], seed: 1, ...over }, pieces);
const one = (slot: Slot, over: Partial<WardrobePiece> = {}): Look => ({ [slot]: piece({ category: slot, ...over }) });

describe('every rule', () => {
  it('has a unique code, a description in Chinese and a weight; the weights sum to 1', () => {
    expect(new Set(OUTFIT_RULES.map((r) => r.code)).size).toBe(OUTFIT_RULES.length);
    for (const r of OUTFIT_RULES) expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    expect(OUTFIT_RULES.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1);
  });
});

describe('season and temperature', () => {
  it.each([
    [-5, 'required'],
    [9.9, 'required'],
    [10, 'wanted'],
    [17.9, 'wanted'],
    [18, 'optional'],
    [25.9, 'optional'],
    [26, 'none'],
  ] as const)('at %s°C an outer layer is %s', (t, need) => expect(outerNeed(t)).toBe(need));

  it.each<[string, Slot, WardrobePiece['wearSeason'], number, string | null]>([
    ['a 秋冬 knit on a 30°C day', 'top', '秋冬', 30, '是秋冬款，今天30°C太热'],
    ['a 秋冬 knit at 25°C', 'top', '秋冬', 25, '是秋冬款，今天25°C太热'],
    ['a 秋冬 knit at 24.9°C', 'top', '秋冬', 24.9, null],
    ['a 春夏 dress at 2°C', 'dress', '春夏', 2, '是春夏款，今天2°C太冷'],
    ['a 春夏 dress at 7.9°C', 'dress', '春夏', 7.9, '是春夏款，今天8°C太冷'],
    ['a 春夏 dress at 8°C', 'dress', '春夏', 8, null],
    ['a 四季 top at −10°C', 'top', '四季', -10, null],
    ['a 四季 top at 38°C', 'top', '四季', 38, null],
    ['a 四季 blazer at 26°C', 'outer', '四季', 26, '是外套，今天26°C用不上'],
    ['a 四季 blazer at 25.9°C', 'outer', '四季', 25.9, null],
  ])('%s: %s', (_, slot, wearSeason, t, refusal) => {
    expect(seasonWeather.refuses!(piece({ category: slot, wearSeason }), slot, dayFor({ temperatureC: t }))).toBe(refusal);
  });

  it.each<[string, Look, number, number]>([
    ['四季 pieces: always 1', { top: piece({ category: 'top' }), bottom: piece({ category: 'bottom' }) }, 20, 1],
    ['a 秋冬 top under a coat at 15°C: comfortable', { ...one('top', { wearSeason: '秋冬' }), ...one('outer') }, 15, 1],
    ['a 秋冬 top at 20°C: half way to too warm', one('top', { wearSeason: '秋冬' }), 20, 0.65],
    ['a 春夏 dress at 18°C: nearly warm enough', one('dress', { wearSeason: '春夏' }), 18, 0.3 + (0.7 * 10) / 12],
    ['a 四季 top at 14°C without the outer layer the day wants', one('top'), 14, 0.8],
    ['a 四季 blazer at 22°C: carried, half warm', one('outer'), 22, 0.65],
  ])('%s', (_, look, t, score) => {
    expect(seasonWeather.score(look, dayFor({ temperatureC: t }))).toBeCloseTo(score);
  });

  it('says the outer layer joins on a cool day, and nothing on a warm one', () => {
    const look = { ...one('top'), outer: piece({ category: 'outer', colours: [C.oat] }) };
    expect(seasonWeather.note!(look, dayFor({ temperatureC: 12.4 }))).toBe('今天12°C，加件燕麦外套');
    expect(seasonWeather.note!(look, dayFor({ temperatureC: 20 }))).toBeNull();
  });
});

describe('scene', () => {
  it.each<[string, WardrobePiece['scenes'], keyof typeof C, DayFacts['scene'], number]>([
    ['a piece made for the scene', ['职场'], 'red', '职场', 1],
    ['a plain 职场 piece on a 休闲 day', ['职场'], 'navy', '休闲', 0.6],
    ['a bright 职场 piece on a 休闲 day', ['职场'], 'red', '休闲', 0],
    ['a plain 休闲 piece at work (职场 is strict)', ['休闲'], 'black', '职场', 0],
    ['a plain 休闲 piece for sport (运动 is strict)', ['休闲'], 'grey', '运动', 0],
    ['a plain 职场 piece on a date', ['职场'], 'cream', '约会', 0.6],
    ['a plain 职场 piece for travel', ['职场'], 'cream', '旅行', 0],
    ['a plain 运动 piece for travel', ['运动'], 'denim', '旅行', 0.6],
    ['an untagged piece on a 休闲 day (read as everyday wear)', [], 'red', '休闲', 1],
    ['an untagged plain piece on a date', [], 'oat', '约会', 0.6],
    ['an untagged piece at work', [], 'oat', '职场', 0],
    ['a caramel 职场 piece on a 休闲 day: caramel is a colour, not a neutral', ['职场'], 'caramel', '休闲', 0],
  ])('%s: %s', (_, scenes, colour, scene, fit) => {
    const p = piece({ category: 'top', scenes, colours: [C[colour]] });
    const day = dayFor({ scene });
    expect(sceneFit.score({ top: p }, day)).toBe(fit);
    expect(sceneFit.refuses!(p, 'top', day)).toBe(fit > 0 ? null : `不适合${scene}场合`);
  });
});

describe('the member’s palette', () => {
  const member = reportWith({ wear: [C.mint], neutrals: [C.oat], avoid: [{ name: '纯黑', hex: '#000000' }], disliked: [C.red] });
  const day = dayFor({ report: member });

  it.each<[string, Slot, string, string | null]>([
    ['pure black on a top', 'top', '#000000', '是纯黑色，不在你的色彩里，不宜靠近脸'],
    ['a near-black (ΔE ≈ 1.6) on a dress', 'dress', '#0a0a0a', '是纯黑色，不在你的色彩里，不宜靠近脸'],
    ['墨黑 (ΔE ≈ 11) on an outer layer', 'outer', C.black.hex, '是纯黑色，不在你的色彩里，不宜靠近脸'],
    ['a disliked red on a scarf', 'accessory', C.red.hex, '是纯黑色，不在你的色彩里，不宜靠近脸'],
    ['pure black trousers (away from the face)', 'bottom', '#000000', null],
    ['black shoes', 'shoes', '#000000', null],
    ['charcoal (ΔE > 12) on a top', 'top', '#3a3a3a', null],
  ])('%s: %s', (_, slot, hex, refusal) => {
    const p = piece({ category: slot, colours: [{ name: '纯黑', hex }] });
    expect(paletteFit.refuses!(p, slot, day)).toBe(refusal);
  });

  it.each<[string, Look, number]>([
    ['a wear colour at the face', one('top', { colours: [C.mint] }), 1],
    ['a neutral swatch', one('top', { colours: [C.oat] }), 1],
    ['a neutral near a neutral swatch (grey by oat)', one('top', { colours: [C.grey] }), 0.7],
    ['a neutral far from every swatch (navy)', one('top', { colours: [C.navy] }), 0.6],
    ['a colour far from every swatch', one('top', { colours: [C.lilac] }), 0.3],
    ['black trousers (avoided, away from the face) with a mint top: the face counts double', { top: piece({ category: 'top', colours: [C.mint] }), bottom: piece({ category: 'bottom', colours: [{ name: '纯黑', hex: '#000000' }] }) }, 2 / 3],
  ])('%s', (_, look, score) => expect(paletteFit.score(look, day)).toBeCloseTo(score));

  it('says the look suits the member’s season only when nothing is off', () => {
    expect(paletteFit.note!({ top: piece({ category: 'top', colours: [C.mint] }), bottom: piece({ category: 'bottom', colours: [C.oat] }) }, day)).toBe(`符合你的柔秋色彩`);
    expect(paletteFit.note!({ top: piece({ category: 'top', colours: [C.mint] }), bottom: piece({ category: 'bottom', colours: [C.lilac] }) }, day)).toBeNull();
  });

  it('has nothing to say without a report: refuses nothing, scores null', () => {
    const bare = dayFor();
    expect(paletteFit.refuses!(piece({ category: 'top', colours: [{ name: '纯黑', hex: '#000000' }] }), 'top', bare)).toBeNull();
    expect(paletteFit.score(one('top'), bare)).toBeNull();
    expect(paletteFit.note!(one('top'), bare)).toBeNull();
  });

  it('reads the demo report: 柔秋 avoids 纯黑', () => expect(REPORT.palette.avoid.map((c) => c.name)).toContain('纯黑'));
});

describe('style', () => {
  const simple = dayFor({ report: reportWith({ primary: { style: '简约', share: 60 } }) });

  it.each<[string, WardrobePiece['styles'][], number, string | null]>([
    ['three 通勤 pieces hold together', [['通勤'], ['通勤', '简约'], ['通勤']], 1, '同为通勤风'],
    ['国风 is already a 风', [['国风'], ['国风']], 1, '同为国风'],
    ['two of three share 法式', [['法式'], ['法式'], ['街头']], 2 / 3, '法式风为主'],
    ['nothing shared', [['法式'], ['街头'], ['运动']], 1 / 3, null],
    ['pieces with no style are left out', [['甜酷'], [], ['甜酷']], 1, '同为甜酷风'],
    ['no style said at all', [[], []], 0.5, null],
  ])('without a report, %s', (_, styles, score, note) => {
    const slots: Slot[] = ['top', 'bottom', 'shoes'];
    const look = Object.fromEntries(styles.map((s, i) => [slots[i]!, piece({ category: slots[i]!, styles: s })])) as Look;
    expect(styleFit.score(look, dayFor())).toBeCloseTo(score);
    expect(styleFit.note!(look, dayFor())).toBe(note);
  });

  it('with a report, pieces in the member’s main style score more than coherent pieces in a style they do not wear', () => {
    const mine = { top: piece({ category: 'top', styles: ['简约'] }), bottom: piece({ category: 'bottom', styles: ['简约'] }) };
    const theirs = { top: piece({ category: 'top', styles: ['街头'] }), bottom: piece({ category: 'bottom', styles: ['街头'] }) };
    expect(styleFit.score(mine, simple)).toBe(1);
    expect(styleFit.score(theirs, simple)).toBe(0.5);
  });
});

describe('colour harmony', () => {
  const book = dayFor().colours;
  it.each<[string, keyof typeof C, keyof typeof C, number]>([
    ['a neutral with a bright red', 'black', 'red', 1],
    ['navy with denim (both worn as neutrals)', 'navy', 'denim', 1],
    ['red with wine: analogous', 'red', 'wine', 0.9],
    ['wine with mint: complementary', 'wine', 'mint', 0.8],
    ['caramel with olive: a near miss', 'caramel', 'olive', 0.6],
    ['red with neon yellow: a clash, but with contrast (colour-blocking)', 'red', 'yellow', 0.4],
    ['wine with olive: a muddy clash', 'wine', 'olive', 0.1],
    ['red with olive: a muddy clash', 'red', 'olive', 0.1],
  ])('%s scores %s', (_, a, b, score) => expect(pairHarmony(C[a].hex, C[b].hex, book)).toBe(score));

  it('rewards the contrast that suits the member: navy on cream for a high-contrast member, navy on denim for a low one', () => {
    const look = (top: keyof typeof C, bottom: keyof typeof C) => ({ top: piece({ category: 'top', colours: [C[top]] }), bottom: piece({ category: 'bottom', colours: [C[bottom]] }) });
    const withContrast = (contrast: number) => dayFor({ report: { ...REPORT, colour: { ...REPORT.colour, axes: { ...REPORT.colour.axes, contrast } } } });
    const high = withContrast(100);
    const low = withContrast(-100);
    expect(colourHarmony.score(look('navy', 'cream'), high)!).toBeGreaterThan(colourHarmony.score(look('navy', 'denim'), high)!);
    expect(colourHarmony.score(look('navy', 'denim'), low)!).toBeGreaterThan(colourHarmony.score(look('navy', 'cream'), low)!);
  });

  it('finds three colours at once busy', () => {
    const two = { top: piece({ category: 'top', colours: [C.red] }), bottom: piece({ category: 'bottom', colours: [C.wine] }), shoes: piece({ category: 'shoes', colours: [C.black] }) };
    const three = { ...two, shoes: piece({ category: 'shoes', colours: [C.pink] }) };
    expect(colourHarmony.score(three, dayFor())!).toBeLessThan(colourHarmony.score(two, dayFor())!);
  });

  it.each<[string, Look, string | null]>([
    ['navy and cream', { top: piece({ category: 'top', colours: [C.navy] }), bottom: piece({ category: 'bottom', colours: [C.cream] }) }, '藏青配奶白'],
    ['the same colour twice', { top: piece({ category: 'top', colours: [C.oat] }), bottom: piece({ category: 'bottom', colours: [C.oat] }) }, '一身燕麦'],
    ['a dress under a coat', { dress: piece({ category: 'dress', colours: [C.wine] }), outer: piece({ category: 'outer', colours: [C.oat] }) }, '酒红配燕麦'],
    ['a muddy clash: nothing to boast of', { top: piece({ category: 'top', colours: [C.wine] }), bottom: piece({ category: 'bottom', colours: [C.olive] }) }, null],
  ])('names %s', (_, look, note) => expect(colourHarmony.note!(look, dayFor())).toBe(note));
});

describe('recent wears', () => {
  const [top, bottom, shoes, bag, top2] = [piece({ category: 'top' }), piece({ category: 'bottom' }), piece({ category: 'shoes' }), piece({ category: 'accessory' }), piece({ category: 'top' })];
  const yesterday = dayFor({ recentOutfits: [{ day: '20270309', pieceIds: [top.id, bottom.id, shoes.id] }] });

  it.each<[string, Look, string | null]>([
    ['yesterday’s outfit again', { top, bottom, shoes }, '和昨天穿的一样'],
    ['yesterday’s outfit with a bag added', { top, bottom, shoes, accessory: bag }, '和昨天穿的一样'],
    ['yesterday’s bottom and shoes with another top', { top: top2, bottom, shoes }, null],
  ])('%s: %s', (_, look, refusal) => expect(recentWears.refusesLook!(look, yesterday)).toBe(refusal));

  it('reads the wardrobe’s day keys (YYYY-MM-DD) as well as day buckets (YYYYMMDD)', () => {
    const dashed = dayFor({ recentOutfits: [{ day: '2027-03-09', pieceIds: [top.id, bottom.id, shoes.id] }] });
    expect(recentWears.refusesLook!({ top, bottom, shoes }, dashed)).toBe('和昨天穿的一样');
  });

  it('counts a piece marked 今天穿了 yesterday on its own (lastWornAt) as part of yesterday’s outfit', () => {
    const worn = (p: WardrobePiece) => ({ ...p, lastWornAt: daysBefore(1).toISOString() });
    const look = { top: worn(top), bottom: worn(bottom), shoes: worn(shoes) };
    expect(recentWears.refusesLook!(look, dayFor({}, Object.values(look)))).toBe('和昨天穿的一样');
  });

  it.each<[string, number | null, number]>([
    ['not worn lately', null, 1],
    ['worn today', 0, 0.4],
    ['worn yesterday', 1, 0.5],
    ['worn 3 days ago', 3, 0.7],
    ['worn 6 days ago', 6, 1],
    ['worn 20 days ago', 20, 1],
  ])('a piece %s scores %s', (_, days, score) => {
    const recent = days === null ? [] : [{ day: `202703${String(10 - days).padStart(2, '0')}`, pieceIds: [top.id] }];
    const day = days === null || days <= 9 ? dayFor({ recentOutfits: recent }) : dayFor({}, [{ ...top, lastWornAt: daysBefore(days).toISOString() }]);
    const worn = days !== null && days > 9 ? { ...top, lastWornAt: daysBefore(days).toISOString() } : top;
    expect(recentWears.score({ top: worn }, day)).toBeCloseTo(score);
  });

  it('welcomes back a piece not worn for six weeks', () => {
    const old = { ...piece({ category: 'top', colours: [C.mint] }), lastWornAt: daysBefore(50).toISOString() };
    expect(recentWears.note!({ top: old }, dayFor({}, [old]))).toBe('翻出好久没穿的薄荷绿上装');
  });
});
