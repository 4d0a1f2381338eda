import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OutfitList } from '../../../../../cloudfunctions/contract/outfits';
import { yuanText } from '../../../../../cloudfunctions/contract/formats';
import { ErrorState, LoadingBlock } from '../../../../components/StateView';
import { shopDate } from '../../../../services/format';
import { pictureSrc } from '../../../../services/files';
import { pageUrl } from '../../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../../services/useReadOnShow';
import { useRemote } from '../../../../services/useRemote';
import { outfitsApi } from '../../../../services/wardrobe';
import { refusalText } from '../../errors';
import './index.scss';

/**
 * 导购为你搭配: the lists a store's stylist made for the member, newest first, an unopened one marked
 * 新. Opening one shows the stylist's note and every piece (products with their price, pieces of the
 * member's wardrobe) and tells the function it was opened (the stylist sees it once).
 */
export default function OutfitListsPage() {
  const lists = useRemote(outfitsApi.lists, { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(lists)]);
  const [open, setOpen] = useState<readonly string[]>([]);

  if (lists.state.status === 'error' && !notMember) {
    return (
      <View className='page lists'>
        <ErrorState error={lists.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (lists.state.status !== 'ready') {
    return (
      <View className='page lists'>
        <LoadingBlock height={420} label='正在加载搭配清单' />
      </View>
    );
  }
  const all = lists.state.data.lists;
  const replace = (list: OutfitList | null, id: string) => {
    if (lists.state.status !== 'ready') return;
    const next = lists.state.data.lists.flatMap((l) => (l.id !== id ? [l] : list ? [list] : []));
    lists.set({ lists: next });
  };

  async function toggle(list: OutfitList) {
    if (open.includes(list.id)) return setOpen(open.filter((id) => id !== list.id));
    setOpen([...open, list.id]);
    if (list.opened) return;
    const answer = await outfitsApi.openList(list.id);
    if (answer.ok) return replace(answer.data.list, list.id);
    if (answer.error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    if (answer.error.code === 'NOT_FOUND') {
      replace(null, list.id);
      void Taro.showToast({ title: '这份搭配清单已不在了', icon: 'none' });
    }
  }

  if (all.length === 0) {
    return (
      <View className='page lists'>
        <View className='section lists-empty'>
          <Text className='lists-empty__title'>还没有导购为你搭配的清单</Text>
          <Text className='lists-empty__text'>到店时出示会员码，请导购为你搭配一套：清单会发到这里，有店里的新品，也会用上你衣橱里的衣服。</Text>
          <Button className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: pageUrl('outfits') })}>
            先看看今日穿搭
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='page lists'>
      {all.map((list) => {
        const isOpen = open.includes(list.id);
        return (
          <View key={list.id} className={`section outfit-list${isOpen ? ' outfit-list--open' : ''}`} data-list={list.id}>
            <View className='outfit-list__head' onClick={() => void toggle(list)} role='button' aria-expanded={isOpen ? 'true' : 'false'} hoverClass='outfit-list__head--pressed'>
              <View className='outfit-list__titles'>
                <View className='outfit-list__title-row'>
                  <Text className='outfit-list__title'>{list.title}</Text>
                  {list.opened ? null : <Text className='outfit-list__new'>新</Text>}
                </View>
                <Text className='outfit-list__from'>{list.from}</Text>
                <Text className='muted'>
                  {shopDate(list.createdAt)} · {list.items.length} 件
                </Text>
              </View>
              <Text className='outfit-list__go'>{isOpen ? '收起' : '打开'}</Text>
            </View>
            {isOpen ? (
              <>
                {list.note ? <Text className='outfit-list__note'>“{list.note}”</Text> : null}
                <View className='outfit-list__items'>
                  {list.items.map((item) => {
                    const opensTo = item.kind === 'wardrobe' ? pageUrl('wardrobeItem', { id: item.id }) : pageUrl('completeLook', { sku: item.id });
                    return (
                      <View
                        key={`${item.kind}:${item.id}`}
                        className={`list-item${item.available ? '' : ' list-item--gone'}`}
                        onClick={item.available ? () => void Taro.navigateTo({ url: opensTo }) : undefined}
                        role={item.available ? 'link' : undefined}
                        hoverClass='list-item--pressed'
                        data-kind={item.kind}
                      >
                        <View className='list-item__picture'>
                          <Image className='list-item__image' src={pictureSrc(item.image)} mode='aspectFit' lazyLoad />
                        </View>
                        <Text className='list-item__name'>{item.name}</Text>
                        <Text className={item.kind === 'product' ? 'list-item__price' : 'list-item__mine'}>
                          {!item.available ? (item.kind === 'product' ? '暂时缺货' : '已不在衣橱') : item.kind === 'product' && item.priceFen !== null ? yuanText(item.priceFen) : '我的衣橱'}
                        </Text>
                      </View>
                    );
                  })}
                </View>
                <Text className='muted outfit-list__tip'>到店出示会员码，导购可以帮你找到清单里的单品</Text>
              </>
            ) : (
              <View className='outfit-list__peek' onClick={() => void toggle(list)}>
                {list.items.slice(0, 4).map((item) => (
                  <View key={`${item.kind}:${item.id}`} className='outfit-list__thumb'>
                    <Image className='list-item__image' src={pictureSrc(item.image)} mode='aspectFit' lazyLoad />
                  </View>
                ))}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
