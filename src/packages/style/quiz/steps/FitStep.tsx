import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import type { StepProps } from './types';

/** Fit per body half as chips, then the silhouette as cards with its shape and hint. */
export function FitStep({ step, answers, onAnswer }: StepProps<'fit'>) {
  const options = step.fits.map((f) => ({ value: f, label: f }));
  return (
    <View className='quiz-fit'>
      {step.halves.map(({ half, label }) => (
        <View key={half} className='quiz-row' data-half={half}>
          <Text className='quiz-row__label'>{label}</Text>
          <View className='quiz-row__chips'>
            <ChoiceChips even label={label} options={options} selected={answers.fit?.[half] ? [answers.fit[half]!] : []} onToggle={(f) => onAnswer({ fit: { [half]: f } })} />
          </View>
        </View>
      ))}
      <Text className='quiz-fit__heading'>常穿的轮廓</Text>
      <View className='quiz-silhouettes' role='radiogroup' aria-label='常穿的轮廓'>
        {step.silhouettes.map((s) => {
          const on = answers.fit?.silhouette === s.id;
          return (
            <View
              key={s.id}
              className={`quiz-silhouette${on ? ' quiz-silhouette--on' : ''}`}
              role='radio'
              aria-checked={on ? 'true' : 'false'}
              data-silhouette={s.id}
              onClick={() => onAnswer({ fit: { silhouette: s.id } })}
            >
              <View className={`quiz-silhouette__shape quiz-silhouette__shape--${s.id}`} />
              <Text className='quiz-silhouette__name'>{s.name}</Text>
              <Text className='quiz-silhouette__hint'>{s.hint}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
