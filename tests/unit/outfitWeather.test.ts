import { readFileSync } from 'node:fs';
import path from 'node:path';
import { climateNormsSchema } from '../../cloudfunctions/contract/outfits';
import { temperatureFor } from '../../cloudfunctions/domain/outfits';

/**
 * The offline weather: the climate norms seed reads as its schema and as real Chinese climates,
 * and a day's temperature comes from its month's norm, moving smoothly between months.
 */
const RAW: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/database/seed/climateNorms.json'), 'utf8'));
const NORMS = climateNormsSchema.parse(RAW);
const CITIES = ['上海', '杭州', '北京', '广州', '深圳', '成都', '重庆', '武汉', '西安', '南京', '天津', '沈阳', '哈尔滨', '昆明', '厦门'];
/** An instant at noon shop time on a calendar day. */
const noon = (ymd: string) => new Date(`${ymd}T04:00:00Z`);
const norm = (city: string, month: number) => NORMS.cities[city]![month - 1]!;

describe('the climate norms seed', () => {
  it('parses, names its source, and covers both demo stores’ cities and the big cities', () => {
    expect(NORMS.source).toMatch(/China Meteorological Administration/);
    expect(NORMS.period).toBe('1991-2020');
    expect(Object.keys(NORMS.cities).sort()).toEqual([...CITIES].sort());
  });

  it('reads as real climates: summer warmer than winter everywhere, the north coldest, the south mild, Kunming the mildest swing', () => {
    for (const [city, months] of Object.entries(NORMS.cities)) {
      expect(Math.max(months[6]!, months[7]!)).toBeGreaterThan(months[0]! + 10);
      expect(months.every((t) => t > -25 && t < 32)).toBe(true);
      expect(city).not.toBe('');
    }
    const january = (c: string) => norm(c, 1);
    expect(Math.min(...CITIES.map(january))).toBe(january('哈尔滨'));
    expect(january('哈尔滨')).toBeLessThan(-15);
    for (const south of ['广州', '深圳', '厦门']) expect(january(south)).toBeGreaterThan(12);
    for (const north of ['北京', '天津', '沈阳', '哈尔滨']) expect(january(north)).toBeLessThan(0);
    const swing = (c: string) => Math.max(...NORMS.cities[c]!) - Math.min(...NORMS.cities[c]!);
    expect(Math.min(...CITIES.map(swing))).toBe(swing('昆明'));
  });

  it('refuses a city with eleven months or a tropical January in Harbin at 45°C', () => {
    expect(climateNormsSchema.safeParse({ ...NORMS, cities: { 上海: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } }).success).toBe(false);
    expect(climateNormsSchema.safeParse({ ...NORMS, cities: { 哈尔滨: [45, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } }).success).toBe(false);
  });
});

describe('the day’s temperature', () => {
  it.each([
    ['上海', '2027-01-16', 1],
    ['上海', '2027-07-16', 7],
    ['哈尔滨', '2027-01-16', 1],
    ['杭州', '2027-10-16', 10],
  ])('is the month’s norm in the middle of the month (%s, %s)', (city, ymd, month) => {
    expect(temperatureFor(city, noon(ymd), NORMS)).toEqual({ temperatureC: norm(city, month), city, nationalMean: false });
  });

  it('lies between two months’ norms at the turn of the month, and changes by a fraction of a degree from one day to the next', () => {
    const jan31 = temperatureFor('北京', noon('2027-01-31'), NORMS).temperatureC;
    const feb1 = temperatureFor('北京', noon('2027-02-01'), NORMS).temperatureC;
    const [jan, feb] = [norm('北京', 1), norm('北京', 2)];
    for (const t of [jan31, feb1]) expect(t > jan && t < feb).toBe(true);
    expect(Math.abs(feb1 - jan31)).toBeLessThanOrEqual(0.3);
  });

  it('warms day by day from mid-March to mid-April in Shanghai', () => {
    let last = -Infinity;
    for (let d = new Date(noon('2027-03-16')); d <= noon('2027-04-15'); d = new Date(d.getTime() + 86_400_000)) {
      const t = temperatureFor('上海', d, NORMS).temperatureC;
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
    }
  });

  it('runs from December on into January across the new year', () => {
    const t = temperatureFor('上海', noon('2027-12-31'), NORMS).temperatureC;
    expect(t).toBeLessThan(norm('上海', 12));
    expect(t).toBeGreaterThan(norm('上海', 1));
  });

  it('reads the shop’s calendar day: 16:30 UTC on 15 January is already the 16th in Shanghai', () => {
    expect(temperatureFor('上海', new Date('2027-01-15T16:30:00Z'), NORMS).temperatureC).toBe(norm('上海', 1));
  });

  it('knows a city by its name with or without 市', () => {
    expect(temperatureFor('上海市', noon('2027-07-16'), NORMS)).toEqual({ temperatureC: norm('上海', 7), city: '上海', nationalMean: false });
  });

  it('falls back to the mean of every city, flagged, for a city it does not know', () => {
    const t = temperatureFor('拉萨', noon('2027-07-16'), NORMS);
    const mean = CITIES.reduce((s, c) => s + norm(c, 7), 0) / CITIES.length;
    expect(t).toEqual({ temperatureC: Math.round(mean * 10) / 10, city: null, nationalMean: true });
  });
});
