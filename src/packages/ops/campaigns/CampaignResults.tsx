import { Button, Text, View } from '@tarojs/components';
import type { CampaignResultsView } from '../../../services/opsCampaigns';
import { shopDateTime } from '../../../services/format';
import { percent } from './form';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

/** Below this many held out, one purchase more or less swings the uplift by points: say so. */
const SMALL_CONTROL = 30;

/** 提升 +8.0 个百分点，约多带来 72 位购买会员 / 低于对照组 … / no control group. */
export function upliftWords(points: number | null, incremental: number | null): string {
  if (points === null) return '未设对照组，无法衡量提升';
  const extra = Math.round(incremental ?? 0);
  if (points < 0) return `发券组购买率低于对照组 ${Math.abs(points).toFixed(1)} 个百分点`;
  return `提升 +${points.toFixed(1)} 个百分点${extra > 0 ? `，约多带来 ${extra} 位购买会员` : ''}`;
}

export interface CampaignResultsProps {
  view: CampaignResultsView;
  stopping: boolean;
  onStop: () => void;
  onBack: () => void;
}

/** 活动效果: the campaign's figures, each with what it means; the treated against the held out. */
export function CampaignResults({ view, stopping, onStop, onBack }: CampaignResultsProps) {
  const { campaign: c, results: r } = view;
  const figures: Array<[string, string, string]> = [
    ['已发券', r.issued.toLocaleString('en-US'), `对照组 ${c.control} 人未发券`],
    ['已使用', r.used.toLocaleString('en-US'), r.issued ? `核销率 ${percent(r.used / r.issued)}` : '—'],
    ['7 天内使用', String(r.usedWithin7Days), '发券后 7 天内'],
    ['30 天内使用', String(r.usedWithin30Days), '发券后 30 天内'],
    ['带动销售额', yuanText(r.attributedSalesFen), '用了本活动券的订单实付（扣除退款）'],
    ['优惠金额', yuanText(r.discountFen), '本活动券在这些订单上的抵扣'],
    ['ROI', r.roi === null ? '—' : r.roi.toFixed(2), '（带动销售额 − 优惠金额）÷ 优惠金额'],
  ];
  const uplift = r.upliftPoints === null ? null : r.upliftPoints;
  return (
    <View className='camp-results'>
      <View className='section'>
        <Text className='camp-results__name'>{c.name}</Text>
        <Text className={`camp-status camp-status--${c.status}`}>{c.statusText}</Text>
        <Text className='muted camp-line'>{`${c.templateName} · ${c.audienceText}`}</Text>
        <Text className='muted camp-line'>{`开始 ${shopDateTime(c.startAt)} · 预算 ${c.budgetText} · ${c.message ? '发送到账通知' : '不发消息'} · 由 ${c.createdBy} 发起`}</Text>
        {c.message ? <Text className='muted camp-line'>{`已发送通知 ${c.messaged} 条`}</Text> : null}
      </View>
      <View className='section'>
        <Text className='section-title'>活动效果</Text>
        <View className='camp-grid'>
          {figures.map(([name, value, meaning]) => (
            <View key={name} className='camp-grid__cell'>
              <Text className='camp-grid__value'>{value}</Text>
              <Text className='camp-grid__name'>{name}</Text>
              <Text className='muted'>{meaning}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>{`对照组提升（${r.windowDays} 天内购买率）`}</Text>
        {[
          ['发券组', r.treated],
          ['对照组', r.control],
        ].map(([label, g]) => {
          const group = g as typeof r.treated;
          return (
            <View key={label as string} className='camp-bar'>
              <Text className='camp-bar__label'>{label as string}</Text>
              <View className='camp-bar__track' aria-hidden>
                <View className={`camp-bar__fill${label === '对照组' ? ' camp-bar__fill--control' : ''}`} style={{ width: `${Math.max(1, Math.round(group.rate * 100))}%` }} />
              </View>
              <Text className='camp-bar__value'>{`${percent(group.rate)}（${group.purchasers}/${group.members}）`}</Text>
            </View>
          );
        })}
        <Text className={`camp-uplift${uplift !== null && uplift < 0 ? ' camp-uplift--down' : ''}`}>{upliftWords(uplift, r.incrementalPurchasers)}</Text>
        {r.control.members > 0 && r.control.members < SMALL_CONTROL ? <Text className='camp-warn'>{`对照组仅 ${r.control.members} 人，提升数字波动较大，仅供参考`}</Text> : null}
        <Text className='muted'>{r.windowClosed ? `统计窗口已于 ${shopDateTime(r.windowEndsAt)} 结束` : `统计至 ${shopDateTime(r.windowEndsAt)}，数据仍在变化`}</Text>
      </View>
      {c.status === 'scheduled' || c.status === 'issuing' ? (
        <Button className='btn btn-ghost camp-stop' loading={stopping} disabled={stopping} onClick={onStop}>
          停止活动
        </Button>
      ) : null}
      <Button className='btn btn-ghost camp-back' onClick={onBack}>
        返回活动列表
      </Button>
    </View>
  );
}
