import { Button, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { opsDashboardApi, type StoreAlertItem, type StoreAlerts } from '../../../services/opsDashboard';
import { shopDateTime } from '../../../services/format';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import './index.scss';

type AlertView = 'open' | 'closed';
const TABS: ReadonlyArray<{ view: AlertView; label: string }> = [
  { view: 'open', label: '待处理' },
  { view: 'closed', label: '已处理' },
];
const CLOSE_ERRORS = { CONFLICT: '同事已处理了这条预警', NOT_FOUND: '这条预警已不在了' } as const;

function AlertCard({ alert, busy, onClose }: { alert: StoreAlertItem; busy: boolean; onClose: () => void }) {
  return (
    <View className='section ops-alert'>
      <View className='ops-alert__head'>
        <Text className={`ops-alert__rule ops-alert__rule--${alert.rule === 'couponSurge' ? 'surge' : 'drop'}`}>{alert.ruleName}</Text>
        <Text className='muted'>{alert.dayText}</Text>
      </View>
      <View className='ops-alert__figures'>
        <Text className='ops-alert__value'>{alert.value}</Text>
        <Text className='ops-alert__unit'>{alert.unit}</Text>
        <Text className='muted'>{`平时 ${alert.baseline.toFixed(1)} ${alert.unit}`}</Text>
      </View>
      <Text className='ops-alert__text'>{alert.text}</Text>
      {alert.state === 'open' ? (
        <Button className='btn btn-primary ops-alert__close' loading={busy} disabled={busy} onClick={onClose}>
          标记已处理
        </Button>
      ) : (
        <Text className='muted ops-alert__closed'>{`${alert.closedBy ?? '店长'} 于 ${alert.closedAt ? shopDateTime(alert.closedAt) : ''} 标记已处理`}</Text>
      )}
    </View>
  );
}

/**
 * 经营预警 (managers; issue 19, part 4): what the nightly job raised for the store — new members
 * falling by half against the same weekday, coupon use jumping (a leaked code) — each with its
 * figure, the usual and what to look at, to mark handled once; the handled ones, and the rules.
 */
export default function OpsAlertsPage() {
  const [view, setView] = useState<AlertView>('open');
  const viewToRead = useRef<AlertView>('open');
  const alerts = useRemote<StoreAlerts & { view: AlertView }>(async () => {
    const asked = viewToRead.current;
    const answer = await opsDashboardApi.alerts(asked);
    return answer.ok ? { ok: true, data: { ...answer.data, view: asked } } : answer;
  }, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(alerts)]);
  const [busy, setBusy] = useState<string | null>(null);
  const choose = (v: AlertView) => {
    if (v === view) return;
    viewToRead.current = v;
    setView(v);
    void alerts.reload();
  };
  async function close(alert: StoreAlertItem) {
    if (busy) return;
    setBusy(alert.alertId);
    const answer = await opsDashboardApi.closeAlert(alert.alertId);
    setBusy(null);
    toast(answer.ok ? '已标记处理' : errorText(answer.error, CLOSE_ERRORS), answer.ok ? 'success' : 'none');
    await alerts.refresh();
  }
  const state = alerts.state;

  return (
    <View className='page ops-alerts'>
      <View className='ops-alerts__tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.view} className={`ops-alerts__tab${t.view === view ? ' ops-alerts__tab--on' : ''}`} role='tab' aria-selected={t.view === view} onClick={() => choose(t.view)}>
            {t.view === 'open' && state.status === 'ready' && state.data.open > 0 ? `${t.label}（${state.data.open}）` : t.label}
          </View>
        ))}
      </View>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      ) : state.status === 'loading' || state.data.view !== view ? (
        <LoadingBlock height={420} label='正在加载经营预警' />
      ) : (
        <>
          {state.data.items.length === 0 ? (
            <View className='section ops-alerts__empty'>
              <Text className='ops-alerts__empty-title'>{view === 'open' ? '没有待处理的预警' : '还没有处理过的预警'}</Text>
              <Text className='muted'>{view === 'open' ? '每天凌晨检查前一天的数据，发现异常会出现在这里' : '点「标记已处理」后，预警会放到这里'}</Text>
            </View>
          ) : (
            state.data.items.map((a) => <AlertCard key={a.alertId} alert={a} busy={busy === a.alertId} onClose={() => void close(a)} />)
          )}
          <View className='section'>
            <Text className='section-title'>预警规则</Text>
            {state.data.rules.map((r) => (
              <View key={r.code} className='ops-alerts__rule'>
                <Text className='ops-alerts__rule-name'>{`${r.name}${r.active ? '' : '（已停用）'}`}</Text>
                <Text className='muted'>{r.description}</Text>
              </View>
            ))}
            <Text className='muted ops-alerts__rule-note'>节假日、门店闭店日和开业不满 4 周的门店不预警；同一门店同一规则每天最多一条。</Text>
          </View>
        </>
      )}
    </View>
  );
}
