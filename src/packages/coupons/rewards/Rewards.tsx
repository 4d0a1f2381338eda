import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ActionOutput, ErrorCode, Reward } from '../../../../cloudfunctions/contract';
import { CouponTicket, TicketAction } from '../../../components/CouponTicket';
import { LoadingBlock } from '../../../components/StateView';
import { pointsApi } from '../../../services/points';
import { errorText } from '../../../services/errors';
import { thousands } from '../../../services/format';
import type { Remote } from '../../../services/useRemote';

/** Redeeming says it more precisely than the catalogue. */
const REDEEM_ERRORS: Partial<Record<ErrorCode, string>> = {
  OUT_OF_STOCK: '来晚了，这张券已经兑完了',
  LIMIT_REACHED: '这张券的兑换次数已用完',
  NOT_CLAIMABLE: '这张券现在不能兑换',
  NOT_FOUND: '这个兑换已经结束了',
};

interface RewardsProps {
  rewards: Remote<ActionOutput<'points', 'rewards'>>;
  onRetry: () => void;
  /** the balance moved (a redeem, or a refusal that says it did): read the page again */
  onChanged: () => Promise<void>;
  onOpenWallet: () => void;
}

/**
 * 积分兑换: coupons points buy, priced in points. A reward the balance cannot pay for says 积分不足
 * on its button; a redeem is confirmed first, and one is under way at a time.
 */
export function Rewards({ rewards, onRetry, onChanged, onOpenWallet }: RewardsProps) {
  const [redeeming, setRedeeming] = useState<string | null>(null);
  // held from the tap on, so a second tap opens no second dialog
  const inFlight = useRef(false);

  async function redeem(reward: Reward) {
    if (inFlight.current) return;
    inFlight.current = true;
    const sure = await Taro.showModal({
      title: '积分兑换',
      content: `确认用 ${thousands(reward.pointsCost)} 积分兑换「${reward.name}」？`,
      confirmText: '兑换',
      cancelText: '再想想',
      confirmColor: '#1F1B16',
    });
    if (sure.confirm) {
      setRedeeming(reward.rewardId);
      const answer = await pointsApi.redeem(reward.rewardId);
      if (answer.ok) void Taro.showToast({ title: '兑换成功', icon: 'success' });
      else void Taro.showToast({ title: errorText(answer.error, REDEEM_ERRORS), icon: 'none' });
      // no answer (UNAVAILABLE) tells nothing new; anything else may have moved the balance
      if (answer.ok || answer.error.code !== 'UNAVAILABLE') await onChanged();
      setRedeeming(null);
    }
    inFlight.current = false;
  }

  return (
    <View className='section points-rewards'>
      <View className='points-rewards__head'>
        <Text className='section-title points-rewards__title'>积分兑换</Text>
        <View className='points-rewards__wallet' onClick={onOpenWallet} hoverClass='points-rewards__wallet--pressed' role='link'>
          我的券 ›
        </View>
      </View>
      {rewards.status === 'loading' ? (
        <LoadingBlock height={220} label='正在加载积分兑换' />
      ) : rewards.status === 'error' ? (
        <View className='points-rewards__problem' role='alert'>
          <Text className='points-rewards__problem-text'>积分兑换没能加载：{errorText(rewards.error)}</Text>
          <Button className='btn btn-ghost points-rewards__retry' onClick={onRetry}>
            重新加载
          </Button>
        </View>
      ) : rewards.data.rewards.length === 0 ? (
        <Text className='points-rewards__empty'>暂时没有可兑换的券，新的兑换上线后会出现在这里</Text>
      ) : (
        <View className='points-rewards__list'>
          {rewards.data.rewards.map((reward) => {
            const enough = rewards.data.balance >= reward.pointsCost;
            return (
              <CouponTicket
                key={reward.rewardId}
                coupon={reward}
                action={
                  enough ? (
                    <TicketAction
                      label='兑换'
                      onClick={() => void redeem(reward)}
                      busy={redeeming === reward.rewardId}
                      busyLabel='兑换中…'
                      ariaLabel={`用 ${reward.pointsCost} 积分兑换${reward.name}`}
                    />
                  ) : (
                    <TicketAction label='积分不足' tone='off' ariaLabel={`积分不足，兑换${reward.name}需要 ${reward.pointsCost} 积分`} />
                  )
                }
              >
                <Text className='points-reward__cost'>{thousands(reward.pointsCost)} 积分</Text>
              </CouponTicket>
            );
          })}
        </View>
      )}
    </View>
  );
}
