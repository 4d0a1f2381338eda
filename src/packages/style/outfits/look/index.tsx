import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import type { WardrobePiece } from '../../../../../cloudfunctions/contract/outfits';
import type { Scene } from '../../../../../cloudfunctions/contract/styleWords';
import { yuanText } from '../../../../../cloudfunctions/contract/formats';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ErrorState } from '../../../../components/StateView';
import { pictureSrc } from '../../../../services/files';
import { pageUrl } from '../../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../../services/useReadOnShow';
import { useRemote } from '../../../../services/useRemote';
import { outfitsApi } from '../../../../services/wardrobe';
import { idParam, refusalText } from '../../errors';
import { CATEGORY_NAMES, SCENES } from '../../words';
import { isMine, piecesInOrder } from '../outfit';
import { CardsSwapSheet, OutfitCards } from '../OutfitCards';
import { useOutfitCards } from '../useOutfitCards';
import '../index.scss';
import './index.scss';

const SKU = /^[A-Z0-9]{4,32}$/;

/**
 * 搭配这件: outfits built around one piece — a wardrobe piece (`?id=`, from the piece's page or the
 * 被遗忘的宝贝 strip) or a product (`?sku=`, from the report's product sheet) — with what the member
 * owns and what the store sells. The piece stays in every outfit (marked 这件, never swapped).
 */
export default function LookPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const sku = !id && params.sku && SKU.test(params.sku) ? params.sku : null;
  const scene = useRef<Scene | undefined>(undefined);
  const look = useRemote(() => outfitsApi.completeLook({ ...(id ? { id } : { sku: sku ?? '' }), ...(scene.current ? { scene: scene.current } : {}) }), { auto: false });
  const reads = id || sku ? [remoteRead(look)] : [];
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow(reads);
  const data = look.state.status === 'ready' ? look.state.data : null;
  const shownScene = scene.current ?? data?.day.scene ?? '休闲';
  const cards = useOutfitCards({ scene: () => shownScene, onNotMember: () => setLeftElsewhere(true) });
  const go = (url: string) => void Taro.navigateTo({ url });

  if (!id && !sku) return <Gone text='没有说要搭配哪一件' />;
  if (look.state.status === 'error' && !notMember) {
    return look.state.error.code === 'NOT_FOUND' ? <Gone text={refusalText(look.state.error)} /> : (
      <View className='page look'>
        <ErrorState error={look.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }

  function pickScene(next: Scene) {
    if (next === shownScene) return;
    scene.current = next;
    cards.reset();
    void look.reload();
  }

  const anchorId = id ?? sku!;
  const anchor = data?.outfits.flatMap((o) => piecesInOrder(o)).find((p) => p.piece.id === anchorId)?.piece ?? null;
  const reloading = look.state.status === 'loading' || (look.state.status === 'ready' && look.state.reloading);

  return (
    <View className='page look'>
      <View className='outfits-day look-head'>
        {anchor ? <Anchor piece={anchor} /> : <Text className='outfits-day__title'>搭配这件</Text>}
        <Text className='outfits-day__ask'>穿去哪儿？</Text>
        <ChoiceChips even label='场合' options={SCENES.map((s) => ({ value: s, label: s }))} selected={[shownScene]} onToggle={pickScene} />
      </View>

      <OutfitCards data={data} reloading={reloading} loadingLabel='正在为这件搭配' title={(n) => `搭配${n}`} anchorId={anchorId} cards={cards} go={go} />

      <View className='outfits-links'>
        <View className='outfits-links__link' onClick={() => go(pageUrl('outfits'))} role='link' hoverClass='outfits-links__link--pressed'>
          今日穿搭 ›
        </View>
        <View className='outfits-links__link' onClick={() => go(pageUrl('savedOutfits'))} role='link' hoverClass='outfits-links__link--pressed'>
          收藏的搭配 ›
        </View>
      </View>

      <CardsSwapSheet data={data} cards={cards} go={go} />
    </View>
  );
}

/** The piece the outfits are built around: its picture, name, and whose it is. */
function Anchor({ piece }: { piece: WardrobePiece }) {
  return (
    <View className='look-anchor'>
      <View className='look-anchor__picture'>
        <Image className='look-anchor__image' src={pictureSrc(piece.image)} mode='aspectFit' />
      </View>
      <View className='look-anchor__text'>
        <Text className='look-anchor__kicker'>围绕这件搭配</Text>
        <Text className='look-anchor__name'>{piece.name ?? CATEGORY_NAMES[piece.category]}</Text>
        <Text className='look-anchor__from'>{isMine(piece) ? `我的衣橱 · ${CATEGORY_NAMES[piece.category]}` : `店里有 ${piece.priceFen !== undefined ? yuanText(piece.priceFen) : ''}`}</Text>
      </View>
    </View>
  );
}

/** The piece is not there (put away, removed, or no longer sold): say so, and lead back to the wardrobe. */
function Gone({ text }: { text: string }) {
  return (
    <View className='page look'>
      <View className='section look-gone' role='status'>
        <Text className='look-gone__title'>搭配不了这件</Text>
        <Text className='look-gone__text'>{text}。可以从衣橱里另选一件，或看看今日穿搭。</Text>
        <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: pageUrl('wardrobe') })}>
          去我的衣橱
        </Button>
      </View>
    </View>
  );
}
