import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from '@testing-library/react';
import type { LedgerLine } from '../../../cloudfunctions/contract';
import { line } from '../../../tests/ui/support/points';
import { PointsLine, signedPoints } from './index';

function show(over: Partial<LedgerLine>) {
  const { container } = render(<PointsLine line={line(7, over)} />);
  const one = (selector: string) => container.querySelector(selector)?.textContent ?? null;
  return { container, one, notes: Array.from(container.querySelectorAll('.points-line__note'), (n) => n.textContent) };
}

describe('a line of the points history', () => {
  it('says what happened, where, and when in shop time', () => {
    const { one } = show({ title: '门店消费', detail: '悦衣库 上海静安店 · 实付 ¥399', at: '2026-11-24T16:30:00.000Z', expiresAt: null });
    expect(one('.points-line__title')).toBe('门店消费');
    expect(one('.points-line__detail')).toBe('悦衣库 上海静安店 · 实付 ¥399');
    expect(one('.points-line__when')).toBe('2026-11-25 00:30');
  });

  it('a line without detail shows none', () => {
    expect(show({ detail: null }).one('.points-line__detail')).toBeNull();
  });

  it.each([
    [120, '+120', true],
    [1280, '+1,280', true],
    [-30, '\u221230', false],
    [-2500, '\u22122,500', false],
    [0, '0', false],
  ])('%s points read %s (gains in green)', (points, shown, gain) => {
    const { one, container } = show({ points });
    expect(one('.points-line__points')).toBe(shown);
    expect(signedPoints(points)).toBe(shown);
    expect(container.querySelector('.points-line__points--gain') !== null).toBe(gain);
  });

  it.each<[LedgerLine['kind'], string | null, string]>([
    ['earn', '2027-12-31T16:00:00.000Z', '2026-11-25 10:00 · 有效期至 2027-12-31'],
    ['bonus', '2027-12-31T15:59:59.999Z', '2026-11-25 10:00 · 有效期至 2027-12-31'],
    ['earn', null, '2026-11-25 10:00'],
    ['redeem', '2027-12-31T16:00:00.000Z', '2026-11-25 10:00'],
    ['expire', null, '2026-11-25 10:00'],
  ])('a %s line with expiry %s reads "%s"', (kind, expiresAt, when) => {
    expect(show({ kind, expiresAt }).one('.points-line__when')).toBe(when);
  });

  it.each<[LedgerLine['kind'], string | null, string[]]>([
    ['earn', '2027-12-31T16:00:00.000Z', ['2026-11-25 10:00', '有效期至 2027-12-31']],
    ['bonus', '2027-12-31T16:00:00.000Z', ['2026-11-25 10:00', '有效期至 2027-12-31']],
    ['earn', null, ['2026-11-25 10:00']],
    ['expire', null, ['2026-11-25 10:00']],
  ])('a %s line (expiry %s) keeps each date and each "有效期至 …" whole: %j', (kind, expiresAt, pieces) => {
    const { container } = show({ kind, expiresAt, at: '2026-11-25T02:00:00.000Z' });
    const stamps = Array.from(container.querySelectorAll('.points-line__when .points-line__stamp'), (el) => el.textContent);
    expect(stamps).toEqual(pieces);
  });

  it('the pieces of the when line never wrap inside (a narrow phone wraps between them)', () => {
    const scss = readFileSync(path.join(__dirname, 'index.scss'), 'utf8');
    const rule = /\.points-line__stamp\s*\{([^}]*)\}/.exec(scss);
    expect(rule?.[1]).toMatch(/white-space:\s*nowrap/);
    // and the line itself may wrap: nothing above the pieces forbids it
    expect(/\.points-line__when\s*\{([^}]*)\}/.exec(scss)?.[1]).not.toMatch(/white-space:\s*nowrap/);
  });

  it.each<[string, Partial<LedgerLine>, string[]]>([
    ['earnings that settled a debt', { points: 90, debtSettled: 30 }, ['抵扣欠分 30']],
    ['a refund of points already spent', { kind: 'refund', points: -50, debtAdded: 70 }, ['欠分 70']],
    ['a line that did both', { kind: 'adjust', points: 0, debtSettled: 1200, debtAdded: 5 }, ['抵扣欠分 1,200', '欠分 5']],
    ['a plain purchase', {}, []],
  ])('%s is noted', (_name, over, notes) => {
    expect(show(over).notes).toEqual(notes);
  });
});
