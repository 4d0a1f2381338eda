import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef } from 'react';
import type { Scene } from '../../../../cloudfunctions/contract/styleWords';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorState } from '../../../components/StateView';
import { pageUrl } from '../../../services/routes';
import { outfitsApi } from '../../../services/wardrobe';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { SCENES } from '../words';
import { CardsSwapSheet, OutfitCards } from './OutfitCards';
import { useOutfitCards } from './useOutfitCards';
import './index.scss';

/**
 * 今日穿搭: the day (the store city's usual temperature), the scene (the member's usual one until
 * they pick another), three outfits from the wardrobe with the store filling what it lacks. Each
 * card: 换一件 on a piece, 收藏, 今天穿了. When nothing can be made, why, and a way forward.
 */
export default function OutfitsPage() {
  // the scene asked for: none at first (the function picks the member's usual one)
  const scene = useRef<Scene | undefined>(undefined);
  const today = useRemote(() => outfitsApi.today(scene.current), { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(today)]);
  const data = today.state.status === 'ready' ? today.state.data : null;
  const shownScene = scene.current ?? data?.day.scene ?? '休闲';
  const cards = useOutfitCards({ scene: () => shownScene, onNotMember: () => setLeftElsewhere(true) });

  if (today.state.status === 'error' && !notMember) {
    return (
      <View className='page outfits'>
        <ErrorState error={today.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }

  function pickScene(next: Scene) {
    if (next === shownScene) return;
    scene.current = next;
    cards.reset();
    void today.reload();
  }

  const go = (url: string) => void Taro.navigateTo({ url });
  const reloading = today.state.status === 'loading' || (today.state.status === 'ready' && today.state.reloading);

  return (
    <View className='page outfits'>
      <View className='outfits-day'>
        <Text className='outfits-day__title'>今日穿搭</Text>
        {data ? <Text className='outfits-day__weather'>{data.day.weatherNote}</Text> : <Text className='outfits-day__weather'>正在看今天的天气…</Text>}
        <Text className='outfits-day__ask'>今天去哪儿？</Text>
        <ChoiceChips even label='场合' options={SCENES.map((s) => ({ value: s, label: s }))} selected={[shownScene]} onToggle={pickScene} />
      </View>

      <OutfitCards data={data} reloading={reloading} loadingLabel='正在为你搭配' title={(n) => `第${n}套`} cards={cards} go={go} />

      <View className='outfits-links'>
        <View className='outfits-links__link' onClick={() => go(pageUrl('savedOutfits'))} role='link' hoverClass='outfits-links__link--pressed'>
          收藏的搭配 ›
        </View>
        <View className='outfits-links__link' onClick={() => go(pageUrl('wardrobe'))} role='link' hoverClass='outfits-links__link--pressed'>
          我的衣橱 ›
        </View>
        <View className='outfits-links__link' onClick={() => go(pageUrl('outfitLists'))} role='link' hoverClass='outfits-links__link--pressed'>
          导购为你搭配 ›
        </View>
      </View>
      <Text className='muted outfits__foot'>搭配来自你的衣橱和风格报告；衣橱缺的单品，用店里有货、合你价位的补上。</Text>

      <CardsSwapSheet data={data} cards={cards} go={go} />
    </View>
  );
}
