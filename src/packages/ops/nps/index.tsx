import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { type NpsPeriod, type NpsReport, opsNpsApi } from '../../../services/opsNps';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { ClerkNps } from './ClerkNps';
import { NpsFigure } from './NpsFigure';
import { Reasons } from './Reasons';
import './index.scss';

const PERIODS: ReadonlyArray<{ period: NpsPeriod; label: string }> = [
  { period: 'week', label: '近7天' },
  { period: 'month', label: '近30天' },
  { period: 'quarter', label: '近90天' },
];

/** What the figures mean, in the manager's words. */
const MEANINGS: ReadonlyArray<[string, string]> = [
  ['NPS', '推荐者占比减去贬损者占比，介于 −100 与 +100 之间'],
  ['推荐者 / 中立者 / 贬损者', '顾客打 9–10 分 / 7–8 分 / 0–6 分'],
  ['谁来打分', '顾客每次付费消费后可在会员卡上评价一次，30 天内最多一次'],
  ['店员归属', '付款前后扫码服务该顾客的店员；没有时归于拉新该顾客的本店店员'],
  ['差评回访', '0–6 分会为门店生成 24 小时内回访的待办，在「待办」中处理'],
];

/**
 * 顾客满意度 (managers, also at a desk through H5): the store's NPS over the last 7, 30 or 90 days
 * with the counts behind it, each clerk's NPS, and the latest reasons (members masked). Read on
 * every show and pull-down.
 */
export default function OpsNpsPage() {
  const [period, setPeriod] = useState<NpsPeriod>('month');
  const toRead = useRef<NpsPeriod>('month');
  const report = useRemote<NpsReport>(() => opsNpsApi.report(toRead.current), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(report)]);
  const choose = (p: NpsPeriod) => {
    if (p === period) return;
    toRead.current = p;
    setPeriod(p);
    void report.reload();
  };
  const state = report.state;

  return (
    <View className='page ops-nps'>
      <View className='ops-nps__tabs' role='tablist'>
        {PERIODS.map((p) => (
          <View key={p.period} className={`ops-nps__tab${p.period === period ? ' ops-nps__tab--on' : ''}`} role='tab' aria-selected={p.period === period} onClick={() => choose(p.period)}>
            {p.label}
          </View>
        ))}
      </View>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      ) : state.status === 'loading' || state.data.period !== period ? (
        <LoadingBlock height={640} label='正在加载顾客满意度' />
      ) : (
        <View className='ops-nps__body'>
          <NpsFigure figure={state.data.store} title={state.data.storeName} period={`顾客满意度 NPS · ${state.data.label}`} />
          <ClerkNps clerks={state.data.clerks} unattributed={state.data.unattributed} />
          <Reasons reasons={state.data.reasons} />
        </View>
      )}
      <View className='section ops-nps__meanings'>
        <Text className='section-title'>指标说明</Text>
        {MEANINGS.map(([name, meaning]) => (
          <View key={name} className='ops-nps__meaning'>
            <Text className='ops-nps__meaning-name'>{name}</Text>
            <Text className='muted'>{meaning}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
