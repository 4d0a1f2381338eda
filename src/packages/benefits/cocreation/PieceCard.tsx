import { Button, Image, Text, View } from '@tarojs/components';
import { type CocreationPiece, FIT_WORDS, PRICE_WORDS, priceText } from '../../../services/cocreation';
import { shopDate } from '../../../services/format';
import type { ReactNode } from 'react';

export interface PieceCardProps {
  piece: CocreationPiece;
  /** the vote form, when this piece's is open */
  form: ReactNode | null;
  onStartVote: () => void;
  onUnlock: () => void;
  /** how to unlock, as the page's banner already says it: the card then says it in brief */
  unlock: string | null;
}

/** One upcoming piece: its picture, name, story and target price; then the member's vote, the 投票 button, or why not. */
export function PieceCard({ piece, form, onStartVote, onUnlock, unlock }: PieceCardProps) {
  const v = piece.myVote;
  return (
    <View className='section cocreation__piece'>
      <Image className='cocreation__image' src={piece.images[0] ?? ''} mode='aspectFill' lazyLoad />
      <Text className='cocreation__name'>{piece.name}</Text>
      <Text className='muted cocreation__meta'>{`${piece.categoryName} · 目标价 ${priceText(piece.targetPriceFen)} · ${shopDate(piece.openUntil)}截止`}</Text>
      <Text className='cocreation__story'>{piece.story}</Text>
      {v ? (
        <View className='cocreation__voted'>
          <Text className='cocreation__mine'>{`你的投票：${v.like ? '喜欢' : '不太喜欢'} · ${FIT_WORDS[v.fit - 1]} · 价格${PRICE_WORDS[v.price - 1]}`}</Text>
          {v.comment ? <Text className='muted cocreation__said'>{`「${v.comment}」`}</Text> : null}
          {piece.priority ? <Text className='cocreation__priority'>{piece.priority}</Text> : null}
        </View>
      ) : form ? (
        form
      ) : piece.mayVote ? (
        <Button className='btn btn-primary cocreation__start' onClick={onStartVote}>
          参与共创投票
        </Button>
      ) : (
        <View className='cocreation__locked' onClick={onUnlock}>
          <Text className='cocreation__locked-text'>{piece.locked && piece.locked === unlock ? '忠诚者专享，升级后即可参与投票' : (piece.locked ?? '暂未开放')}</Text>
          <Text className='link cocreation__how'>查看会员权益 ›</Text>
        </View>
      )}
    </View>
  );
}
