import { Picker, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { monthDayLabel } from '../../services/format';
import './index.scss';

/** The birthday rule in the shop's words, wherever a birthday can be set. */
export const BIRTHDAY_RULE_TEXT = '生日只需月和日，生日前后可领生日礼。为保证生日礼公平发放，生日设置后 12 个月内不能再修改。';

/** Days in each month of a leap year: members born on 29 February exist. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = DAYS_IN_MONTH.map((_, i) => `${i + 1}月`);
const daysOf = (monthIndex: number) => Array.from({ length: DAYS_IN_MONTH[monthIndex] ?? 31 }, (_, i) => `${i + 1}日`);
const pad = (n: number) => String(n).padStart(2, '0');

interface BirthdayPickerProps {
  /** "MM-DD" or null */
  value: string | null;
  onChange: (monthDay: string) => void;
  disabled?: boolean;
  placeholder?: string;
}

/** Month and day only (never the year: the programme does not need the member's age). */
export function BirthdayPicker({ value, onChange, disabled, placeholder = '选择生日（月/日）' }: BirthdayPickerProps) {
  const initial = useMemo(() => {
    const [m, d] = (value ?? '01-01').split('-').map(Number);
    return [(m ?? 1) - 1, (d ?? 1) - 1];
  }, [value]);
  const [month, setMonth] = useState(initial[0] ?? 0);
  // a value from outside (the me page re-reads the profile on show) moves the wheel to its month
  useEffect(() => setMonth(initial[0] ?? 0), [initial]);

  return (
    <Picker
      mode='multiSelector'
      range={[MONTHS, daysOf(month)]}
      value={[month, Math.min(initial[1] ?? 0, daysOf(month).length - 1)]}
      disabled={disabled}
      onColumnChange={(e) => {
        if (e.detail.column === 0) setMonth(e.detail.value);
      }}
      onChange={(e) => {
        const [mi, di] = e.detail.value as number[];
        const m = mi ?? 0;
        const d = Math.min(di ?? 0, daysOf(m).length - 1);
        onChange(`${pad(m + 1)}-${pad(d + 1)}`);
      }}
      onCancel={() => setMonth(initial[0] ?? 0)}
    >
      <View className={`birthday-picker${disabled ? ' birthday-picker--disabled' : ''}`}>
        <Text className={value ? 'birthday-picker__value' : 'birthday-picker__placeholder'}>
          {value ? monthDayLabel(value) : placeholder}
        </Text>
        {!disabled && <Text className='birthday-picker__chevron'>›</Text>}
      </View>
    </Picker>
  );
}

/** The labelled form row of the birthday, as the join and me pages show it. */
export function BirthdayField(props: BirthdayPickerProps) {
  return (
    <View className='form-row'>
      <Text className='form-row__label'>生日</Text>
      <View className='form-row__input'>
        <BirthdayPicker {...props} />
      </View>
    </View>
  );
}
