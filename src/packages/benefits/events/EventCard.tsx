import { Button, Image, Text, View } from '@tarojs/components';
import type { MemberEvent } from '../../../../cloudfunctions/contract/benefitsEvents';
import { pictureSrc } from '../../../services/files';
import { shopDateTime } from '../../../services/format';

export interface EventCardProps {
  event: MemberEvent;
  open: boolean;
  busy: boolean;
  onToggle: () => void;
  onSignUp: () => void;
  onCancel: () => void;
  onPass: () => void;
  onUnlock: () => void;
}

const BADGE: Record<MemberEvent['state'], string> = {
  open: 'event-card__badge--go',
  full: 'event-card__badge--full',
  signedUp: 'event-card__badge--mine',
  waiting: 'event-card__badge--mine',
  notYet: 'event-card__badge--wait',
  closed: 'event-card__badge--wait',
  tierLocked: 'event-card__badge--locked',
};

/** "12-20 19:00 – 21:00" (the same day) or both whole moments. */
export function timeRange(startsAt: string, endsAt: string): string {
  const [from, to] = [shopDateTime(startsAt), shopDateTime(endsAt)];
  return from.slice(0, 10) === to.slice(0, 10) ? `${from.slice(5)} – ${to.slice(11)}` : `${from.slice(5)} – ${to.slice(5)}`;
}

/** One private event: picture, title, when and where, the member's state; tapped, the details and what they can do. */
export function EventCard({ event: e, open, busy, onToggle, onSignUp, onCancel, onPass, onUnlock }: EventCardProps) {
  return (
    <View className='section event-card'>
      <View className='event-card__head' onClick={onToggle} role='button'>
        <Image className='event-card__picture' src={pictureSrc(e.picture)} mode='aspectFill' />
        <View className='event-card__main'>
          <Text className='event-card__title'>{e.title}</Text>
          <Text className='muted'>{timeRange(e.startsAt, e.endsAt)}</Text>
          <Text className='muted'>{e.storeName}</Text>
          <View className='event-card__row'>
            <Text className={`event-card__badge ${BADGE[e.state]}`}>{e.stateText}</Text>
            <Text className='muted event-card__seats'>{e.state === 'open' ? `余 ${e.seatsLeft} 席` : `共 ${e.capacity} 席`}</Text>
          </View>
        </View>
      </View>
      {open ? (
        <View className='event-card__detail'>
          {e.description ? <Text className='event-card__text'>{e.description}</Text> : null}
          <Text className='muted event-card__line'>地点：{e.storeName} · {e.address}</Text>
          <Text className='muted event-card__line'>仅限：{e.tiersText}</Text>
          <Text className='muted event-card__line'>
            报名时间：{shopDateTime(e.signUpFrom).slice(5)} 至 {shopDateTime(e.signUpUntil).slice(5)}
          </Text>
          {e.hint ? <Text className='event-card__hint'>{e.hint}</Text> : null}
          <Actions event={e} busy={busy} onSignUp={onSignUp} onCancel={onCancel} onPass={onPass} onUnlock={onUnlock} />
        </View>
      ) : (
        <Text className='event-card__more' onClick={onToggle}>
          查看详情 ›
        </Text>
      )}
    </View>
  );
}

/** What the member can do now: every state has its way forward, or says plainly why there is none. */
function Actions({ event: e, busy, onSignUp, onCancel, onPass, onUnlock }: Omit<EventCardProps, 'open' | 'onToggle'>) {
  switch (e.state) {
    case 'open':
      return <Button className='btn btn-primary event-card__go' loading={busy} disabled={busy} onClick={onSignUp}>立即报名</Button>;
    case 'full':
      return <Button className='btn btn-primary event-card__go' loading={busy} disabled={busy} onClick={onSignUp}>排队候补</Button>;
    case 'signedUp':
      return (
        <View className='event-card__buttons'>
          <Button className='btn btn-primary event-card__go' onClick={onPass}>{e.checkedIn ? '已签到 · 查看凭证' : '查看入场凭证'}</Button>
          {e.checkedIn ? null : <Button className='btn event-card__cancel' loading={busy} disabled={busy} onClick={onCancel}>取消报名</Button>}
        </View>
      );
    case 'waiting':
      return <Button className='btn event-card__cancel' loading={busy} disabled={busy} onClick={onCancel}>取消候补</Button>;
    case 'tierLocked':
      return <Button className='btn btn-primary event-card__go' onClick={onUnlock}>查看升级方式</Button>;
    case 'notYet':
      return <Text className='muted event-card__line'>报名开始后即可在这里报名</Text>;
    default:
      return <Text className='muted event-card__line'>本场报名已截止，下次早点来哦</Text>;
  }
}
