import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ColourSwatch } from '../../../../components/ColourSwatch';
import type { StepProps } from './types';
import './LikesStep.scss';

type Side = 'liked' | 'disliked';

/**
 * Colours loved and colours avoided: pick a side (喜欢 / 不想穿), then tap swatches. A colour is on
 * one side at most: tapping it on the other side moves it. Both lists may stay empty.
 */
export function LikesStep({ step, answers, onAnswer }: StepProps<'likes'>) {
  const [side, setSide] = useState<Side>('liked');
  const liked = answers.likedColours ?? [];
  const disliked = answers.dislikedColours ?? [];

  function tap(id: string) {
    const mine = side === 'liked' ? liked : disliked;
    const other = side === 'liked' ? disliked : liked;
    const nextMine = mine.includes(id) ? mine.filter((c) => c !== id) : [...mine, id];
    const nextOther = other.filter((c) => c !== id);
    onAnswer(side === 'liked' ? { likedColours: nextMine, dislikedColours: nextOther } : { likedColours: nextOther, dislikedColours: nextMine });
  }

  return (
    <View className='quiz-likes'>
      <View className='quiz-likes__sides' role='radiogroup' aria-label='选颜色的一边'>
        {(['liked', 'disliked'] as const).map((s) => (
          <View
            key={s}
            className={`quiz-likes__side quiz-likes__side--${s}${side === s ? ' quiz-likes__side--on' : ''}`}
            role='radio'
            aria-checked={side === s ? 'true' : 'false'}
            onClick={() => setSide(s)}
          >
            {s === 'liked' ? `♥ 喜欢（${liked.length}）` : `✕ 不想穿（${disliked.length}）`}
          </View>
        ))}
      </View>
      <Text className='quiz-likes__now'>{side === 'liked' ? '点选你爱穿的颜色' : '点选你不想穿的颜色'}</Text>
      <View className='quiz-likes__grid'>
        {step.colours.map((colour) => {
          const mark = liked.includes(colour.id) ? 'liked' : disliked.includes(colour.id) ? 'disliked' : null;
          return (
            <View key={colour.id} className='quiz-likes__cell' data-colour={colour.id}>
              <ColourSwatch
                hex={colour.hex}
                label={colour.name}
                mark={mark}
                onTap={() => tap(colour.id)}
                ariaLabel={`${colour.name}${mark === 'liked' ? '，喜欢' : mark === 'disliked' ? '，不想穿' : ''}`}
              />
            </View>
          );
        })}
      </View>
    </View>
  );
}
