import type { ClimateNorms } from '../../contract/outfits';
import { shopTime } from '../time';

export interface DayTemperature {
  /** the day's expected mean temperature, °C, to one decimal */
  temperatureC: number;
  /** the city whose norms were used; null when the national mean stood in */
  city: string | null;
  /** the city is not in the norms: the mean of every city there stood in */
  nationalMean: boolean;
}

/** "上海市" and "上海" are the same city to a store list. */
const cityKey = (city: string) => city.trim().replace(/市$/, '');

/**
 * The day's temperature from the climate norms, with no network: each month's mean is taken to
 * fall mid-month, and a day in between is interpolated linearly between the two nearest months
 * (December runs on into January), so the temperature moves day by day instead of jumping on the
 * 1st. The day is the shop's (Asia/Shanghai). A city not in the norms gets the mean of all of
 * them, flagged.
 */
export function temperatureFor(city: string, date: Date, norms: ClimateNorms): DayTemperature {
  const key = cityKey(city);
  const own = norms.cities[key];
  const all = Object.values(norms.cities);
  const months = own ?? Array.from({ length: 12 }, (_, m) => all.reduce((s, c) => s + c[m]!, 0) / Math.max(1, all.length));
  const t = shopTime(date);
  const month = t.startOf('month');
  const mid = (d: typeof t) => (d.daysInMonth() - 1) / 2;
  // days from this month's middle to the neighbouring month's middle, and how far along today is
  const day = t.date() - 1;
  const after = day >= mid(month);
  const neighbour = after ? month.add(1, 'month') : month.subtract(1, 'month');
  const gap = after ? month.daysInMonth() - mid(month) + mid(neighbour) : mid(month) + neighbour.daysInMonth() - mid(neighbour);
  const along = Math.abs(day - mid(month)) / gap;
  const [here, there] = [months[month.month()]!, months[neighbour.month()]!];
  const value = here + along * (there - here);
  return { temperatureC: Math.round(value * 10) / 10, city: own ? key : null, nationalMean: !own };
}
