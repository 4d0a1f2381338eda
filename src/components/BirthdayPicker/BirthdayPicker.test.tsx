import { render } from '@testing-library/react';
import { emit, prop } from '../../../tests/ui/support/dom';
import { resetTaro } from '../../../tests/ui/support/taro';
import { BirthdayPicker } from './index';

function show(value: string | null, extra: { disabled?: boolean; placeholder?: string } = {}) {
  const onChange = jest.fn<void, [string]>();
  const { container } = render(<BirthdayPicker value={value} onChange={onChange} {...extra} />);
  const picker = container.querySelector('taro-picker-core');
  return {
    onChange,
    picker,
    label: () => container.querySelector('.birthday-picker')?.textContent ?? '',
    /** the day column the picker offers now */
    days: () => prop<string[][]>(picker, 'range')[1] ?? [],
    selected: () => prop<number[]>(picker, 'value'),
    chevron: () => container.querySelector('.birthday-picker__chevron'),
  };
}

beforeEach(() => resetTaro());

describe('the birthday picker shows month and day, never a year', () => {
  it.each([
    ['03-08', '3月8日'],
    ['12-31', '12月31日'],
    ['02-29', '2月29日'],
    ['01-01', '1月1日'],
  ])('%s reads %s', (value, label) => {
    const { label: shown } = show(value);
    expect(shown()).toContain(label);
  });

  it.each<[string, { placeholder?: string }, string]>([
    ['its own words', {}, '选择生日（月/日）'],
    ['the words it is given', { placeholder: '设置生日，领生日礼' }, '设置生日，领生日礼'],
  ])('with no birthday yet it shows a placeholder: %s', (_name, extra, text) => {
    expect(show(null, extra).label()).toContain(text);
  });

  it('offers twelve months and the days of the month shown, starting on the value', () => {
    const { picker, selected, days } = show('03-08');
    expect(prop<string>(picker, 'mode')).toBe('multiSelector');
    expect(prop<string[][]>(picker, 'range')[0]).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(days()).toHaveLength(31);
    expect(selected()).toEqual([2, 7]);
  });
});

describe('choosing a day sends MM-DD', () => {
  it.each<[string, string, [number, number]]>([
    ['8 March', '03-08', [2, 7]],
    ['29 February (members born on a leap day exist)', '02-29', [1, 28]],
    ['31 December', '12-31', [11, 30]],
    ['1 January', '01-01', [0, 0]],
    ['a day past the end of April: clamped to 30 April', '04-30', [3, 30]],
    ['a day past the end of February: clamped to 29 February', '02-29', [1, 30]],
  ])('%s → %s', (_name, sent, value) => {
    const { picker, onChange } = show(null);
    emit(picker, 'change', { value });
    expect(onChange.mock.calls).toEqual([[sent]]);
  });
});

describe('the day column follows the month being turned', () => {
  it.each([
    ['February', 29, 1],
    ['April', 30, 3],
    ['December', 31, 11],
  ])('turning to %s offers %s days', (_name, count, month) => {
    const { picker, days } = show('01-15');
    emit(picker, 'columnchange', { column: 0, value: month });
    expect(days()).toHaveLength(count);
  });

  it('a day the new month does not have is pulled back to its last day', () => {
    const { picker, selected } = show('01-31');
    emit(picker, 'columnchange', { column: 0, value: 3 });
    expect(selected()).toEqual([3, 29]);
  });

  it('turning the day column changes nothing about the month', () => {
    const { picker, days } = show('02-10');
    emit(picker, 'columnchange', { column: 1, value: 30 });
    expect(days()).toHaveLength(29);
  });

  it('a new value from outside (a fresh read of the profile) opens the wheel on its own month', () => {
    const onChange = jest.fn();
    const { container, rerender } = render(<BirthdayPicker value='01-31' onChange={onChange} />);
    rerender(<BirthdayPicker value='06-15' onChange={onChange} />);
    const picker = container.querySelector('taro-picker-core');
    expect(prop<number[]>(picker, 'value')).toEqual([5, 14]);
    expect(prop<string[][]>(picker, 'range')[1]).toHaveLength(30);
  });

  it('cancelling goes back to the month of the value', () => {
    const { picker, days, onChange } = show('02-10');
    emit(picker, 'columnchange', { column: 0, value: 0 });
    expect(days()).toHaveLength(31);
    emit(picker, 'cancel');
    expect(days()).toHaveLength(29);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('a locked birthday', () => {
  it('is disabled and shows no chevron', () => {
    const { picker, chevron, label } = show('05-20', { disabled: true });
    expect(prop(picker, 'disabled')).toBe(true);
    expect(chevron()).toBeNull();
    expect(label()).toContain('5月20日');
  });
});
