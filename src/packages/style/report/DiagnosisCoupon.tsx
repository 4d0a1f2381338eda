import { Text, View } from '@tarojs/components';
import type { StyleReportView } from '../../../../cloudfunctions/contract/style';
import { CouponTicket, TicketAction } from '../../../components/CouponTicket';

/**
 * 穿搭诊断: the coupon finishing the quiz the first time gave, for the report's top category, and
 * the way to it in 我的券. Said plainly when it came with this report.
 */
export function DiagnosisCouponSection({ held, issuedNow, why, onWallet }: { held: NonNullable<StyleReportView['diagnosisCoupon']>; issuedNow: boolean; why: string; onWallet: () => void }) {
  return (
    <View className='report-diagnosis'>
      <View className='report-diagnosis__head'>
        <Text className='section-title report-diagnosis__title'>穿搭诊断券</Text>
        {issuedNow ? <Text className='report-diagnosis__new'>刚刚发放</Text> : null}
      </View>
      <Text className='report-diagnosis__why'>{why}</Text>
      <CouponTicket coupon={held.coupon} action={<TicketAction label='去券包' tone='ghost' onClick={onWallet} ariaLabel='去券包查看穿搭诊断券' />} />
    </View>
  );
}
