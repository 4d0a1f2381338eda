import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ChoiceChip<T extends string | number> {
  value: T;
  label: string;
}

export interface ChoiceChipsProps<T extends string | number> {
  options: ReadonlyArray<ChoiceChip<T>>;
  /** the values chosen now: one for a single choice, any number for a multiple one */
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** what the group is about, for screen readers ("上身") */
  label: string;
  /** a multiple choice reads as checkboxes, a single one as radio buttons */
  multiple?: boolean;
  /** chips sharing the row's width evenly (经常/有时/很少) rather than sized to their words (sizes) */
  even?: boolean;
}

/** A row of thumb-sized choices (88 px tall), the chosen ones filled. */
export function ChoiceChips<T extends string | number>({ options, selected, onToggle, label, multiple = false, even = false }: ChoiceChipsProps<T>) {
  return (
    <View className={`choice-chips${even ? ' choice-chips--even' : ''}`} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <View
            key={String(option.value)}
            className={`choice-chip${on ? ' choice-chip--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on ? 'true' : 'false'}
            hoverClass='choice-chip--pressed'
            onClick={() => onToggle(option.value)}
          >
            <Text className='choice-chip__label'>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
