import { Button, Image, Text, View } from '@tarojs/components';
import type { AppError } from '../../../../cloudfunctions/contract';
import type { OutfitProblem, OutfitView, WardrobePiece } from '../../../../cloudfunctions/contract/outfits';
import type { Category } from '../../../../cloudfunctions/contract/styleWords';
import { yuanText } from '../../../../cloudfunctions/contract/formats';
import { errorText } from '../../../services/errors';
import { pictureSrc } from '../../../services/files';
import { CATEGORY_NAMES } from '../words';
import { isMine } from './outfit';

/** 换一件 under way: the card it is for (by its first key), the slot, and what swapPiece answered. */
export interface Swap {
  origin: string;
  slot: Category;
  answer: { status: 'loading' } | { status: 'ready'; options: OutfitView[]; problem: OutfitProblem | null } | { status: 'error'; error: AppError };
}

/** The other pieces swapPiece found for the slot, one row each (the same piece once), to choose from. */
export function SwapSheet({ swap, onChoose, onClose, onRetry, onAdd }: { swap: Swap; onChoose: (outfit: OutfitView) => void; onClose: () => void; onRetry: () => void; onAdd: () => void }) {
  const what = CATEGORY_NAMES[swap.slot];
  const { answer } = swap;
  const seen = new Set<string>();
  const options =
    answer.status === 'ready'
      ? answer.options.filter((o) => {
          const piece = o.slots[swap.slot];
          if (!piece || seen.has(piece.id)) return false;
          seen.add(piece.id);
          return true;
        })
      : [];
  return (
    <View className='outfit-sheet' role='dialog' aria-label={`换一件${what}`}>
      <View className='outfit-sheet__veil' onClick={onClose} />
      <View className='outfit-sheet__panel'>
        <Text className='outfit-sheet__title'>换一件{what}</Text>
        <Text className='muted outfit-sheet__hint'>其余几件不变，选一件换上</Text>
        {answer.status === 'loading' ? <Text className='outfit-sheet__empty'>正在找能搭的{what}…</Text> : null}
        {answer.status === 'error' ? (
          <View role='alert'>
            <Text className='outfit-sheet__empty'>没找到：{errorText(answer.error)}</Text>
            <Button className='btn btn-ghost' onClick={onRetry}>
              再试一次
            </Button>
          </View>
        ) : null}
        {answer.status === 'ready' && options.length === 0 ? (
          <>
            <Text className='outfit-sheet__empty'>{answer.problem?.message ?? `衣橱和店里暂时没有别的${what}能搭这一套`}</Text>
            <View className='outfit-sheet__add' onClick={onAdd} role='link' hoverClass='outfit-sheet__add--pressed'>
              家里有合适的{what}？添加到衣橱 ›
            </View>
          </>
        ) : null}
        {options.map((o) => {
          const piece = o.slots[swap.slot] as WardrobePiece;
          return (
            <View key={o.key} className='outfit-option' onClick={() => onChoose(o)} role='button' aria-label={`换成${piece.name ?? what}`} hoverClass='outfit-option--pressed' data-piece={piece.id}>
              <View className='outfit-option__picture'>
                <Image className='outfit-option__image' src={pictureSrc(piece.image)} mode='aspectFit' />
              </View>
              <View className='outfit-option__text'>
                <Text className='outfit-option__name'>{piece.name ?? what}</Text>
                {isMine(piece) ? (
                  <Text className='outfit-option__from'>我的衣橱</Text>
                ) : (
                  <Text className='outfit-option__price'>店里有 {piece.priceFen !== undefined ? yuanText(piece.priceFen) : ''}</Text>
                )}
                <Text className='outfit-option__reason'>{o.reason}</Text>
              </View>
              <Text className='outfit-option__go'>换上</Text>
            </View>
          );
        })}
        <Button className='btn btn-ghost outfit-sheet__close' onClick={onClose}>
          不换了
        </Button>
      </View>
    </View>
  );
}

/** No outfit could be made: the function's reason, and a way forward (添加衣服, or the style quiz). */
export function OutfitProblemCard({ problem, onAdd, onQuiz }: { problem: OutfitProblem; onAdd: () => void; onQuiz: () => void }) {
  return (
    <View className='section outfit-problem' role='status' data-problem={problem.code}>
      <Text className='outfit-problem__title'>{problem.code === 'onlyYesterday' ? '今天想换个搭配' : '今天还搭不出一套'}</Text>
      <Text className='outfit-problem__text'>{problem.message}。添加几件你常穿的衣服，或做一次风格测试，搭配会更合你的心意。</Text>
      <View className='outfit-problem__buttons'>
        <Button className='btn btn-primary outfit-problem__go' onClick={onAdd}>
          添加衣服
        </Button>
        <Button className='btn btn-ghost outfit-problem__go' onClick={onQuiz}>
          去测风格
        </Button>
      </View>
    </View>
  );
}
