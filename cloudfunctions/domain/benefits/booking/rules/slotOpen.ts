import { bookableFrom } from '../booking';
import type { BookingRule } from './rule';

/**
 * The slot exists, starts more than 2 hours from now (inside them a booking could no longer be
 * cancelled or moved online) and nobody holds it (the conditional update decides a race).
 */
export const slotOpen: BookingRule = {
  code: 'slot',
  check(f) {
    if (!f.slot) return { code: 'NOT_FOUND', message: '这个时段不存在' };
    if (f.slot.startAt.getTime() <= f.now.getTime()) return { code: 'NOT_CLAIMABLE', message: '这个时段已经开始了，请另选时间' };
    if (f.slot.startAt.getTime() <= bookableFrom(f.now).getTime()) return { code: 'NOT_CLAIMABLE', message: '开始前 2 小时内的时段不能在线预约，请直接联系门店' };
    if (f.slot.bookingId !== null) return { code: 'CONFLICT', message: '这个时段刚被约走了，请另选时间' };
    return null;
  },
};
