import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { SavedOutfit } from '../../../../../cloudfunctions/contract/outfits';
import { ErrorState, LoadingBlock } from '../../../../components/StateView';
import { shopDate } from '../../../../services/format';
import { pictureSrc } from '../../../../services/files';
import { pageUrl } from '../../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../../services/useReadOnShow';
import { useRemote } from '../../../../services/useRemote';
import { outfitsApi } from '../../../../services/wardrobe';
import { refusalText } from '../../errors';
import { CATEGORY_NAMES, SLOT_ORDER } from '../../words';
import './index.scss';

/**
 * 收藏的搭配: the outfits the member saved, newest first, each as it was saved (a piece put away or
 * no longer sold shows greyed, saying so), with its scene, reason and date; 删除 after a confirm.
 */
export default function SavedOutfitsPage() {
  const saved = useRemote(outfitsApi.saved, { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(saved)]);
  const [removing, setRemoving] = useState<string | null>(null);

  if (saved.state.status === 'error' && !notMember) {
    return (
      <View className='page saved'>
        <ErrorState error={saved.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (saved.state.status !== 'ready') {
    return (
      <View className='page saved'>
        <LoadingBlock height={420} label='正在加载收藏的搭配' />
      </View>
    );
  }
  const { outfits, quota } = saved.state.data;
  const openToday = () => void Taro.navigateTo({ url: pageUrl('outfits') });

  async function remove(outfit: SavedOutfit) {
    if (removing) return;
    const sure = await Taro.showModal({ title: '删除这套搭配？', content: '删除后可以在今日穿搭里重新收藏。', confirmText: '删除', confirmColor: '#B4412F', cancelText: '保留' });
    if (!sure.confirm) return;
    setRemoving(outfit.id);
    const answer = await outfitsApi.removeSaved(outfit.id);
    setRemoving(null);
    if (!answer.ok && answer.error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    // NOT_FOUND: removed already (on another phone): gone either way
    if (!answer.ok && answer.error.code !== 'NOT_FOUND') return void Taro.showToast({ title: refusalText(answer.error), icon: 'none' });
    if (saved.state.status === 'ready') saved.set({ ...saved.state.data, outfits: saved.state.data.outfits.filter((o) => o.id !== outfit.id) });
    void Taro.showToast({ title: '已删除这套搭配', icon: 'none' });
  }

  if (outfits.length === 0) {
    return (
      <View className='page saved'>
        <View className='section saved-empty'>
          <Text className='saved-empty__title'>还没有收藏的搭配</Text>
          <Text className='saved-empty__text'>在今日穿搭或搭配这件里，看到喜欢的一套点「收藏」，就会放在这里，出门前翻一翻。</Text>
          <Button className='btn btn-primary' onClick={openToday}>
            去看今日穿搭
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='page saved'>
      <Text className='muted saved__count'>
        已收藏 {outfits.length} 套，最多 {quota} 套
      </Text>
      {outfits.map((outfit) => {
        const pieces = [...outfit.pieces].sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot));
        const gone = pieces.filter((p) => !p.available).length;
        // four in one row (two for a dress and shoes), more in rows of three: as 今日穿搭 shows them
        const columns = pieces.length === 2 || pieces.length === 4 ? pieces.length : 3;
        return (
          <View key={outfit.id} className={`section saved-outfit saved-outfit--${columns}`} data-saved={outfit.id}>
            <View className='saved-outfit__head'>
              <Text className='saved-outfit__scene'>{outfit.scene}</Text>
              <Text className='muted'>{shopDate(outfit.savedAt)}收藏</Text>
            </View>
            <View className='saved-outfit__pieces'>
              {pieces.map((p) => (
                <View key={p.id} className={`saved-piece${p.available ? '' : ' saved-piece--gone'}`} data-available={String(p.available)}>
                  <View className='saved-piece__picture'>
                    <Image className='saved-piece__image' src={pictureSrc(p.image)} mode='aspectFit' lazyLoad />
                    {p.available ? null : <Text className='saved-piece__gone'>{p.source === 'catalogue' ? '已下架' : '不在衣橱'}</Text>}
                  </View>
                  <Text className='saved-piece__name'>{p.name || CATEGORY_NAMES[p.slot]}</Text>
                </View>
              ))}
            </View>
            {outfit.reason ? <Text className='saved-outfit__reason'>{outfit.reason}</Text> : null}
            {gone > 0 ? <Text className='saved-outfit__note'>有 {gone} 件现在穿不了：收起或删除的衣服、下架的商品会变灰</Text> : null}
            <View className='saved-outfit__actions'>
              <Button className={`btn btn-ghost saved-outfit__remove${removing === outfit.id ? ' btn--off' : ''}`} disabled={removing !== null} onClick={() => void remove(outfit)}>
                {removing === outfit.id ? '正在删除…' : '删除'}
              </Button>
            </View>
          </View>
        );
      })}
      <View className='saved__more' onClick={openToday} role='link' hoverClass='saved__more--pressed'>
        看今日穿搭 ›
      </View>
    </View>
  );
}
