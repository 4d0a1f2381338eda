import { Axis, Chart, Interval, jsx, Legend } from '@antv/f2';
import type { Dashboard } from '../../../services/opsDashboard';
import type { F2Element } from './ChartCanvas';

/**
 * The dashboard's charts as F2 element trees (F2's own `jsx`, called as functions so React's JSX
 * stays React's). Each takes the figures the page also prints as text.
 */

const INK = '#1F1B16';
const ACCENT = '#B08D57';
const SOFT = '#D8C7AC';
const GREEN = '#2F7A4F';
const RED = '#B4412F';
const AXIS_LABEL = { fill: '#8A8178', fontSize: '22px' };
const LEGEND_TEXT = { nameStyle: { fill: '#1F1B16', fontSize: '24px' } };

/** Whole-number ticks from 0 (people and coupons come in ones): 0 and four steps up to at least `most`. */
function countScale(most: number) {
  const step = Math.max(1, Math.ceil(most / 4));
  return { min: 0, max: step * 4, ticks: [0, 1, 2, 3, 4].map((i) => i * step) };
}

const el = jsx as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => F2Element;

/** New members per day, stacked: through the store's code and through clerks' codes. */
export function signupsChart(daily: Dashboard['signups']['daily']): F2Element {
  const data = daily.flatMap((d) => [
    { date: d.date.slice(5), via: '门店码', members: d.store },
    { date: d.date.slice(5), via: '店员码', members: d.clerks },
  ]);
  const most = Math.max(1, ...daily.map((d) => d.store + d.clerks));
  return el(
    Chart,
    { data, scale: { members: countScale(most), date: { tickCount: daily.length > 10 ? 5 : daily.length } } },
    el(Axis, { field: 'date', style: { label: AXIS_LABEL } }),
    el(Axis, { field: 'members', style: { label: AXIS_LABEL } }),
    el(Interval, { x: 'date', y: 'members', color: { field: 'via', range: [INK, ACCENT] }, adjust: 'stack' }),
    el(Legend, { position: 'top', style: { justifyContent: 'flex-start' }, ...LEGEND_TEXT }),
  );
}

/** Members per tier as a ring. */
export function tiersChart(counts: Dashboard['tiers']['counts']): F2Element {
  const data = counts.map((t) => ({ whole: '1', name: t.name, members: t.members }));
  return el(
    Chart,
    { data, coord: { type: 'polar', transposed: true, innerRadius: 0.6, radius: 0.9 } },
    el(Interval, { x: 'whole', y: 'members', adjust: 'stack', color: { field: 'name', range: [SOFT, '#6D8A70', INK] } }),
    el(Legend, { position: 'right', ...LEGEND_TEXT }),
  );
}

/** Coupons used per template, the most used first (at most 6). */
export function couponsChart(templates: Dashboard['coupons']['templates']): F2Element {
  const data = templates.slice(0, 6).reverse().map((t) => ({ name: t.name.length > 8 ? `${t.name.slice(0, 7)}…` : t.name, used: t.used }));
  return el(
    Chart,
    { data, coord: { transposed: true }, scale: { used: countScale(Math.max(1, ...data.map((d) => d.used))) } },
    el(Axis, { field: 'name', style: { label: AXIS_LABEL } }),
    el(Axis, { field: 'used', style: { label: AXIS_LABEL } }),
    el(Interval, { x: 'name', y: 'used', color: ACCENT }),
  );
}

/** NPS answers by kind: promoters, passives, detractors. */
export function npsChart(nps: Dashboard['nps']): F2Element {
  const data = [
    { kind: '推荐者 9–10', answers: nps.promoters },
    { kind: '中立者 7–8', answers: nps.passives },
    { kind: '贬损者 0–6', answers: nps.detractors },
  ];
  return el(
    Chart,
    { data, coord: { transposed: true }, scale: { answers: countScale(Math.max(1, nps.promoters, nps.passives, nps.detractors)) } },
    el(Axis, { field: 'kind', style: { label: AXIS_LABEL } }),
    el(Axis, { field: 'answers', style: { label: AXIS_LABEL } }),
    el(Interval, { x: 'kind', y: 'answers', color: { field: 'kind', range: [GREEN, SOFT, RED] } }),
  );
}
