import { Text, View } from '@tarojs/components';
import type { NpsReport } from '../../../services/opsNps';
import { BAND_NAME, shopMoment } from './words';

type Reason = NpsReport['reasons'][number];

/** 最新反馈: the latest answers that gave a reason, newest first; the member masked, the clerk by name. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  return (
    <View className='section'>
      <Text className='section-title'>最新反馈</Text>
      {reasons.length === 0 ? <Text className='muted'>这段时间还没有顾客留下理由</Text> : null}
      {reasons.map((r, i) => (
        <View key={`${r.at}:${i}`} className='ops-nps__reason'>
          <View className='ops-nps__reason-head'>
            <Text className={`ops-nps__chip ops-nps__chip--${r.band}`}>{`${r.score} 分 · ${BAND_NAME[r.band]}`}</Text>
            <Text className='ops-nps__reason-who'>{r.nickname}</Text>
            <Text className='muted ops-nps__reason-when'>{`${shopMoment(r.at)}${r.clerkName ? ` · ${r.clerkName}` : ''}`}</Text>
          </View>
          <Text className='ops-nps__reason-text'>{r.reason}</Text>
        </View>
      ))}
    </View>
  );
}
