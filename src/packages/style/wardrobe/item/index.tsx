import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AppError } from '../../../../../cloudfunctions/contract';
import { yuanText } from '../../../../../cloudfunctions/contract/formats';
import { ColourSwatch } from '../../../../components/ColourSwatch';
import { ErrorState, LoadingBlock } from '../../../../components/StateView';
import { pictureSrc } from '../../../../services/files';
import { pageUrl } from '../../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../../services/useReadOnShow';
import { useRemote } from '../../../../services/useRemote';
import { wardrobeApi } from '../../../../services/wardrobe';
import { idParam, refusalText } from '../../errors';
import { monthDay } from '../filters';
import './index.scss';

type Busy = 'wear' | 'archive' | 'remove' | null;

/**
 * A piece of the wardrobe: the big picture, what it is, where it came from, how it has been worn
 * (穿过 N 次, 上次穿, and for a purchase worn at least once 单次穿着成本), then 今天穿了, 搭配这件,
 * 编辑, 收起 / 放回衣橱, and 删除 for a piece the member added (a bought one can be put away).
 */
export default function ItemPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const piece = useRemote(() => wardrobeApi.item(id ?? ''), { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow(id ? [remoteRead(piece)] : []);
  const [busy, setBusy] = useState<Busy>(null);

  if (!id || (piece.state.status === 'error' && piece.state.error.code === 'NOT_FOUND')) return <Gone />;
  if (piece.state.status === 'error' && !notMember) {
    return (
      <View className='page piece'>
        <ErrorState error={piece.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (piece.state.status !== 'ready') {
    return (
      <View className='page piece'>
        <LoadingBlock height={620} label='正在加载这件衣服' />
        <View className='piece__gap' />
        <LoadingBlock height={360} />
      </View>
    );
  }

  const item = piece.state.data.item;
  const active = item.status === 'active';
  const go = (url: string) => void Taro.navigateTo({ url });

  function refused(error: AppError) {
    if (error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    void Taro.showToast({ title: refusalText(error), icon: 'none' });
  }

  async function wear() {
    if (busy || item.wornToday) return;
    setBusy('wear');
    const answer = await wardrobeApi.wear([item.id]);
    setBusy(null);
    if (!answer.ok) return refused(answer.error);
    const now = answer.data.items.find((i) => i.id === item.id);
    if (now) piece.set({ item: now });
    void Taro.showToast({ title: now ? `已记下：这件穿过 ${now.wears} 次了` : '已记下今天穿了', icon: 'none' });
  }

  async function archive(archived: boolean) {
    if (busy) return;
    setBusy('archive');
    const answer = await wardrobeApi.archive(item.id, archived);
    setBusy(null);
    if (!answer.ok) return refused(answer.error);
    piece.set(answer.data);
    void Taro.showToast({ title: archived ? '已收起，不会出现在衣橱和搭配里' : '已放回衣橱', icon: 'none' });
  }

  async function remove() {
    if (busy) return;
    const sure = await Taro.showModal({ title: '删除这件衣服？', content: '删除后照片和穿着记录都不再保留，也不会出现在搭配里。', confirmText: '删除', confirmColor: '#B4412F', cancelText: '保留' });
    if (!sure.confirm) return;
    setBusy('remove');
    const answer = await wardrobeApi.remove(item.id);
    setBusy(null);
    if (!answer.ok) return refused(answer.error);
    void Taro.showToast({ title: '已从衣橱删除', icon: 'none' });
    void Taro.navigateBack();
  }

  return (
    <View className='page piece'>
      <View className='piece-picture'>
        <Image className='piece-picture__image' src={pictureSrc(item.image)} mode='aspectFit' />
        {active ? null : <Text className='piece-picture__away'>已收起</Text>}
      </View>

      <View className='section piece-about'>
        <Text className='piece-about__name'>{item.name}</Text>
        <Text className='piece-about__what'>{[item.categoryName, item.size ? `${item.size} 码` : null, item.wearSeason === '四季' ? '四季可穿' : `${item.wearSeason}穿`].filter(Boolean).join(' · ')}</Text>
        <View className='piece-about__colours'>
          {item.colours.map((c) => (
            <View key={c.name + c.hex} className='piece-about__colour'>
              <ColourSwatch hex={c.hex} size='small' />
              <Text>{c.name}</Text>
            </View>
          ))}
        </View>
        {item.styles.length + item.scenes.length > 0 ? (
          <View className='piece-about__words'>
            {[...item.styles.map((s) => `${s}风`), ...item.scenes].map((w) => (
              <Text key={w} className='piece-about__word'>
                {w}
              </Text>
            ))}
          </View>
        ) : null}
        <Text className={`piece-about__origin piece-about__origin--${item.source}`}>{item.origin}</Text>
      </View>

      <View className='section piece-wears'>
        <Figure label='穿过' value={`${item.wears} 次`} />
        <Figure label='上次穿' value={item.lastWornAt ? monthDay(item.lastWornAt) : '还没穿过'} />
        {item.source === 'purchase' ? <Figure label='单次穿着成本' value={item.costPerWearFen !== null ? yuanText(item.costPerWearFen) : '穿一次后算'} /> : null}
      </View>
      {item.forgotten && active ? <Text className='piece__forgotten'>这件超过 6 周没穿了，试试「搭配这件」，搭一套穿出门。</Text> : null}

      {active ? (
        <View className='piece-actions'>
          {item.wornToday ? (
            <Button className='btn btn-primary btn--off piece-actions__wear piece-actions__wear--done' disabled>
              今天已穿
            </Button>
          ) : (
            <Button className={`btn btn-primary piece-actions__wear${busy === 'wear' ? ' btn--off' : ''}`} disabled={busy !== null} onClick={() => void wear()}>
              {busy === 'wear' ? '正在记下…' : '今天穿了'}
            </Button>
          )}
          <Button className='btn btn-ghost piece-actions__look' onClick={() => go(pageUrl('completeLook', { id: item.id }))}>
            搭配这件
          </Button>
        </View>
      ) : (
        <View className='piece-actions'>
          <Text className='piece-actions__away'>收起的衣服不会出现在衣橱和搭配里，放回衣橱就能再穿、再搭配。</Text>
          <Button className={`btn btn-primary piece-actions__back${busy === 'archive' ? ' btn--off' : ''}`} disabled={busy !== null} onClick={() => void archive(false)}>
            {busy === 'archive' ? '正在放回…' : '放回衣橱'}
          </Button>
        </View>
      )}

      <View className='piece-more'>
        <View className='piece-more__link' onClick={() => go(pageUrl('wardrobeAdd', { id: item.id }))} role='button' hoverClass='piece-more__link--pressed'>
          编辑
        </View>
        {active ? (
          <View className='piece-more__link' onClick={() => void archive(true)} role='button' hoverClass='piece-more__link--pressed'>
            {busy === 'archive' ? '正在收起…' : '收起'}
          </View>
        ) : null}
        {item.source === 'own' ? (
          <View className='piece-more__link piece-more__link--danger' onClick={() => void remove()} role='button' hoverClass='piece-more__link--pressed'>
            {busy === 'remove' ? '正在删除…' : '删除'}
          </View>
        ) : null}
      </View>
      {item.source === 'purchase' ? <Text className='muted piece__note'>门店买的衣服记着购买记录，不能删除；暂时不穿可以「收起」，随时放回。</Text> : null}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className='piece-figure'>
      <Text className='piece-figure__value'>{value}</Text>
      <Text className='piece-figure__label'>{label}</Text>
    </View>
  );
}

/** The piece is not in the wardrobe (removed, returned, or another member's link). */
function Gone() {
  return (
    <View className='page piece'>
      <View className='section piece-gone' role='status'>
        <Text className='piece-gone__title'>衣橱里没有这件</Text>
        <Text className='piece-gone__text'>它可能已被删除，或随退货离开了衣橱。</Text>
        <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: pageUrl('wardrobe') })}>
          去我的衣橱
        </Button>
      </View>
    </View>
  );
}
