import { Text, View } from '@tarojs/components';
import type { NpsReport } from '../../../services/opsNps';
import { npsText, ROLE_NAME, scoreTone } from './words';

type Clerk = NpsReport['clerks'][number];
type Figure = NpsReport['store'];

/** One line: who, their NPS and the counts behind it. */
function Line({ name, sub, figure }: { name: string; sub: string; figure: Figure }) {
  return (
    <View className='ops-nps__clerk'>
      <View className='ops-nps__clerk-who'>
        <Text className='ops-nps__clerk-name'>{name}</Text>
        <Text className='muted ops-nps__clerk-sub'>{sub}</Text>
      </View>
      <View className='ops-nps__clerk-figures'>
        <Text className={`ops-nps__clerk-score${scoreTone(figure.nps)}`}>{npsText(figure.nps)}</Text>
        <Text className='muted ops-nps__clerk-counts'>{figure.total ? `${figure.total} 条 · 推荐 ${figure.promoters} · 中立 ${figure.passives} · 贬损 ${figure.detractors}` : '暂无评价'}</Text>
      </View>
    </View>
  );
}

/** 店员 NPS: each of the store's staff, most answers first, then what no clerk is credited with. */
export function ClerkNps({ clerks, unattributed }: { clerks: Clerk[]; unattributed: Figure }) {
  return (
    <View className='section'>
      <Text className='section-title'>店员 NPS</Text>
      {clerks.length === 0 ? <Text className='muted'>本店还没有店员</Text> : null}
      {clerks.map((c) => (
        <Line key={`${c.role}:${c.name}`} name={c.name} sub={`${ROLE_NAME[c.role]}${c.active ? '' : ' · 已离职'}`} figure={c} />
      ))}
      {unattributed.total > 0 ? <Line name='未归属店员' sub='无店员扫码服务，且非店员拉新' figure={unattributed} /> : null}
    </View>
  );
}
