import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ActionOutput, Envelope, WalletStatus } from '../../../cloudfunctions/contract';
// StateView's styles before CouponTicket's, as on the other pages: the weapp build wants one order
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { CouponTicket, TicketAction } from '../../components/CouponTicket';
import { couponApi } from '../../services/coupons';
import { pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import { type HeldReminders, WalletReminder } from './Reminder';
import { WalletTabs } from './Tabs';
import './index.scss';

/**
 * One tab's answer, labelled with the tab it was read for (the shopper may have moved on since) and
 * with how many subscribes had been recorded when the read started (its reminders may predate one).
 */
type TabAnswer = ActionOutput<'coupon', 'list'> & { status: WalletStatus; subscribesBefore: number };

const EMPTY: Record<WalletStatus, { title: string; text: string }> = {
  available: { title: '暂无可使用的券', text: '去领券中心看看，领到的券会放在这里' },
  used: { title: '还没有用过券', text: '结账时出示会员码，店员扫码即可用券' },
  expired: { title: '没有已过期的券', text: '券快到期时会标出「即将过期」，记得及时使用' },
};

/**
 * 我的券: the member's coupons by tab, each usable one a tap from the member code; the claim
 * centre and the expiry reminder on top. Read afresh on every show and on pull-down.
 */
export default function WalletPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<WalletStatus>('available');
  // the tab a read is for: set before the read starts, not on the next render
  const tabToRead = useRef<WalletStatus>('available');
  // subscribes recorded on this page, and the credits the latest one answered
  const subscribes = useRef(0);
  const [subscribed, setSubscribed] = useState<{ reminders: HeldReminders; seq: number } | null>(null);
  const list = useRemote<TabAnswer>(async (): Promise<Envelope<TabAnswer>> => {
    const status = tabToRead.current;
    const subscribesBefore = subscribes.current;
    const answer = await couponApi.list(status);
    return answer.ok ? { ok: true, data: { ...answer.data, status, subscribesBefore } } : answer;
  }, { auto: false });
  const { notMember } = useReadOnShow([remoteRead(list)]);
  // the counts and the reminder credits stay on screen while another tab loads or fails
  const lastRead = useRef<TabAnswer | null>(null);
  if (list.state.status === 'ready') lastRead.current = list.state.data;
  const counts = lastRead.current?.counts ?? null;
  // a subscribe answered after the last read started knows better than that read
  const reminders =
    subscribed && (!lastRead.current || lastRead.current.subscribesBefore < subscribed.seq) ? subscribed.reminders : (lastRead.current?.reminders ?? null);
  const heard = (held: HeldReminders) => {
    subscribes.current += 1;
    setSubscribed({ reminders: held, seq: subscribes.current });
  };


  function choose(status: WalletStatus) {
    tabToRead.current = status;
    setTab(status);
    void list.reload();
  }

  // opened from the claim centre: going back to it, rather than piling another page on top
  const openCenter = () => void (params.from === 'center' ? Taro.navigateBack() : Taro.navigateTo({ url: pageUrl('center', { from: 'wallet' }) }));
  const showCode = () => void Taro.switchTab({ url: pageUrl('card') });

  return (
    <View className='page wallet'>
      <View className='section wallet__top'>
        <View className='wallet__center' onClick={openCenter} hoverClass='wallet__center--pressed' role='link'>
          <View className='wallet__center-text'>
            <Text className='wallet__center-title'>领券中心</Text>
            <Text className='muted'>领取活动好券，到店结账可用</Text>
          </View>
          <Text className='wallet__center-go'>去领券 ›</Text>
        </View>
        <WalletReminder reminders={reminders} loading={list.state.status === 'loading'} onReminders={heard} />
      </View>

      <WalletTabs current={tab} counts={counts} onChange={choose} />

      {list.state.status === 'error' && !notMember ? (
        <ErrorState error={list.state.error} onRetry={() => void list.reload()} />
      ) : list.state.status !== 'ready' || list.state.data.status !== tab ? (
        <View className='wallet__loading'>
          <LoadingBlock height={220} label='正在加载我的券' />
          <View className='wallet__gap' />
          <LoadingBlock height={220} />
        </View>
      ) : list.state.data.coupons.length === 0 ? (
        <View className='wallet__empty'>
          <Text className='wallet__empty-title'>{EMPTY[tab].title}</Text>
          <Text className='wallet__empty-text'>{EMPTY[tab].text}</Text>
          <Button className='btn btn-ghost wallet__empty-go' onClick={openCenter}>
            去领券中心
          </Button>
        </View>
      ) : (
        <View className='wallet__list'>
          {tab === 'available' ? <Text className='muted wallet__hint'>结账时出示会员码，店员扫码即可用券</Text> : null}
          {list.state.data.coupons.map((coupon) => (
            <CouponTicket
              key={coupon.couponId}
              coupon={coupon}
              action={coupon.status === 'available' ? <TicketAction label='去使用' onClick={showCode} ariaLabel={`去使用${coupon.name}`} /> : undefined}
            />
          ))}
        </View>
      )}
    </View>
  );
}
