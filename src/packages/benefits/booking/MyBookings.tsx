import { Button, Text, View } from '@tarojs/components';
import type { BookingView, MyBookings } from '../../../services/booking';
import { BookingReminder } from './BookingReminder';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

export interface MyBookingsProps {
  mine: MyBookings;
  /** the booking being moved (its 改期 is on) */
  moving: string | null;
  busy: boolean;
  onCancel: (b: BookingView) => void;
  onMove: (b: BookingView) => void;
  /** the member allowed more reminders: the count now held */
  onReminders: (credits: number) => void;
}

const STATE_TEXT: Record<BookingView['state'], string> = { booked: '已预约', cancelled: '已取消', done: '已完成', noShow: '未到店' };

/** 我的预约: upcoming ones with 取消 / 改期 (until 2 hours before), then the recent past with the reason a cancellation had. */
export function MyBookingsSection({ mine, moving, busy, onCancel, onMove, onReminders }: MyBookingsProps) {
  if (mine.upcoming.length === 0 && mine.past.length === 0) return null;
  return (
    <View className='section booking-mine'>
      <View className='section-title'>我的预约</View>
      {mine.upcoming.map((b) => (
        <View key={b.bookingId} className='booking-card' data-booking={b.bookingId}>
          <Text className='booking-card__when'>{b.when}</Text>
          <Text className='booking-card__line'>{`${b.storeName} · 造型师 ${b.stylistName}`}</Text>
          <Text className='booking-card__line'>{`想解决：${b.scene}${b.budgetFen !== null ? ` · 预算 ${yuanText(b.budgetFen)}` : ''}`}</Text>
          {b.pieces.length > 0 ? <Text className='booking-card__line muted'>{`带上：${b.pieces.map((p) => p.name).join('、')}`}</Text> : null}
          {b.canChange ? (
            <View className='booking-card__actions'>
              <Button className='btn btn-ghost' disabled={busy} onClick={() => onCancel(b)}>
                取消预约
              </Button>
              <Button className='btn btn-ghost' disabled={busy} onClick={() => onMove(b)}>
                {moving === b.bookingId ? '不改了' : '改期'}
              </Button>
            </View>
          ) : (
            <Text className='booking-card__note muted'>开始前 2 小时内不能取消或改期，如有变化请联系门店</Text>
          )}
        </View>
      ))}
      {mine.upcoming.length > 0 ? <BookingReminder credits={mine.reminders} onCredits={onReminders} /> : null}
      {mine.past.map((b) => (
        <View key={b.bookingId} className='booking-card booking-card--past' data-booking={b.bookingId}>
          <Text className='booking-card__when'>{`${b.when} · ${STATE_TEXT[b.state]}`}</Text>
          <Text className='booking-card__line muted'>{`${b.storeName} · ${b.stylistName}`}</Text>
          {b.cancelReason && b.state === 'cancelled' ? <Text className='booking-card__reason'>{b.cancelReason}</Text> : null}
        </View>
      ))}
    </View>
  );
}
