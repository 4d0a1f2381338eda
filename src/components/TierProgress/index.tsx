import { Text, View } from '@tarojs/components';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import './index.scss';

export interface TierProgressProps {
  tier: PointsSummary['tier'];
  progress: PointsSummary['progress'];
}

/** 0–1, whatever arrives: a bar never runs backwards or out of its track. */
export function barShare(ratio: number): number {
  return Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 0;
}

/**
 * Where the member stands: their tier (in the card's colours), how far along the closest route
 * to the next tier is and what is left, in shop words; the spend that counts; how the tier is kept.
 */
export function TierProgress({ tier, progress }: TierProgressProps) {
  const next = progress.next;
  const percent = next ? Math.round(barShare(next.ratio) * 100) : 100;
  return (
    <View className={`tier-progress tier-progress--${tier.code}`} data-tier={tier.code}>
      <View className='tier-progress__head'>
        <Text className='tier-progress__label'>当前等级</Text>
        <Text className='tier-progress__tier'>{tier.name}</Text>
      </View>

      {/* no wrapper around the route: one view less deep keeps the 积分 tab within base.wxml's levels (config/index.ts baseLevel) */}
      {next ? (
        <>
          <View
            className='tier-progress__track'
            role='progressbar'
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={`距${next.name}已完成 ${percent}%`}
          >
            <View className='tier-progress__fill' style={{ width: `${percent}%` }} />
          </View>
          <View className='tier-progress__ends'>
            <Text>{tier.name}</Text>
            <Text>{next.name}</Text>
          </View>
          <Text className='tier-progress__next'>{next.text}</Text>
        </>
      ) : (
        <>
          <Text className='tier-progress__next tier-progress__next--top'>已是最高等级</Text>
          <Text className='tier-progress__top-note'>尊享全部会员权益</Text>
        </>
      )}

      <View className='tier-progress__figures'>
        <Figure label='本季度消费' value={yuanText(progress.quarterSpendFen)} />
        <Figure label='近12个月消费' value={yuanText(progress.yearSpendFen)} />
        <Figure label='成功邀请' value={`${progress.settledReferrals} 人`} />
      </View>
      {progress.keepText ? <Text className='tier-progress__keep'>{progress.keepText}</Text> : null}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className='tier-progress__figure'>
      <Text className='tier-progress__figure-value'>{value}</Text>
      <Text className='tier-progress__figure-label'>{label}</Text>
    </View>
  );
}
