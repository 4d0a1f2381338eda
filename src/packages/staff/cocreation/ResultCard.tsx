import { Button, Image, Text, View } from '@tarojs/components';
import type { PieceResult } from '../../../services/cocreation';

const STATUS = { open: '征集中', closed: '已截止', launched: '已上市' } as const;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const avg = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export interface ResultCardProps {
  piece: PieceResult;
  busy: boolean;
  onClose: () => void;
  onLaunch: () => void;
}

/** One piece's results for the brand: the whole, each tier, the latest comments; close and launch. */
export function ResultCard({ piece, busy, onClose, onLaunch }: ResultCardProps) {
  const rows = [{ key: 'all', name: '全部', ...piece.total }, ...piece.byTier.map((t) => ({ key: t.tier, name: t.tierName, ...t }))];
  return (
    <View className='section staff-cocreation__piece'>
      <View className='staff-cocreation__head'>
        <Image className='staff-cocreation__image' src={piece.image} mode='aspectFill' />
        <View className='staff-cocreation__title'>
          <Text className='staff-cocreation__name'>{piece.name}</Text>
          <Text className='muted'>{`${STATUS[piece.status]} · ${piece.tiers.includes('grower') ? '成长者、忠诚者' : '忠诚者'}可投${piece.status === 'launched' ? ` · 已发放试穿权 ${piece.passesIssued} 张` : ''}`}</Text>
        </View>
      </View>
      {piece.total.votes === 0 ? (
        <Text className='muted staff-cocreation__none'>还没有会员投票</Text>
      ) : (
        <View className='staff-cocreation__table'>
          <View className='staff-cocreation__row staff-cocreation__row--head'>
            <Text className='staff-cocreation__cell'>等级</Text>
            <Text className='staff-cocreation__cell'>票数</Text>
            <Text className='staff-cocreation__cell'>喜欢</Text>
            <Text className='staff-cocreation__cell'>合身</Text>
            <Text className='staff-cocreation__cell'>价格</Text>
          </View>
          {rows.map((r) => (
            <View key={r.key} className='staff-cocreation__row'>
              <Text className='staff-cocreation__cell'>{r.name}</Text>
              <Text className='staff-cocreation__cell'>{String(r.votes)}</Text>
              <Text className='staff-cocreation__cell'>{pct(r.likeShare)}</Text>
              <Text className='staff-cocreation__cell'>{avg(r.avgFit)}</Text>
              <Text className='staff-cocreation__cell'>{avg(r.avgPrice)}</Text>
            </View>
          ))}
          <Text className='muted staff-cocreation__legend'>合身 1 不合身 – 5 很合身；价格 1 太贵 – 5 很值</Text>
        </View>
      )}
      {piece.comments.length ? (
        <View className='staff-cocreation__comments'>
          {piece.comments.map((c, i) => (
            <Text key={i} className='staff-cocreation__comment'>{`${c.nickname}（${c.tierName}${c.like ? ' · 喜欢' : ''}）：${c.text}`}</Text>
          ))}
        </View>
      ) : null}
      {piece.status !== 'launched' ? (
        <View className='staff-cocreation__actions'>
          {piece.status === 'open' ? (
            <Button className='btn btn-ghost staff-cocreation__close' disabled={busy} onClick={onClose}>
              截止投票
            </Button>
          ) : null}
          <Button className='btn btn-primary staff-cocreation__launch' disabled={busy} onClick={onLaunch}>
            上市并发放试穿权
          </Button>
        </View>
      ) : null}
    </View>
  );
}
