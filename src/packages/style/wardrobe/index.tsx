import { Button, Image, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { WardrobeItemView } from '../../../../cloudfunctions/contract/wardrobe';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { pictureSrc } from '../../../services/files';
import { pageUrl } from '../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { wardrobeApi } from '../../../services/wardrobe';
import { CATEGORY_NAMES } from '../words';
import { categoriesPresent, coloursPresent, isFiltered, lastWornText, matches, NO_FILTER, sourceWord, stillFitting, type WardrobeFilter, wearsText } from './filters';
import './index.scss';

const SEASONS = ['春夏', '秋冬'] as const;

/**
 * 我的衣橱: every piece as a picture with its name, where it came from and how often it was worn;
 * chips filter by category, colour (the colours there) and season; 被遗忘的宝贝 (6 weeks unworn)
 * each with 搭配这件; 已收起 beside the wardrobe; 添加衣服. Pieces bought at the store arrive by
 * themselves, and the empty wardrobe says so.
 */
export default function WardrobePage() {
  const [archived, setArchived] = useState(false);
  // read as the page asks: the wardrobe, or the pieces put away
  const showing = useRef(false);
  const wardrobe = useRemote(() => wardrobeApi.wardrobe(showing.current ? { archived: true } : {}), { auto: false });
  const { readAgain, notMember } = useReadOnShow([remoteRead(wardrobe)]);
  const [filter, setFilter] = useState<WardrobeFilter>(NO_FILTER);
  const go = (url: string) => void Taro.navigateTo({ url });

  if (wardrobe.state.status === 'error' && !notMember) {
    return (
      <View className='page wardrobe'>
        <ErrorState error={wardrobe.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (wardrobe.state.status !== 'ready') {
    return (
      <View className='page wardrobe'>
        <LoadingBlock height={220} label='正在打开衣橱' />
        <View className='wardrobe__gap' />
        <LoadingBlock height={640} />
      </View>
    );
  }

  const { items, counts, forgotten } = wardrobe.state.data;
  const reloading = wardrobe.state.reloading;
  const fitting = stillFitting(filter, items);
  const shown = items.filter((i) => matches(i, fitting));
  const full = counts.own >= counts.ownQuota;

  function addPiece() {
    if (full) return void Taro.showToast({ title: `衣橱最多添加 ${counts.ownQuota} 件自己的衣服，可以先删掉不穿的`, icon: 'none' });
    go(pageUrl('wardrobeAdd'));
  }

  function view(next: boolean) {
    if (next === archived) return;
    showing.current = next;
    setArchived(next);
    setFilter(NO_FILTER);
    void wardrobe.reload();
  }

  const emptyWardrobe = !archived && counts.active === 0;

  return (
    <View className='page wardrobe'>
      <View className='wardrobe-head'>
        <View className='wardrobe-head__text'>
          <Text className='wardrobe-head__title'>我的衣橱</Text>
          <Text className='wardrobe-head__counts'>
            {emptyWardrobe ? '买过的、自己添加的衣服都在这里' : `衣橱里 ${counts.active} 件${counts.archived > 0 ? ` · 已收起 ${counts.archived} 件` : ''}`}
          </Text>
        </View>
        {/* the empty wardrobe says it all below, with its own 添加衣服 */}
        {emptyWardrobe ? null : (
          <View className='wardrobe-head__buttons'>
            <Button className='btn btn-primary wardrobe-head__add' onClick={addPiece}>
              添加衣服
            </Button>
            <Button className='btn btn-ghost wardrobe-head__today' onClick={() => go(pageUrl('outfits'))}>
              今日穿搭
            </Button>
          </View>
        )}
      </View>

      {!archived && forgotten.length > 0 ? <Forgotten pieces={forgotten} onLook={(p) => go(pageUrl('completeLook', { id: p.id }))} onOpen={(p) => go(pageUrl('wardrobeItem', { id: p.id }))} /> : null}

      {emptyWardrobe ? (
        <View className='section wardrobe-empty'>
          <Text className='wardrobe-empty__title'>衣橱还是空的</Text>
          <Text className='wardrobe-empty__text'>在悦衣库门店结账时出示会员码，买的衣服会自动放进衣橱，还会算出每件穿一次花多少钱。</Text>
          <Text className='wardrobe-empty__text'>家里已有的衣服，拍张照片就能添加，今日穿搭会用它们为你搭配。</Text>
          <Button className='btn btn-primary wardrobe-empty__add' onClick={addPiece}>
            添加衣服
          </Button>
          {counts.archived > 0 ? (
            <View className='wardrobe-empty__link' onClick={() => view(true)} role='link'>
              看看已收起的 {counts.archived} 件 ›
            </View>
          ) : (
            <View className='wardrobe-empty__link' onClick={() => go(pageUrl('outfits'))} role='link'>
              先看看今日穿搭 ›
            </View>
          )}
        </View>
      ) : (
        <>
          <View className='wardrobe-tabs' role='tablist'>
            {([false, true] as const).map((tab) => (
              <View key={String(tab)} className={`wardrobe-tab${archived === tab ? ' wardrobe-tab--on' : ''}`} role='tab' aria-selected={archived === tab ? 'true' : 'false'} onClick={() => view(tab)}>
                {tab ? `已收起 ${counts.archived}` : `衣橱 ${counts.active}`}
              </View>
            ))}
          </View>

          {items.length > 0 ? <Filters items={items} filter={fitting} onChange={setFilter} /> : null}

          {reloading ? (
            <LoadingBlock height={480} label='正在加载' />
          ) : items.length === 0 ? (
            <View className='section wardrobe-empty'>
              <Text className='wardrobe-empty__title'>没有收起的衣服</Text>
              <Text className='wardrobe-empty__text'>暂时不穿的衣服，可以在它的详情里「收起」：收起后不会出现在衣橱和搭配里，随时能放回衣橱。</Text>
            </View>
          ) : shown.length === 0 ? (
            <View className='section wardrobe-empty'>
              <Text className='wardrobe-empty__title'>没有符合筛选的衣服</Text>
              <Button className='btn btn-ghost' onClick={() => setFilter(NO_FILTER)}>
                清除筛选
              </Button>
            </View>
          ) : (
            <>
              {isFiltered(fitting) ? (
                <View className='wardrobe-result'>
                  <Text className='muted'>筛出 {shown.length} 件</Text>
                  <View className='wardrobe-result__clear' onClick={() => setFilter(NO_FILTER)} role='button'>
                    清除筛选
                  </View>
                </View>
              ) : null}
              <View className='wardrobe-grid'>
                {shown.map((item) => (
                  <Tile key={item.id} item={item} onOpen={() => go(pageUrl('wardrobeItem', { id: item.id }))} />
                ))}
              </View>
            </>
          )}
        </>
      )}
    </View>
  );
}

function Tile({ item, onOpen }: { item: WardrobeItemView; onOpen: () => void }) {
  return (
    <View className='wardrobe-tile' onClick={onOpen} role='link' aria-label={item.name} hoverClass='wardrobe-tile--pressed' data-item={item.id}>
      <View className='wardrobe-tile__picture'>
        <Image className='wardrobe-tile__image' src={pictureSrc(item.image)} mode='aspectFit' lazyLoad />
        {item.wornToday ? <Text className='wardrobe-tile__today'>今天穿了</Text> : null}
      </View>
      <Text className='wardrobe-tile__name'>{item.name}</Text>
      <View className='wardrobe-tile__meta'>
        <Text className={`wardrobe-tile__source wardrobe-tile__source--${item.source}`}>{sourceWord(item)}</Text>
        <Text className='wardrobe-tile__wears'>{wearsText(item)}</Text>
      </View>
    </View>
  );
}

/** 被遗忘的宝贝: pieces not worn for 6 weeks, each with a way to wear it again. */
function Forgotten({ pieces, onLook, onOpen }: { pieces: WardrobeItemView[]; onLook: (p: WardrobeItemView) => void; onOpen: (p: WardrobeItemView) => void }) {
  return (
    <View className='section wardrobe-forgotten'>
      <Text className='section-title wardrobe-forgotten__title'>被遗忘的宝贝</Text>
      <Text className='muted wardrobe-forgotten__hint'>这几件超过 6 周没穿了，搭一套穿出门吧</Text>
      <ScrollView scrollX className='wardrobe-forgotten__row'>
        {pieces.map((p) => (
          <View key={p.id} className='forgotten-piece' data-item={p.id}>
            <View className='forgotten-piece__picture' onClick={() => onOpen(p)} role='link' aria-label={p.name}>
              <Image className='forgotten-piece__image' src={pictureSrc(p.image)} mode='aspectFit' />
            </View>
            <Text className='forgotten-piece__name'>{p.name}</Text>
            <Text className='forgotten-piece__when'>{lastWornText(p)}</Text>
            <View className='forgotten-piece__look' onClick={() => onLook(p)} role='button' hoverClass='forgotten-piece__look--pressed'>
              搭配这件
            </View>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}

/** The chips: category and colour (those present), season. A chosen chip tapped again lets go. */
function Filters({ items, filter, onChange }: { items: WardrobeItemView[]; filter: WardrobeFilter; onChange: (f: WardrobeFilter) => void }) {
  const categories = categoriesPresent(items);
  const colours = coloursPresent(items);
  const chip = (key: string, label: string, on: boolean, tap: () => void, dot?: string) => (
    <View key={key} className={`wardrobe-chip${on ? ' wardrobe-chip--on' : ''}`} role='radio' aria-checked={on ? 'true' : 'false'} onClick={tap} hoverClass='wardrobe-chip--pressed'>
      {dot ? <View className='wardrobe-chip__dot' style={{ backgroundColor: dot }} /> : null}
      {label}
    </View>
  );
  return (
    <View className='wardrobe-filters'>
      <ScrollView scrollX className='wardrobe-filters__row'>
        <View className='wardrobe-filters__chips' role='radiogroup' aria-label='类别'>
          {chip('all', '全部', filter.category === null, () => onChange({ ...filter, category: null }))}
          {categories.map((c) => chip(c, CATEGORY_NAMES[c], filter.category === c, () => onChange({ ...filter, category: filter.category === c ? null : c })))}
        </View>
      </ScrollView>
      {colours.length > 1 ? (
        <ScrollView scrollX className='wardrobe-filters__row'>
          <View className='wardrobe-filters__chips' role='radiogroup' aria-label='颜色'>
            {chip('all', '全部颜色', filter.colour === null, () => onChange({ ...filter, colour: null }))}
            {colours.map((c) => chip(c.name, c.name, filter.colour === c.name, () => onChange({ ...filter, colour: filter.colour === c.name ? null : c.name }), c.hex))}
          </View>
        </ScrollView>
      ) : null}
      <ScrollView scrollX className='wardrobe-filters__row'>
        <View className='wardrobe-filters__chips' role='radiogroup' aria-label='季节'>
          {chip('all', '所有季节', filter.season === null, () => onChange({ ...filter, season: null }))}
          {SEASONS.map((s) => chip(s, s, filter.season === s, () => onChange({ ...filter, season: filter.season === s ? null : s })))}
        </View>
      </ScrollView>
    </View>
  );
}
