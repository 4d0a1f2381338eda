import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CounterCoupon } from '../../../cloudfunctions/contract/staffSales';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { staffSalesApi } from '../../services/staffSales';
import { toast } from '../../services/toast';
import { useRemote } from '../../services/useRemote';
import './sales.scss';

/** The store's order number as the server takes it. */
const ORDER_NO = /^[A-Za-z0-9_-]{1,40}$/;

/** What a failed use says to the clerk (the generic catalogue otherwise). */
const USE_ERRORS = {
  NOT_CLAIMABLE: '这张券已被使用（收银台或柜台），或现在不能用',
  NOT_FOUND: '这位会员没有这张券',
  CODE_EXPIRED: '会员码已过期，请会员刷新会员码后再查',
  CONFLICT: '刚才有人同时在用这张券，请重新查一下',
} as const;

/**
 * 柜台查券 (issue 17, part 6): for stores without an integrated till. Given the live member code
 * the clerk holds, it lists the member's coupons usable now; the clerk types the store's order
 * number and uses one — once: if the till used it first, the clerk is told so. The 会员详情 page
 * mounts it with the code it looked the member up by.
 */
export function CounterCoupons({ code }: { code: string }) {
  const remote = useRemote(() => staffSalesApi.counterCoupons(code));
  const [open, setOpen] = useState<string | null>(null);
  const [orderNo, setOrderNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [used, setUsed] = useState<Record<string, string>>({});
  const state = remote.state;

  if (state.status === 'loading') return <LoadingBlock height={240} label='正在查会员可用的券' />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void remote.reload()} />;

  async function use(c: CounterCoupon) {
    if (busy) return;
    const no = orderNo.trim();
    if (!ORDER_NO.test(no)) return setProblem('请填写本店的订单号（字母、数字、- 或 _）');
    setBusy(true);
    setProblem(null);
    const answer = await staffSalesApi.useCoupon(code, c.couponId, no);
    setBusy(false);
    if (!answer.ok) return setProblem(errorText(answer.error, USE_ERRORS));
    setUsed((u) => ({ ...u, [c.couponId]: no }));
    setOpen(null);
    setOrderNo('');
    toast(`已用「${c.name}」，单号 ${no}`, 'success');
  }

  const { coupons, member } = state.data;
  return (
    <View className='section counter-coupons'>
      <Text className='section-title'>可用的券</Text>
      <Text className='muted counter-coupons__hint'>
        {member.nickname ?? '这位会员'} · {member.tierName}。先在本店收银按券面优惠结账，再填订单号点「确认使用」，每张券只能用一次。
      </Text>
      {coupons.length === 0 ? <Text className='muted'>这位会员现在没有可用的券</Text> : null}
      {coupons.map((c) => (
        <View key={c.couponId} className='counter-coupon'>
          <View className='counter-coupon__head'>
            <Text className='counter-coupon__value'>{c.value}</Text>
            <Text className='counter-coupon__name'>{c.name}</Text>
          </View>
          <Text className='muted counter-coupon__rule'>
            {c.rule ? `${c.rule} · ` : ''}
            {c.validUntilText}
          </Text>
          {used[c.couponId] ? (
            <Text className='counter-coupon__done'>已使用，单号 {used[c.couponId]}</Text>
          ) : open === c.couponId ? (
            <View className='counter-coupon__form'>
              <Input className='counter-coupon__input' placeholder='本店订单号' value={orderNo} maxlength={40} onInput={(e) => setOrderNo(e.detail.value)} />
              {problem ? <Text className='counter-coupon__problem'>{problem}</Text> : null}
              <Button className={`btn btn-primary${busy ? ' btn--off' : ''}`} loading={busy} onClick={() => void use(c)}>
                确认使用
              </Button>
            </View>
          ) : (
            <Button
              className='btn btn-ghost counter-coupon__use'
              onClick={() => {
                setOpen(c.couponId);
                setProblem(null);
              }}
            >
              使用这张券
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
