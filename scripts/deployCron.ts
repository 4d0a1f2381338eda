/**
 * CloudBase timer triggers take a 7-field cron, read in UTC+8: second minute hour day month
 * weekday year. Each field is `*`, a value, a range `a-b`, a step (`a/n`, `a-b/n`, or `*` then
 * `/n`), or a comma list of those; months and weekdays may be spelt JAN–DEC and SUN–SAT. A 5- or 6-field
 * cron copied from elsewhere is the usual mistake: it is refused here, not by the console later.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: Field[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

function value(text: string, f: Field): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= f.min && n <= f.max ? n : null;
  }
  const i = f.names?.indexOf(text.toUpperCase()) ?? -1;
  return i < 0 ? null : f.min + i;
}

function itemProblem(item: string, f: Field): string | null {
  const [range, step, extra] = item.split('/');
  if (extra !== undefined || range === '') return `"${item}" is not a value, range or step`;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) return `step "${step}" must be a whole number ≥ 1`;
  if (range === '*') return null;
  const [from, to, more] = range!.split('-');
  if (more !== undefined) return `"${range}" is not a range a-b`;
  const a = value(from!, f);
  if (a === null) return `"${from}" is outside ${f.min}–${f.max}`;
  if (to === undefined) return null;
  const b = value(to, f);
  if (b === null) return `"${to}" is outside ${f.min}–${f.max}`;
  return a <= b ? null : `range "${range}" runs backwards`;
}

/** Why this is not a CloudBase timer cron, or null when it is one. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) {
    return `"${cron}" has ${fields.length} fields; CloudBase timers take 7 (second minute hour day month weekday year), e.g. "0 */10 * * * * *"`;
  }
  for (let i = 0; i < 7; i += 1) {
    for (const item of fields[i]!.split(',')) {
      const problem = itemProblem(item, FIELDS[i]!);
      if (problem) return `"${cron}": ${FIELDS[i]!.name} field: ${problem}`;
    }
  }
  return null;
}
