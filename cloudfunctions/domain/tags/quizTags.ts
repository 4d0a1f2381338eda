import { BODY_HALF_NAMES, SILHOUETTE_NAMES } from '../../contract/styleQuiz';
import { CATEGORY_NAMES, COLOUR_SEASON_NAMES, SCENES } from '../../contract/styleWords';
import { colourWord, seasonTitle } from '../style/words';
import type { PreferenceField } from '../style/preferences';
import { fromReport, preferOwn, type TagFacts, type TagRule } from './rule';

/** Tags from the style report, each outranked by what the member set themselves where it is a preference. */

const names = (f: TagFacts, ids: string[] | undefined) => ids?.map((id) => f.colourChoices.get(id)?.name ?? '').filter(Boolean);
const setAt = (f: TagFacts, field: PreferenceField) => f.preferences.setAt?.[field];

export const QUIZ_TAGS: TagRule[] = [
  { code: 'primaryStyle', label: '主风格', group: 'style', derive: (f) => fromReport(f, (r) => [`${r.style.primary.style} ${r.style.primary.share}%`]) },
  { code: 'secondaryStyle', label: '次风格', group: 'style', derive: (f) => fromReport(f, (r) => [`${r.style.secondary.style} ${r.style.secondary.share}%`]) },
  { code: 'styleLeaning', label: '风格倾向', group: 'style', derive: (f) => fromReport(f, (r) => r.style.axes.map((a) => a.words)) },
  { code: 'colourSeason', label: '色彩季型', group: 'colour', derive: (f) => fromReport(f, (r) => [seasonTitle(r.colour.season)]) },
  {
    code: 'colourTraits',
    label: '色彩特征',
    group: 'colour',
    derive: (f) => fromReport(f, (r) => [colourWord('undertone', r.colour.axes.undertone), colourWord('value', r.colour.axes.value), colourWord('chroma', r.colour.axes.chroma), colourWord('contrast', r.colour.axes.contrast)]),
  },
  { code: 'wearColours', label: '适合的颜色', group: 'colour', derive: (f) => fromReport(f, (r) => r.palette.wear.slice(0, 6).map((c) => c.name)) },
  { code: 'avoidColours', label: '慎穿的颜色', group: 'colour', derive: (f) => fromReport(f, (r) => r.palette.avoid.slice(0, 4).map((c) => c.name)) },
  { code: 'metals', label: '适合的金属', group: 'colour', derive: (f) => fromReport(f, (r) => r.palette.metals.map((c) => c.name)) },
  {
    code: 'likedColours',
    label: '喜欢的颜色',
    group: 'colour',
    editable: true,
    derive: (f) => preferOwn(names(f, f.preferences.likedColours), setAt(f, 'likedColours'), f.report?.report.likedColours.map((c) => c.name), f),
  },
  {
    code: 'dislikedColours',
    label: '不想穿的颜色',
    group: 'colour',
    editable: true,
    derive: (f) => preferOwn(names(f, f.preferences.dislikedColours), setAt(f, 'dislikedColours'), f.report?.report.dislikedColours.map((c) => c.name), f),
  },
  {
    code: 'scenes',
    label: '常穿场景',
    group: 'scene',
    editable: true,
    derive: (f) => preferOwn(f.preferences.scenes ? SCENES.filter((s) => f.preferences.scenes!.includes(s)) : undefined, setAt(f, 'scenes'), f.report?.report.scenes.filter((s) => s.frequency !== '很少').map((s) => s.scene), f),
  },
  {
    code: 'fitTop',
    label: `${BODY_HALF_NAMES.top}版型`,
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.fit?.top ? [f.preferences.fit.top] : undefined, setAt(f, 'fitTop'), f.report ? [f.report.report.fit.top] : undefined, f),
  },
  {
    code: 'fitBottom',
    label: `${BODY_HALF_NAMES.bottom}版型`,
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.fit?.bottom ? [f.preferences.fit.bottom] : undefined, setAt(f, 'fitBottom'), f.report ? [f.report.report.fit.bottom] : undefined, f),
  },
  {
    code: 'silhouette',
    label: '偏爱廓形',
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.fit?.silhouette ? [SILHOUETTE_NAMES[f.preferences.fit.silhouette]] : undefined, setAt(f, 'fitSilhouette'), f.report ? [f.report.report.fit.silhouetteName] : undefined, f),
  },
  {
    code: 'sizeTop',
    label: '上装尺码',
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.sizes?.top ? [f.preferences.sizes.top] : undefined, setAt(f, 'sizesTop'), f.report ? [f.report.report.sizes.top] : undefined, f),
  },
  {
    code: 'sizeBottom',
    label: '下装尺码',
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.sizes?.bottom ? [f.preferences.sizes.bottom] : undefined, setAt(f, 'sizesBottom'), f.report ? [f.report.report.sizes.bottom] : undefined, f),
  },
  {
    code: 'shoeSize',
    label: '鞋码',
    group: 'body',
    editable: true,
    derive: (f) => preferOwn(f.preferences.sizes?.shoes ? [String(f.preferences.sizes.shoes)] : undefined, setAt(f, 'sizesShoes'), f.report ? [String(f.report.report.sizes.shoes)] : undefined, f),
  },
  {
    code: 'priceBands',
    label: '常买价位',
    group: 'price',
    derive: (f) => fromReport(f, (r) => r.priceBands.map((b) => `${CATEGORY_NAMES[b.category]} ${b.label}`)),
  },
];

/** The season's name alone ("柔秋"), for the places that have no room for the family. */
export const seasonName = (f: TagFacts) => (f.report ? COLOUR_SEASON_NAMES[f.report.report.colour.season] : null);
