import { Image, Text, View } from '@tarojs/components';
import type { ProductCard } from '../../../../../cloudfunctions/contract/style';
import type { Board } from '../../../../../cloudfunctions/contract/styleQuiz';
import { RATINGS } from '../../words';
import type { StepProps } from './types';

/**
 * Outfit boards, each as its pieces' pictures (the catalogue's products the function chose) beside
 * its title and three big buttons: 喜欢 / 一般 / 不喜欢.
 */
export function BoardsStep({ step, answers, onAnswer, pictures }: StepProps<'boards'> & { pictures: Record<string, ProductCard[]> }) {
  return (
    <View className='quiz-boards'>
      {step.boards.map((board) => {
        const rating = answers.boards?.[board.id];
        return (
          <View key={board.id} className={`quiz-board${rating ? ' quiz-board--rated' : ''}`} data-board={board.id}>
            <BoardPictures board={board} pieces={pictures[board.id] ?? []} />
            <View className='quiz-board__side'>
              <Text className='quiz-board__title'>{board.title}</Text>
              <View className='quiz-board__ratings' role='radiogroup' aria-label={`给「${board.title}」打分`}>
                {RATINGS.map((r) => (
                  <View
                    key={r}
                    className={`quiz-board__rating quiz-board__rating--${r === '喜欢' ? 'love' : r === '一般' ? 'fine' : 'no'}${rating === r ? ' quiz-board__rating--on' : ''}`}
                    role='radio'
                    aria-checked={rating === r ? 'true' : 'false'}
                    hoverClass='quiz-board__rating--pressed'
                    onClick={() => onAnswer({ boards: { [board.id]: r } })}
                  >
                    {r}
                  </View>
                ))}
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/**
 * The board's pieces as a collage: four in a square, three as one tall and two small. A board the
 * catalogue could not fill shows its title instead (it still rates by its title).
 */
function BoardPictures({ board, pieces }: { board: Board; pieces: ProductCard[] }) {
  if (pieces.length === 0) {
    return (
      <View className='quiz-board__pictures quiz-board__pictures--none'>
        <Text>{board.title}</Text>
      </View>
    );
  }
  const shown = pieces.slice(0, 4);
  return (
    <View className={`quiz-board__pictures quiz-board__pictures--${shown.length}`} aria-label={shown.map((p) => p.name).join('、')}>
      {shown.map((piece) => (
        <View key={piece.sku} className='quiz-board__piece'>
          <Image className='quiz-board__image' src={piece.image} mode='aspectFit' lazyLoad />
        </View>
      ))}
    </View>
  );
}
