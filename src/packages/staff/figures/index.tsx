import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { type ClerkFigures, staffTodosApi } from '../../../services/staffTodos';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { ClerkRow } from './ClerkRow';
import './index.scss';

type Month = 'this' | 'last';
const MONTHS: ReadonlyArray<{ month: Month; label: string }> = [
  { month: 'this', label: '本月' },
  { month: 'last', label: '上月' },
];

/** What each figure means, in the manager's words. */
const MEANINGS: ReadonlyArray<[string, string]> = [
  ['招募会员', '本月通过该店员专属二维码入会的会员数'],
  ['首单转化', '这些会员中已完成首笔消费的人数和比例'],
  ['升级会员', '这些会员中等级升到成长者或忠诚者的人数'],
  ['待办按时完成', '本月标记「已联系」的待办中，在截止时间前完成的'],
  ['投诉 2 小时内回访', '本月完成的投诉回访中，在投诉后 2 小时内联系的'],
];

/**
 * 店员业绩 (managers): per clerk of the store, this month or last (Asia/Shanghai months) — members
 * signed up, their first orders and upgrades, to-dos done on time and complaints called back within
 * 2 hours — with what each figure means. Read on every show and pull-down.
 */
export default function ClerkFiguresPage() {
  const [month, setMonth] = useState<Month>('this');
  const monthToRead = useRef<Month>('this');
  const figures = useRemote<ClerkFigures>(() => staffTodosApi.figures(monthToRead.current), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(figures)]);
  const choose = (m: Month) => {
    if (m === month) return;
    monthToRead.current = m;
    setMonth(m);
    void figures.reload();
  };
  const state = figures.state;

  return (
    <View className='page clerk-figures'>
      <View className='clerk-figures__tabs' role='tablist'>
        {MONTHS.map((m) => (
          <View key={m.month} className={`clerk-figures__tab${m.month === month ? ' clerk-figures__tab--on' : ''}`} role='tab' aria-selected={m.month === month} onClick={() => choose(m.month)}>
            {m.label}
          </View>
        ))}
      </View>
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      ) : state.status === 'loading' || state.data.month !== month ? (
        <LoadingBlock height={520} label='正在加载店员业绩' />
      ) : (
        <View className='section'>
          <Text className='section-title'>{`${state.data.label} 店员业绩`}</Text>
          {state.data.clerks.length === 0 ? <Text className='muted'>本店还没有店员</Text> : state.data.clerks.map((c) => <ClerkRow key={`${c.role}:${c.name}`} clerk={c} />)}
        </View>
      )}
      <View className='section clerk-figures__meanings'>
        <Text className='section-title'>指标说明</Text>
        {MEANINGS.map(([name, meaning]) => (
          <View key={name} className='clerk-figures__meaning'>
            <Text className='clerk-figures__meaning-name'>{name}</Text>
            <Text className='muted'>{meaning}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
