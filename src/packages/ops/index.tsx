import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { thousands } from '../../services/format';
import { type Dashboard, type DashboardDays, opsDashboardApi } from '../../services/opsDashboard';
import { pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import { ChartCanvas } from './charts/ChartCanvas';
import { couponsChart, npsChart, signupsChart, tiersChart } from './charts/dashboardCharts';
import './index.scss';

const PERIODS: ReadonlyArray<{ days: DashboardDays; label: string }> = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
];
const ROLE = { clerk: '导购', stylist: '造型师', manager: '店长' } as const;

/** "50%", or "—" when there is nothing to divide by. */
const pct = (p: number | null) => (p === null ? '—' : `${p}%`);
const shortDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** What each figure means, in the manager's words. */
const MEANINGS: ReadonlyArray<[string, string]> = [
  ['新会员', '所选天数内在本店入会的会员；「店员码」为通过店员专属二维码入会'],
  ['复购率', '本店至少消费过一次的会员中，之后又再次消费的比例'],
  ['积分负债', '本店会员未使用的积分，按最划算的无门槛积分兑换券折算成金额'],
  ['用券', '所选天数内在本店核销（收银或柜台）的优惠券，按券种统计'],
  ['邀请转化', '所选天数内经好友邀请入会的会员中，已完成首单的比例'],
  ['NPS', '推荐者（9–10 分）占比减去贬损者（0–6 分）占比'],
];

function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <View className='ops-kpi'>
      <Text className='ops-kpi__value'>{value}</Text>
      <Text className='ops-kpi__label'>{label}</Text>
      <Text className='muted ops-kpi__note'>{note}</Text>
    </View>
  );
}

/** A figure's line: what, how many. */
function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='ops-line'>
      <Text className='ops-line__label'>{label}</Text>
      <Text className='ops-line__value'>{value}</Text>
    </View>
  );
}

function Figures({ d }: { d: Dashboard }) {
  // the charts' trees change only with the figures (each redraw is a canvas pass)
  const charts = useMemo(() => ({ signups: signupsChart(d.signups.daily), tiers: tiersChart(d.tiers.counts), coupons: couponsChart(d.coupons.templates), nps: npsChart(d.nps) }), [d]);
  const busiest = d.signups.daily.reduce((best, day) => (day.store + day.clerks > best.store + best.clerks ? day : best), d.signups.daily[0]!);
  const share = (n: number) => (d.tiers.total === 0 ? '—' : `${Math.round((n * 100) / d.tiers.total)}%`);
  const upgrades = d.tiers.upgrades.reduce((n, u) => n + u.members, 0);
  return (
    <>
      <View className='ops-kpis'>
        <Kpi label='新会员' value={`${thousands(d.signups.total)} 人`} note={`店员码 ${d.signups.viaClerks} 人`} />
        <Kpi label='复购率' value={pct(d.repurchase.pct)} note={`${d.repurchase.repeat}/${d.repurchase.buyers} 人再次消费`} />
        <Kpi label='积分负债' value={yuanText(d.points.liabilityFen)} note={`${thousands(d.points.outstanding)} 积分`} />
        <Kpi label='NPS' value={d.nps.score === null ? '—' : String(d.nps.score)} note={`${d.nps.answers} 份评价`} />
      </View>

      <View className='section'>
        <Text className='section-title'>新会员</Text>
        <Text className='ops-sentence'>{`共 ${d.signups.total} 人入会：门店码 ${d.signups.viaStore} 人，店员码 ${d.signups.viaClerks} 人${d.signups.total > 0 ? `；最多的一天是 ${shortDay(busiest.date)}（${busiest.store + busiest.clerks} 人）` : ''}。`}</Text>
        <ChartCanvas id='ops-chart-signups' chart={charts.signups} height={360} label={`每天新会员：共 ${d.signups.total} 人`} />
        <View className='ops-table'>
          {d.signups.clerks.map((c) => (
            <Line key={`${c.role ?? 'former'}:${c.name}`} label={c.role ? `${c.name} · ${ROLE[c.role]}` : c.name} value={`${c.signedUp} 人`} />
          ))}
        </View>
      </View>

      <View className='section'>
        <Text className='section-title'>会员等级</Text>
        <Text className='ops-sentence'>{`本店会员 ${thousands(d.tiers.total)} 人；${upgrades > 0 ? `期间升级 ${d.tiers.upgrades.map((u) => `${u.name} ${u.members} 人`).join('、')}` : '期间无人升级'}。`}</Text>
        <ChartCanvas id='ops-chart-tiers' chart={charts.tiers} height={300} label='会员等级分布' />
        <View className='ops-table'>
          {d.tiers.counts.map((t) => (
            <Line key={t.tier} label={t.name} value={`${thousands(t.members)} 人（${share(t.members)}）`} />
          ))}
        </View>
      </View>

      <View className='section'>
        <Text className='section-title'>复购与邀请</Text>
        <Line label='复购率' value={`${pct(d.repurchase.pct)}（${d.repurchase.repeat}/${d.repurchase.buyers} 人）`} />
        <Line label='邀请入会' value={`${d.referrals.joined} 人`} />
        <Line label='邀请转化（已首单）' value={`${pct(d.referrals.pct)}（${d.referrals.converted}/${d.referrals.joined} 人）`} />
      </View>

      <View className='section'>
        <Text className='section-title'>积分负债</Text>
        <Line label='未使用积分' value={`${thousands(d.points.outstanding)} 分`} />
        <Line label='折合金额' value={yuanText(d.points.liabilityFen)} />
        <Line label={`${shortDay(d.points.expiring.before)}前到期`} value={`${thousands(d.points.expiring.points)} 分 · ${d.points.expiring.members} 人 · ${yuanText(d.points.expiring.liabilityFen)}`} />
        <Text className='muted ops-note'>{d.points.valuedAt ? `按「${d.points.valuedAt.rewardName}」${d.points.valuedAt.pointsCost} 积分抵 ${yuanText(d.points.valuedAt.amountFen)} 折算` : '暂无可折算现金的积分兑换，金额按 0 计'}</Text>
      </View>

      <View className='section'>
        <Text className='section-title'>用券</Text>
        <Text className='ops-sentence'>{`核销 ${d.coupons.used} 张，订单共优惠 ${yuanText(d.coupons.discountFen)}。`}</Text>
        {d.coupons.templates.length > 0 ? (
          <>
            <ChartCanvas id='ops-chart-coupons' chart={charts.coupons} height={Math.max(200, 72 * Math.min(6, d.coupons.templates.length) + 80)} label='各券种核销张数' />
            <View className='ops-table'>
              {d.coupons.templates.map((t) => (
                <Line key={t.templateId} label={t.name} value={`${t.used} 张`} />
              ))}
            </View>
          </>
        ) : (
          <Text className='muted'>所选天数内本店没有核销优惠券</Text>
        )}
      </View>

      <View className='section'>
        <Text className='section-title'>NPS 净推荐值</Text>
        {d.nps.answers > 0 ? (
          <>
            <Text className='ops-sentence'>{`NPS ${d.nps.score}：${d.nps.answers} 份评价中推荐者 ${d.nps.promoters}、中立者 ${d.nps.passives}、贬损者 ${d.nps.detractors}。`}</Text>
            <ChartCanvas id='ops-chart-nps' chart={charts.nps} height={240} label={`NPS ${d.nps.score}`} />
          </>
        ) : (
          <Text className='muted'>所选天数内还没有会员评价本店</Text>
        )}
      </View>
    </>
  );
}

/**
 * 门店看板 (managers; issue 19, part 3): the store's new members per day (store code and clerks'
 * codes), repurchase, tiers and upgrades, points liability and what expires soon, coupon use by
 * template, referral conversions and NPS, over 7, 30 or 90 days — each chart with its figures as
 * text. Read on every show and pull-down; the alerts not yet handled link to 经营预警.
 */
export default function OpsDashboardPage() {
  const [days, setDays] = useState<DashboardDays>(30);
  const daysToRead = useRef<DashboardDays>(30);
  const dashboard = useRemote<Dashboard>(() => opsDashboardApi.dashboard(daysToRead.current), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(dashboard)]);
  const choose = (d: DashboardDays) => {
    if (d === days) return;
    daysToRead.current = d;
    setDays(d);
    void dashboard.reload();
  };
  const state = dashboard.state;

  return (
    <View className='page ops-dashboard'>
      <View className='ops-tabs' role='tablist'>
        {PERIODS.map((p) => (
          <View key={p.days} className={`ops-tab${p.days === days ? ' ops-tab--on' : ''}`} role='tab' aria-selected={p.days === days} onClick={() => choose(p.days)}>
            {p.label}
          </View>
        ))}
      </View>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      ) : state.status === 'loading' || state.data.period.days !== days ? (
        <LoadingBlock height={720} label='正在加载门店看板' />
      ) : (
        <>
          <View className='ops-head'>
            <Text className='ops-head__store'>{state.data.store.name}</Text>
            <Text className='muted'>{`${shortDay(state.data.period.from)} – ${shortDay(state.data.period.through)}`}</Text>
          </View>
          {state.data.alertsOpen > 0 && (
            <View className='ops-alert-bar' role='link' onClick={() => void Taro.navigateTo({ url: pageUrl('opsAlerts') })}>
              <Text>{`${state.data.alertsOpen} 条经营预警待处理`}</Text>
              <Text className='ops-alert-bar__go'>查看 ›</Text>
            </View>
          )}
          <Figures d={state.data} />
        </>
      )}
      <View className='section ops-meanings'>
        <Text className='section-title'>指标说明</Text>
        {MEANINGS.map(([name, meaning]) => (
          <View key={name} className='ops-meaning'>
            <Text className='ops-meaning__name'>{name}</Text>
            <Text className='muted'>{meaning}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
