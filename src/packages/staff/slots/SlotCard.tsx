import { Button, Image, Text, View } from '@tarojs/components';
import type { StylistSlot } from '../../../services/booking';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

export interface SlotCardProps {
  slot: StylistSlot;
  busy: boolean;
  onMark: (bookingId: string, outcome: 'done' | 'noShow') => void;
}

const STATE_TEXT = { booked: '已预约', cancelled: '已取消', done: '已完成', noShow: '未到店' } as const;

/** One slot of the day: free, or the member (masked) with what they asked for, their style and wardrobe, and 已完成 / 未到店. */
export function SlotCard({ slot, busy, onMark }: SlotCardProps) {
  const b = slot.booking;
  return (
    <View className={`slot-card${b ? ' slot-card--booked' : ''}`} data-slot={slot.slotId}>
      <View className='slot-card__head'>
        <Text className='slot-card__time'>{slot.time}</Text>
        <Text className='muted'>{b ? STATE_TEXT[b.state] : `空闲 · ${slot.stylistName}`}</Text>
      </View>
      {b ? (
        <View className='slot-card__body'>
          <Text className='slot-card__member'>{`${b.member.nickname ?? '会员'} · ${b.member.tierName}${b.member.phoneMasked ? ` · ${b.member.phoneMasked}` : ''}`}</Text>
          {!b.member.stillEligible ? <Text className='slot-card__warn'>该会员已不是成长者，本次1对1不能进行</Text> : null}
          <Text className='slot-card__line'>{`想解决：${b.scene}${b.budgetFen !== null ? ` · 预算 ${yuanText(b.budgetFen)}` : ''}`}</Text>
          {b.note ? <Text className='slot-card__line'>{`留言：${b.note}`}</Text> : null}
          <Text className='slot-card__line'>{b.style.season ? `风格报告：${b.style.season} · ${b.style.styles.join(' / ')}` : '还没做风格测试'}</Text>
          {b.pieces.length > 0 ? <Pieces title='想搭配' pieces={b.pieces} /> : null}
          {b.wardrobe.length > 0 ? <Pieces title='衣橱里还有' pieces={b.wardrobe} /> : null}
          {b.state === 'booked' ? (
            b.canMark ? (
              <View className='slot-card__actions'>
                {b.member.stillEligible ? (
                  <Button className='btn btn-primary' disabled={busy} onClick={() => onMark(b.bookingId, 'done')}>
                    已完成
                  </Button>
                ) : null}
                {b.canMarkNoShow ? (
                  <Button className='btn btn-ghost' disabled={busy} onClick={() => onMark(b.bookingId, 'noShow')}>
                    未到店
                  </Button>
                ) : (
                  <Text className='muted slot-card__later'>开始 15 分钟后仍未到店，可标记未到店</Text>
                )}
              </View>
            ) : (
              <Text className='muted'>开始前 30 分钟起可标记 已完成 / 未到店</Text>
            )
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function Pieces({ title, pieces }: { title: string; pieces: Array<{ name: string; image: string }> }) {
  return (
    <View className='slot-card__pieces'>
      <Text className='muted'>{title}</Text>
      <View className='slot-card__piece-row'>
        {pieces.map((p, i) => (
          <View key={`${p.name}-${i}`} className='slot-card__piece'>
            <Image className='slot-card__piece-img' src={p.image} mode='aspectFill' lazyLoad />
            <Text className='slot-card__piece-name'>{p.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
