import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberEvent } from '../../../../cloudfunctions/contract/benefitsEvents';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { eventsApi } from '../../../services/events';
import { pageUrl } from '../../../services/routes';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { EventCard } from './EventCard';
import { type Pass, PassSheet } from './PassSheet';
import './index.scss';

const SAY = {
  NOT_CLAIMABLE: '现在不能报名这场活动，请看活动说明',
  NOT_FOUND: '没有找到这场活动或你的报名',
} as const;
const CANCEL_SAYS = { ...SAY, NOT_CLAIMABLE: '活动已开始或你已签到，不能再取消' } as const;

/** What a sign-up's answer means, in a few words. */
function signedText(e: MemberEvent): string {
  if (e.state === 'signedUp') return '报名成功';
  if (e.state === 'waiting') return `已排队，${e.stateText}`;
  return e.stateText;
}

/**
 * 私享会 (忠诚者; some open to 成长者 too): the events the member may join at their store, each
 * saying where they stand (可报名 / 已报名 / 候补第 n 位 / 已满 / 未到报名时间 / 等级不符 and how to
 * unlock); a card opens to its details, sign-up or cancel, and the pass the store checks in by
 * scanning the member code.
 */
export default function EventsPage() {
  const list = useRemote(eventsApi.list, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(list)]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pass, setPass] = useState<Pass | null>(null);

  const state = list.state;
  if (state.status === 'error') {
    return (
      <View className='page events'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page events'>
        <LoadingBlock height={260} label='正在加载私享会' />
      </View>
    );
  }
  const events = state.data.events;

  function replace(e: MemberEvent) {
    list.set({ events: events.map((x) => (x.eventId === e.eventId ? e : x)) });
  }

  async function signUp(e: MemberEvent) {
    setBusy(e.eventId);
    const answer = await eventsApi.signUp(e.eventId);
    setBusy(null);
    if (!answer.ok) {
      toast(errorText(answer.error, SAY));
      return void list.refresh();
    }
    replace(answer.data.event);
    toast(signedText(answer.data.event), answer.data.event.state === 'signedUp' ? 'success' : 'none');
  }

  async function cancel(e: MemberEvent) {
    const sure = await Taro.showModal({ title: e.state === 'waiting' ? '取消候补' : '取消报名', content: '取消后名额将让给候补的会员，确定取消吗？', confirmText: '确定取消', cancelText: '再想想' });
    if (!sure.confirm) return;
    setBusy(e.eventId);
    const answer = await eventsApi.cancel(e.eventId);
    setBusy(null);
    if (!answer.ok) {
      toast(errorText(answer.error, CANCEL_SAYS));
      return void list.refresh();
    }
    replace(answer.data.event);
    toast('已取消');
  }

  async function showPass(e: MemberEvent) {
    const answer = await eventsApi.pass(e.eventId);
    if (!answer.ok) return toast(errorText(answer.error, SAY));
    setPass(answer.data);
  }

  return (
    <View className='page events'>
      <View className='section events__intro'>
        <Text className='section-title'>私享会</Text>
        <Text className='muted'>忠诚者专享的门店小型活动，席位有限；报名后到店出示会员码签到</Text>
      </View>
      {events.length === 0 ? (
        <View className='section events__empty'>
          <Text>你的门店暂时没有私享会</Text>
          <Text className='muted'>新活动发布后会出现在这里，记得常来看看</Text>
        </View>
      ) : (
        events.map((e) => (
          <EventCard
            key={e.eventId}
            event={e}
            open={openId === e.eventId}
            busy={busy === e.eventId}
            onToggle={() => setOpenId(openId === e.eventId ? null : e.eventId)}
            onSignUp={() => void signUp(e)}
            onCancel={() => void cancel(e)}
            onPass={() => void showPass(e)}
            onUnlock={() => void Taro.navigateTo({ url: pageUrl('benefits') })}
          />
        ))
      )}
      {pass ? <PassSheet pass={pass} onClose={() => setPass(null)} onCard={() => void Taro.switchTab({ url: pageUrl('card') })} /> : null}
    </View>
  );
}
