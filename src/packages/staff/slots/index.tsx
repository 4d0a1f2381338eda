import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { bookingApi, bookingErrorText } from '../../../services/booking';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { type PublishChoice, PublishForm } from './PublishForm';
import { SlotCard } from './SlotCard';
import './index.scss';

/**
 * 我的预约时段 (stylists; managers see the store's): pick a day, see each slot — free, or the
 * member (masked) with their request, style report and wardrobe — mark 已完成 / 未到店, and publish
 * more slots for that day. Every member shown is a look in the audit log.
 */
export default function StaffSlotsPage() {
  // the day asked for; until the first answer, today on the shop's clock (the server's, never the phone's)
  const [day, setDay] = useState<string | null>(null);
  const list = useRemote(() => bookingApi.daySlots(day ?? undefined), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(list)], { stayIfNotMember: true });
  const [choice, setChoice] = useState<PublishChoice>({ start: '14:00', minutes: 45, count: 4 });
  const [busy, setBusy] = useState(false);

  const pickDay = async (next: string) => {
    setDay(next);
    const answer = await bookingApi.daySlots(next);
    if (answer.ok) list.set(answer.data);
    else toast(bookingErrorText(answer.error));
  };

  const publish = async () => {
    if (list.state.status !== 'ready') return;
    setBusy(true);
    const answer = await bookingApi.publish(list.state.data.day, choice.start, choice.minutes, choice.count);
    setBusy(false);
    if (!answer.ok) return toast(bookingErrorText(answer.error));
    list.set(answer.data);
    toast(`已发布 ${choice.count} 个时段`, 'success');
  };

  const mark = async (bookingId: string, outcome: 'done' | 'noShow') => {
    setBusy(true);
    const answer = await bookingApi.markVisit(bookingId, outcome);
    setBusy(false);
    if (!answer.ok) return toast(bookingErrorText(answer.error));
    toast(outcome === 'done' ? '已记录：已完成' : '已记录：未到店', 'success');
    await list.refresh();
  };

  const state = list.state;
  const shown = state.status === 'ready' ? state.data : null;
  const dayLabel = shown ? (shown.days.find((d) => d.day === shown.day)?.label ?? shown.dayLabel) : '';
  return (
    <View className='page staff-slots'>
      {shown ? (
        <View className='section'>
          <ChoiceChips label='日期' options={shown.days.map((d) => ({ value: d.day, label: d.label }))} selected={[shown.day]} onToggle={(d) => void pickDay(d)} />
        </View>
      ) : null}
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={() => void readAgain()} retryText={state.error.code === 'FORBIDDEN' ? '重试' : '重新加载'} />
      ) : state.status !== 'ready' ? (
        <LoadingBlock height={360} label='正在加载时段' />
      ) : (
        <>
          <View className='section staff-slots__list'>
            <View className='section-title'>{`${state.data.dayLabel} · ${state.data.storeName}`}</View>
            {state.data.slots.length === 0 ? (
              <Text className='muted'>这一天还没有时段，在下方发布</Text>
            ) : (
              state.data.slots.map((s) => <SlotCard key={s.slotId} slot={s} busy={busy} onMark={(id, outcome) => void mark(id, outcome)} />)
            )}
          </View>
          <PublishForm dayLabel={dayLabel} value={choice} busy={busy} onChange={setChoice} onPublish={() => void publish()} />
        </>
      )}
    </View>
  );
}
