import { shopDateTimeLabel } from '../../time';
import { BOOKING, type Booking } from './booking';

/** Until when a booking may be cancelled or moved: 2 hours before it starts. */
export const changeUntil = (b: Pick<Booking, 'startAt'>) => new Date(b.startAt.getTime() - BOOKING.changeBeforeMs);

/** Why a member may not cancel or move this booking now, or null when they may. */
export function changeRefusal(b: Pick<Booking, 'startAt' | 'state'>, now: Date): string | null {
  if (b.state !== 'booked') return '这个预约已结束或已取消';
  if (now.getTime() > changeUntil(b).getTime()) return `开始前 2 小时内不能取消或改期（截至 ${shopDateTimeLabel(changeUntil(b))}），请联系门店`;
  return null;
}

/** Why staff may not mark this visit now, or null. Done also needs the tier still held. */
export function markRefusal(b: Pick<Booking, 'startAt' | 'state'>, outcome: 'done' | 'noShow', tierHeld: boolean, now: Date): string | null {
  if (b.state !== 'booked') return '这个预约已标记或已取消';
  if (now.getTime() < b.startAt.getTime() - BOOKING.markFromMs) return '预约开始前 30 分钟起才能标记';
  if (outcome === 'noShow' && now.getTime() < b.startAt.getTime() + BOOKING.noShowAfterMs) return '开始 15 分钟后仍未到店，才能标记未到店';
  if (outcome === 'done' && !tierHeld) return '该会员已不是成长者，不能进行本次1对1（预约已失效）';
  return null;
}
