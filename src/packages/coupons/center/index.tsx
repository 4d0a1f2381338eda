import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CenterEntry, ErrorCode } from '../../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { couponApi } from '../../../services/coupons';
import { errorText } from '../../../services/errors';
import { pageUrl } from '../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { CenterEntryTicket } from './Entry';
import './index.scss';

/** Claiming says it more precisely than the catalogue. */
const CLAIM_ERRORS: Partial<Record<ErrorCode, string>> = {
  OUT_OF_STOCK: '来晚了，券已经被领完了',
  LIMIT_REACHED: '你已经领过这张券了',
  NOT_CLAIMABLE: '这张券现在不能领取',
};

/**
 * 领券中心: the campaign coupons, each with what is left, the member's own limit and a button by
 * state. A claim re-reads the centre (stock and limits are the function's to judge); one claim
 * per coupon is in flight at a time. Read afresh on every show and on pull-down.
 */
export default function CenterPage() {
  const { params } = useRouter();
  const center = useRemote(couponApi.center, { auto: false });
  const { notMember, setLeftElsewhere } = useReadOnShow([remoteRead(center)]);
  // the ref stops a second tap at once; the state shows it on the button
  const inFlight = useRef(new Set<string>());
  const [claiming, setClaiming] = useState<ReadonlySet<string>>(new Set());


  async function claim(entry: CenterEntry) {
    const id = entry.templateId;
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    setClaiming(new Set(inFlight.current));
    const answer = await couponApi.claim(id);
    if (answer.ok) void Taro.showToast({ title: '领取成功', icon: 'success' });
    else if (answer.error.code === 'NOT_MEMBER') setLeftElsewhere(true);
    else void Taro.showToast({ title: errorText(answer.error, CLAIM_ERRORS), icon: 'none' });
    // either way the entry may have changed (claimed, sold out meanwhile): show it as it now stands
    // before the button can be tapped again
    await center.refresh();
    inFlight.current.delete(id);
    setClaiming(new Set(inFlight.current));
  }

  // opened from the wallet: going back to it, rather than piling another page on top
  const openWallet = () => void (params.from === 'wallet' ? Taro.navigateBack() : Taro.navigateTo({ url: pageUrl('wallet', { from: 'center' }) }));

  if (center.state.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={center.state.error} onRetry={() => void center.reload()} />
      </View>
    );
  }
  if (center.state.status !== 'ready') {
    return (
      <View className='page center'>
        <LoadingBlock height={96} label='正在加载领券中心' />
        <View className='center__gap' />
        <LoadingBlock height={260} />
        <View className='center__gap' />
        <LoadingBlock height={260} />
      </View>
    );
  }

  const { templates } = center.state.data;
  return (
    <View className='page center'>
      <View className='center__head'>
        <Text className='center__head-text'>领到的券放在「我的券」，结账时出示会员码即可使用</Text>
        <View className='center__wallet' onClick={openWallet} hoverClass='center__wallet--pressed' role='link'>
          查看我的券 ›
        </View>
      </View>
      {templates.length === 0 ? (
        <View className='center__empty'>
          <Text className='center__empty-title'>暂时没有可领取的券</Text>
          <Text className='center__empty-text'>新的活动券上线后会出现在这里</Text>
          <Button className='btn btn-ghost center__empty-go' onClick={openWallet}>
            查看我的券
          </Button>
        </View>
      ) : (
        <View className='center__list'>
          {templates.map((entry) => (
            <CenterEntryTicket key={entry.templateId} entry={entry} claiming={claiming.has(entry.templateId)} onClaim={() => void claim(entry)} />
          ))}
        </View>
      )}
    </View>
  );
}
