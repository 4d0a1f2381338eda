import { Text } from '@tarojs/components';
import type { CenterEntry } from '../../../../cloudfunctions/contract';
import { CouponTicket, TicketAction } from '../../../components/CouponTicket';
import { shopDateTime, thousands } from '../../../services/format';

interface EntryProps {
  entry: CenterEntry;
  /** a claim of this entry is under way */
  claiming: boolean;
  onClaim: () => void;
}

/** 剩余 N 张 / 不限量 */
export function stockText(stock: CenterEntry['stock']): string {
  return stock.remaining === null ? '不限量' : `剩余 ${thousands(stock.remaining)} 张`;
}

/** 每人限领 N 张 · 已领 M; without a limit only what the member already holds, if anything. */
export function limitText(limit: CenterEntry['limit']): string | null {
  if (limit.perMember !== null) return `每人限领 ${limit.perMember} 张 · 已领 ${limit.claimed}`;
  return limit.claimed > 0 ? `已领 ${limit.claimed} 张` : null;
}

/** One campaign coupon of the claim centre: the ticket, what is left, the member's limit, and its button by state. */
export function CenterEntryTicket({ entry, claiming, onClaim }: EntryProps) {
  const limit = limitText(entry.limit);
  const action =
    entry.state === 'claimable' ? (
      <TicketAction label='立即领取' onClick={onClaim} busy={claiming} busyLabel='领取中…' ariaLabel={`立即领取${entry.name}`} />
    ) : entry.state === 'claimed' ? (
      <TicketAction label='已领取' tone='off' ariaLabel={`${entry.name}已领取`} />
    ) : (
      <TicketAction label='已抢光' tone='off' ariaLabel={`${entry.name}已抢光`} />
    );
  return (
    <CouponTicket coupon={entry} action={action} dim={entry.state === 'outOfStock'}>
      <Text className='center-entry__stock'>{stockText(entry.stock)}</Text>
      {limit ? <Text className='center-entry__limit'>{limit}</Text> : null}
      {entry.claimUntil ? <Text className='center-entry__until'>{shopDateTime(entry.claimUntil)} 截止领取</Text> : null}
    </CouponTicket>
  );
}
