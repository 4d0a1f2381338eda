import { Button, Image, Text, View } from '@tarojs/components';
import type { OutfitView, WardrobePiece } from '../../../../cloudfunctions/contract/outfits';
import type { Category } from '../../../../cloudfunctions/contract/styleWords';
import { yuanText } from '../../../../cloudfunctions/contract/formats';
import { pictureSrc } from '../../../services/files';
import { CATEGORY_NAMES } from '../words';
import { isMine, piecesInOrder, wornIds, wornOn } from './outfit';
import './OutfitCard.scss';

export interface OutfitCardProps {
  outfit: OutfitView;
  /** "第 1 套" */
  title: string;
  /** the shop day the outfits are for ("2026-11-25") */
  day: string;
  /** 今天穿了 was done on this outfit here: it says 今天已穿 */
  worn: boolean;
  /** 搭配这件: the piece the outfit is built around (marked 这件, never swapped) */
  anchorId?: string;
  /** what is under way on this card */
  busy: 'save' | 'wear' | 'swap' | null;
  onSwap: (slot: Category) => void;
  onSave: () => void;
  onWear: () => void;
  /** a wardrobe piece's picture opens the piece */
  onOpenPiece: (piece: WardrobePiece) => void;
  /** 已收藏 opens 收藏的搭配 */
  onOpenSaved: () => void;
}

/**
 * One outfit: its pieces by slot (the store's marked 店里有 with the price), 换一件 under each piece,
 * the one-line reason, then 收藏 and 今天穿了 (for the member's own pieces; the store's are not theirs
 * to wear yet). The score is the order of the cards, never a number on them. Four pieces stand in
 * one row (two for a dress and shoes), more in rows of three.
 */
export function OutfitCard({ outfit, title, day, worn, anchorId, busy, onSwap, onSave, onWear, onOpenPiece, onOpenSaved }: OutfitCardProps) {
  const pieces = piecesInOrder(outfit);
  const mine = wornIds(outfit);
  // the wear log keeps days per piece, not outfits: pieces worn today (in this outfit or another) are said, not taken for this outfit
  const piecesWorn = !worn && wornOn(outfit, day);
  const fromStore = pieces.filter((p) => !isMine(p.piece)).length;
  const columns = pieces.length === 2 || pieces.length === 4 ? pieces.length : 3;
  return (
    <View className={`section outfit-card outfit-card--${columns}`} data-key={outfit.key}>
      <View className='outfit-card__head'>
        <Text className='outfit-card__title'>{title}</Text>
        {fromStore > 0 ? <Text className='outfit-card__store'>{fromStore === pieces.length ? '整套店里有' : `${fromStore} 件店里有`}</Text> : null}
      </View>
      <View className='outfit-card__pieces'>
        {pieces.map(({ slot, piece }) => {
          const own = isMine(piece);
          const anchor = piece.id === anchorId;
          // a wardrobe piece's picture opens it (not the one the page is about)
          const link = own && !anchor;
          return (
            <View key={slot} className={`outfit-piece${own ? '' : ' outfit-piece--store'}${anchor ? ' outfit-piece--anchor' : ''}`} data-slot={slot} data-piece={piece.id}>
              <View
                className='outfit-piece__picture'
                onClick={link ? () => onOpenPiece(piece) : undefined}
                role={link ? 'link' : undefined}
                aria-label={link ? `查看${piece.name ?? CATEGORY_NAMES[slot]}` : undefined}
              >
                <Image className='outfit-piece__image' src={pictureSrc(piece.image)} mode='aspectFit' />
                <Text className='outfit-piece__slot'>{anchor ? '这件' : CATEGORY_NAMES[slot]}</Text>
                {own ? null : <Text className='outfit-piece__store'>店里有</Text>}
              </View>
              <Text className='outfit-piece__name'>{piece.name ?? CATEGORY_NAMES[slot]}</Text>
              {own ? (
                <Text className='outfit-piece__from'>我的衣橱</Text>
              ) : (
                <Text className='outfit-piece__price'>{piece.priceFen !== undefined ? yuanText(piece.priceFen) : '店里有'}</Text>
              )}
              {anchor ? (
                <View className='outfit-piece__swap outfit-piece__swap--none' />
              ) : (
                <View
                  className={`outfit-piece__swap${busy === 'swap' ? ' outfit-piece__swap--busy' : ''}`}
                  onClick={() => busy === null && onSwap(slot)}
                  role='button'
                  aria-label={`换一件${CATEGORY_NAMES[slot]}`}
                  hoverClass='outfit-piece__swap--pressed'
                >
                  换一件
                </View>
              )}
            </View>
          );
        })}
      </View>
      <Text className='outfit-card__reason'>{outfit.reason}</Text>
      {piecesWorn ? <Text className='outfit-card__worn'>这套里你的衣服今天都记下穿过了</Text> : null}
      <View className='outfit-card__actions'>
        {outfit.saved ? (
          <Button className='btn btn-ghost outfit-card__save outfit-card__save--done' onClick={onOpenSaved}>
            已收藏
          </Button>
        ) : (
          <Button className={`btn btn-ghost outfit-card__save${busy === 'save' ? ' btn--off' : ''}`} disabled={busy !== null} onClick={() => busy === null && onSave()}>
            {busy === 'save' ? '收藏中…' : '收藏'}
          </Button>
        )}
        {mine.length === 0 ? (
          <Text className='outfit-card__none'>这套都在店里，买回来就能穿</Text>
        ) : worn ? (
          <Button className='btn btn-primary btn--off outfit-card__wear outfit-card__wear--done' disabled>
            今天已穿
          </Button>
        ) : (
          <Button className={`btn btn-primary outfit-card__wear${busy === 'wear' ? ' btn--off' : ''}`} disabled={busy !== null} onClick={() => busy === null && onWear()}>
            {busy === 'wear' ? '正在记下…' : '今天穿了'}
          </Button>
        )}
      </View>
    </View>
  );
}
