import type { CompleteAnswers, StyleReport } from '../../cloudfunctions/contract/styleQuiz';
import { type ColourSeason, COLOUR_SEASONS, type Style, STYLES } from '../../cloudfunctions/contract/styleWords';
import { scoreQuiz } from '../../cloudfunctions/domain/style';
import { answers, colour, rate, WEIGHTS } from './styleFixtures';

/**
 * Fixed answer sets and the report they must give: the specification of scoring, row by row.
 * Colour answers are written in quiz order — veins, jewellery, sun, hair, eyes, contrast.
 */

/** What a row checks: the first two styles, the season (and runner-up where it matters), the coupon's category. */
interface Want {
  primary: Style;
  secondary?: Style;
  season: ColourSeason;
  runnerUp?: ColourSeason;
  topCategory?: StyleReport['topCategory'];
  sentence?: string;
}

const COLOUR = {
  brightSpring: 'green gold burnsThenTans lightBrown clear high',
  warmSpring: 'green gold burnsThenTans auburn amber medium',
  lightSpring: 'green both burns lightBrown amber medium',
  lightSummer: 'blue both burns lightAsh amber low',
  coolSummer: 'blue silver burns lightAsh greyBrown medium',
  softSummer: 'mixed silver burnsThenTans softBrown greyBrown low',
  softAutumn: 'green both tans softBrown greyBrown low',
  warmAutumn: 'green gold tans auburn warmBrown medium',
  deepAutumn: 'green gold deep softBrown darkBrown medium',
  deepWinter: 'blue both deep black darkBrown high',
  coolWinter: 'blue silver burns black darkBrown medium',
  brightWinter: 'mixed silver burnsThenTans black clear high',
} satisfies Record<ColourSeason, string>;

const ROWS: Array<[string, Partial<CompleteAnswers>, Want]> = [
  // ——— one row per season, each with a style ———
  ['green veins, gold, a slow tan, light brown hair, clear eyes and strong contrast make 净春; loving 酷甜混搭 makes 甜酷', { colour: colour(COLOUR.brightSpring), boards: rate(['sweetCool']) }, { primary: '甜酷', secondary: '街头', season: 'brightSpring', runnerUp: 'warmSpring', sentence: '暖调、明度偏浅、鲜明：春季型 · 净春' }],
  ['green veins, gold, auburn hair and amber eyes with medium contrast make 暖春; loving 巴黎午后 makes 法式', { colour: colour(COLOUR.warmSpring), boards: rate(['parisAfternoon']) }, { primary: '法式', secondary: '优雅', season: 'warmSpring', sentence: '暖调、明度偏浅、鲜明：春季型 · 暖春' }],
  ['green veins, skin that burns, light brown hair and amber eyes make 浅春; loving 周末松弛感 makes 休闲', { colour: colour(COLOUR.lightSpring), boards: rate(['weekend']) }, { primary: '休闲', season: 'lightSpring', sentence: '暖调、明度偏浅、鲜明：春季型 · 浅春' }],
  ['blue veins, skin that burns, light ash hair and soft contrast make 浅夏; loving 晚宴微光 makes 优雅', { colour: colour(COLOUR.lightSummer), boards: rate(['evening']) }, { primary: '优雅', secondary: '法式', season: 'lightSummer', sentence: '冷调、明度偏浅、柔和：夏季型 · 浅夏' }],
  ['blue veins, silver, light ash hair and grey-brown eyes make 冷夏; loving 黑白极简 makes 简约', { colour: colour(COLOUR.coolSummer), boards: rate(['mono']) }, { primary: '简约', secondary: '通勤', season: 'coolSummer', sentence: '冷调、明度偏浅、柔和：夏季型 · 冷夏' }],
  ['unclear veins, silver, soft brown hair, grey-brown eyes and low contrast make 柔夏; loving 新中式茶会 makes 国风', { colour: colour(COLOUR.softSummer), boards: rate(['teaParty']) }, { primary: '国风', secondary: '优雅', season: 'softSummer', sentence: '冷调、明度中等、柔和：夏季型 · 柔夏' }],
  ['green veins, a quick tan, soft brown hair and low contrast make 柔秋; loving 温柔针织 makes 法式', { colour: colour(COLOUR.softAutumn), boards: rate(['frenchKnit']) }, { primary: '法式', season: 'softAutumn', sentence: '暖调、明度偏深、柔和：秋季型 · 柔秋' }],
  ['green veins, gold, a quick tan, auburn hair and warm brown eyes make 暖秋; loving 周一早八 makes 通勤', { colour: colour(COLOUR.warmAutumn), boards: rate(['commute']) }, { primary: '通勤', secondary: '简约', season: 'warmAutumn', sentence: '暖调、明度偏深、彩度适中：秋季型 · 暖秋' }],
  ['green veins, gold, deep skin, soft brown hair and dark eyes make 深秋; loving 国潮甜酷 makes 国风', { colour: colour(COLOUR.deepAutumn), boards: rate(['guochao']) }, { primary: '国风', season: 'deepAutumn', runnerUp: 'warmAutumn', sentence: '暖调、明度偏深、彩度适中：秋季型 · 深秋' }],
  ['blue veins, deep skin, black hair, dark eyes and strong contrast make 深冬; loving 街头滑板 makes 街头', { colour: colour(COLOUR.deepWinter), boards: rate(['skate']) }, { primary: '街头', secondary: '休闲', season: 'deepWinter', sentence: '冷调、明度偏深、鲜明：冬季型 · 深冬' }],
  ['blue veins, silver, skin that burns and black hair make 冷冬; loving 晨跑轻运动 makes 运动', { colour: colour(COLOUR.coolWinter), boards: rate(['morningRun']) }, { primary: '运动', secondary: '休闲', season: 'coolWinter', runnerUp: 'deepWinter', sentence: '冷调、明度偏深、鲜明：冬季型 · 冷冬' }],
  ['silver, black hair, clear eyes and strong contrast make 净冬; loving 机能通勤 makes 通勤', { colour: colour(COLOUR.brightWinter), boards: rate(['techCommute']) }, { primary: '通勤', season: 'brightWinter', sentence: '冷调、明度偏深、鲜明：冬季型 · 净冬' }],

  // ——— each style from the boards it leads, against the boards it is not ———
  ['loving 周一早八 and 机能通勤 and turning down 街头滑板 makes 通勤 first and 简约 second', { boards: rate(['commute', 'techCommute'], ['skate']) }, { primary: '通勤', secondary: '简约', season: 'softAutumn' }],
  ['loving 黑白极简 and 温柔针织 and turning down 新中式茶会 and 国潮甜酷 makes 简约', { boards: rate(['mono', 'frenchKnit'], ['teaParty', 'guochao']) }, { primary: '简约', secondary: '法式', season: 'softAutumn' }],
  ['loving 巴黎午后 and 温柔针织 makes 法式 first and 优雅 second', { boards: rate(['parisAfternoon', 'frenchKnit']) }, { primary: '法式', secondary: '优雅', season: 'softAutumn' }],
  ['loving 酷甜混搭 and 国潮甜酷 and turning down 晚宴微光 makes 甜酷', { boards: rate(['sweetCool', 'guochao'], ['evening']) }, { primary: '甜酷', secondary: '街头', season: 'softAutumn' }],
  ['loving 新中式茶会 and 国潮甜酷 makes 国风', { boards: rate(['teaParty', 'guochao']) }, { primary: '国风', season: 'softAutumn' }],
  ['loving 街头滑板 and 国潮甜酷 and turning down 周一早八 makes 街头', { boards: rate(['skate', 'guochao'], ['commute']) }, { primary: '街头', secondary: '国风', season: 'softAutumn' }],
  ['loving 晨跑轻运动 and 机能通勤 makes 运动', { boards: rate(['morningRun', 'techCommute']) }, { primary: '运动', secondary: '通勤', season: 'softAutumn' }],
  ['loving 晚宴微光 and 新中式茶会 and turning down 街头滑板 makes 优雅 first and 国风 second', { boards: rate(['evening', 'teaParty'], ['skate']) }, { primary: '优雅', secondary: '国风', season: 'softAutumn' }],
  ['loving 晚宴微光 and 巴黎午后 ties 法式 and 优雅; the tie goes to 法式, earlier in the styles', { boards: rate(['evening', 'parisAfternoon'], ['skate']) }, { primary: '法式', secondary: '优雅', season: 'softAutumn' }],
  ['loving 周末松弛感 and 晨跑轻运动 makes 休闲 first and 运动 second', { boards: rate(['weekend', 'morningRun']) }, { primary: '休闲', secondary: '运动', season: 'softAutumn' }],
  ['rating every board 一般 ties 简约 and 通勤; the tie goes to 简约, first in the styles', { boards: rate([]) }, { primary: '简约', secondary: '通勤', season: 'softAutumn' }],
  ['turning every board down splits the styles evenly, led by 简约', { boards: rate([], [], '不喜欢') }, { primary: '简约', season: 'softAutumn' }],
  ['loving one board and turning down all the others makes that board’s style everything', { boards: rate(['morningRun'], [], '不喜欢') }, { primary: '运动', season: 'softAutumn' }],

  // ——— other routes to a season, and near ties ———
  ['a slow tan with auburn hair, amber eyes and strong contrast stays 暖春, with 净春 next', { colour: colour('green gold burnsThenTans auburn amber high') }, { primary: '简约', season: 'warmSpring', runnerUp: 'brightSpring' }],
  ['light brown hair and amber eyes with soft contrast are still 浅春, though 浅夏 is close', { colour: colour('green both burns lightBrown amber low') }, { primary: '简约', season: 'lightSpring', runnerUp: 'lightSummer' }],
  ['blue veins, silver, light ash hair, grey-brown eyes and soft contrast are so soft they make 柔夏, not 冷夏', { colour: colour('blue silver burns lightAsh greyBrown low') }, { primary: '简约', season: 'softSummer', runnerUp: 'coolSummer' }],
  ['a tan under blue veins and black hair makes 深冬', { colour: colour('blue silver tans black darkBrown medium') }, { primary: '简约', season: 'deepWinter', runnerUp: 'coolWinter' }],
  ['soft brown hair and dark eyes on deep skin with soft contrast make 深秋, with 柔秋 next', { colour: colour('mixed gold deep softBrown darkBrown low') }, { primary: '简约', season: 'deepAutumn', runnerUp: 'softAutumn' }],
  ['blue veins and black hair with strong contrast make 净冬 by a hair over 冷冬', { colour: colour('blue silver burns black darkBrown high') }, { primary: '简约', season: 'brightWinter', runnerUp: 'coolWinter' }],
  ['warm veins and gold under black hair and dark eyes on deep skin: deep first, so 深冬 by a hair over 深秋', { colour: colour('green gold deep black darkBrown medium') }, { primary: '简约', season: 'deepWinter', runnerUp: 'deepAutumn' }],
  ['the plain answers (unclear veins, both metals, soft brown hair, warm brown eyes) make 柔秋', {}, { primary: '简约', season: 'softAutumn', runnerUp: 'deepAutumn', sentence: '中性调、明度偏深、柔和：秋季型 · 柔秋' }],

  // ——— the 穿搭诊断 coupon's category ———
  ['dressing for 职场 most, with tops bought mid-range, puts the coupon on tops', {}, { primary: '简约', season: 'softAutumn', topCategory: 'top' }],
  ['dressing for 约会 often and paying the most for dresses puts the coupon on dresses', { scenes: { 约会: '经常', 职场: '很少', 休闲: '有时', 运动: '很少', 旅行: '很少' }, prices: { top: 'top2', bottom: 'bottom2', dress: 'dress5', outer: 'outer2', shoes: 'shoes2' } }, { primary: '简约', season: 'softAutumn', topCategory: 'dress' }],
  ['dressing for 运动 often and paying well for shoes puts the coupon on shoes', { scenes: { 约会: '很少', 职场: '很少', 休闲: '有时', 运动: '经常', 旅行: '很少' }, prices: { top: 'top2', bottom: 'bottom2', dress: 'dressNone', outer: 'outer2', shoes: 'shoes4' } }, { primary: '简约', season: 'softAutumn', topCategory: 'shoes' }],
  ['travelling often and paying well for outerwear puts the coupon on outerwear', { scenes: { 约会: '很少', 职场: '有时', 休闲: '很少', 运动: '很少', 旅行: '经常' }, prices: { top: 'top3', bottom: 'bottom3', dress: 'dress3', outer: 'outer4', shoes: 'shoes3' } }, { primary: '简约', season: 'softAutumn', topCategory: 'outer' }],
  ['dressing only for 职场 and paying the most for trousers puts the coupon on bottoms', { scenes: { 约会: '很少', 职场: '经常', 休闲: '很少', 运动: '很少', 旅行: '很少' }, prices: { top: 'top3', bottom: 'bottom5', dress: 'dress3', outer: 'outer3', shoes: 'shoes3' } }, { primary: '简约', season: 'softAutumn', topCategory: 'bottom' }],
  ['buying only cheap shoes (everything else 很少买) still puts the coupon where they buy', { prices: { top: 'topNone', bottom: 'bottomNone', dress: 'dressNone', outer: 'outerNone', shoes: 'shoes1' } }, { primary: '简约', season: 'softAutumn', topCategory: 'shoes' }],
  ['buying nothing (很少买 everywhere) falls back to what their scenes need most', { prices: { top: 'topNone', bottom: 'bottomNone', dress: 'dressNone', outer: 'outerNone', shoes: 'shoesNone' } }, { primary: '简约', season: 'softAutumn', topCategory: 'top' }],
];

function report(over: Partial<CompleteAnswers>): StyleReport {
  const r = scoreQuiz(answers(over), WEIGHTS);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r.report;
}

/** The fields a row names, read from the report. */
function seen(r: StyleReport, want: Want): Want {
  const all: Required<Want> = {
    primary: r.style.primary.style,
    secondary: r.style.secondary.style,
    season: r.colour.season,
    runnerUp: r.colour.runnerUp,
    topCategory: r.topCategory,
    sentence: r.colour.sentence,
  };
  return Object.fromEntries(Object.keys(want).map((k) => [k, all[k as keyof Want]])) as unknown as Want;
}

describe('fixed answer sets give the expected report', () => {
  it.each(ROWS)('%s', (_name, over, want) => {
    expect(seen(report(over), want)).toEqual(want);
  });

  it('the table covers every style as the primary and every season, in at least 30 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ROWS.map(([, , w]) => w.primary))).toEqual(new Set(STYLES));
    expect(new Set(ROWS.map(([, , w]) => w.season))).toEqual(new Set(COLOUR_SEASONS));
  });
});
