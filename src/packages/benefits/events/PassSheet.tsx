import { Button, Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { grouped } from '../../../services/format';
import { timeRange } from './EventCard';

export type Pass = ActionOutput<'benefits', 'myPass'>;

/** The pass: the event, when and where, and that the store checks in by scanning the member code on 会员卡. */
export function PassSheet({ pass, onCard, onClose }: { pass: Pass; onCard: () => void; onClose: () => void }) {
  const e = pass.event;
  return (
    <View className='event-pass'>
      <View className='event-pass__mask' onClick={onClose} />
      <View className='event-pass__panel'>
        <Text className='event-pass__label'>私享会入场凭证</Text>
        <Text className='event-pass__title'>{e.title}</Text>
        <Text className='event-pass__line'>时间：{timeRange(e.startsAt, e.endsAt)}</Text>
        <Text className='event-pass__line'>地点：{e.storeName} · {e.address}</Text>
        <Text className='event-pass__line'>
          会员：{pass.nickname ?? '悦衣会员'} · {grouped(pass.memberId)}
        </Text>
        <Text className={pass.checkedInAt ? 'event-pass__done' : 'event-pass__how'}>{pass.checkedInAt ? '已签到，欢迎光临' : pass.howToCheckIn}</Text>
        {pass.checkedInAt ? null : (
          <Button className='btn btn-primary event-pass__card' onClick={onCard}>
            打开会员卡
          </Button>
        )}
        <Button className='btn event-pass__close' onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  );
}
