import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { bookingApi, bookingErrorText, type BookingView } from '../../../services/booking';
import { newRequestId } from '../../../services/points';
import { pageUrl } from '../../../services/routes';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { MyBookingsSection } from './MyBookings';
import { type BookingRequest, RequestForm } from './RequestForm';
import { SlotPicker } from './SlotPicker';
import './index.scss';

const EMPTY_REQUEST: BookingRequest = { scene: '日常搭配', budgetYuan: '', pieces: [], note: '' };

/**
 * 造型师1对1 (成长者 and 忠诚者): where the member stands in plain words (an 探索者 sees how far
 * 成长者 is, and a way to it), their bookings with 取消 / 改期, then store → day → slot and what
 * they want help with, and 预约. Reads on every show and pull-down.
 */
export default function BookingPage() {
  const [want, setWant] = useState<{ storeId?: string; day?: string }>({});
  const options = useRemote(() => bookingApi.options(want), { auto: false });
  const mine = useRemote(bookingApi.mine, { auto: false });
  const { readAgain, notMember } = useReadOnShow([remoteRead(options), remoteRead(mine, { saysOwnProblems: true })]);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [request, setRequest] = useState<BookingRequest>(EMPTY_REQUEST);
  const [moving, setMoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one request id per booking the member is making: a retry after no answer books once
  const [requestId, setRequestId] = useState(newRequestId);

  const choose = async (next: { storeId?: string; day?: string }) => {
    setWant(next);
    setSlotId(null);
    const answer = await bookingApi.options(next);
    if (answer.ok) options.set(answer.data);
    else toast(bookingErrorText(answer.error));
  };

  const afterChange = async (message: string) => {
    toast(message, 'success');
    setSlotId(null);
    setMoving(null);
    await Promise.all([options.refresh(), mine.refresh()]);
  };

  const submit = async () => {
    if (!slotId || busy) return;
    setBusy(true);
    const budget = Number(request.budgetYuan);
    const answer = moving
      ? await bookingApi.move(moving, slotId)
      : await bookingApi.book(
          { slotId, scene: request.scene, pieces: request.pieces, ...(request.budgetYuan && budget > 0 ? { budget: Math.round(budget * 100) } : {}), ...(request.note.trim() ? { note: request.note.trim() } : {}) },
          requestId,
        );
    setBusy(false);
    if (!answer.ok) {
      if (answer.error.code !== 'UNAVAILABLE' && answer.error.code !== 'INTERNAL') setRequestId(newRequestId());
      toast(bookingErrorText(answer.error));
      if (answer.error.code === 'CONFLICT') void options.refresh();
      return;
    }
    setRequestId(newRequestId());
    setRequest(EMPTY_REQUEST);
    await afterChange(moving ? `已改到 ${answer.data.booking.when}` : `预约成功：${answer.data.booking.when}`);
  };

  const cancel = async (b: BookingView) => {
    const sure = await Taro.showModal({ title: '取消这个预约？', content: `${b.when} ${b.storeName}`, confirmText: '取消预约', cancelText: '再想想' });
    if (!sure.confirm) return;
    setBusy(true);
    const answer = await bookingApi.cancel(b.bookingId);
    setBusy(false);
    if (answer.ok) await afterChange('已取消预约');
    else toast(bookingErrorText(answer.error));
  };

  const state = options.state;
  if (state.status === 'error' && !notMember) {
    return (
      <View className='page booking'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page booking'>
        <LoadingBlock height={200} label='正在加载预约' />
      </View>
    );
  }
  const data = state.data;
  const { eligibility } = data;
  const tierLacking = eligibility.tier === 'explorer';
  return (
    <View className='page booking'>
      <View className='section booking-top'>
        <Text className='booking-top__tier'>{`${eligibility.tierName} · 造型师1对1`}</Text>
        {/* at the limit of two the words are information, not a refusal: moving or cancelling is still there */}
        <Text className={`booking-top__text${eligibility.canBook || (eligibility.upcoming >= eligibility.maxUpcoming && eligibility.pausedUntil === null && !tierLacking) ? '' : ' booking-top__text--off'}`}>{eligibility.text}</Text>
        {tierLacking ? (
          <Button className='btn btn-primary' onClick={() => void Taro.switchTab({ url: pageUrl('points') })}>
            看看怎么升级
          </Button>
        ) : null}
      </View>
      {mine.state.status === 'ready' ? (
        <MyBookingsSection
          mine={mine.state.data}
          moving={moving}
          busy={busy}
          onCancel={(b) => void cancel(b)}
          onReminders={(reminders) => mine.state.status === 'ready' && mine.set({ ...mine.state.data, reminders })}
          onMove={(b) => {
            setMoving(moving === b.bookingId ? null : b.bookingId);
            setSlotId(null);
          }}
        />
      ) : null}
      {moving ? <Text className='booking-moving'>改期：选一个新时段，再点下方确认</Text> : null}
      <SlotPicker options={data} slotId={slotId} onStore={(storeId) => void choose({ storeId })} onDay={(day) => void choose({ storeId: data.storeId ?? undefined, day })} onSlot={setSlotId} />
      {!moving && eligibility.canBook ? <RequestForm options={data} value={request} onChange={setRequest} /> : null}
      <View className='booking-submit'>
        {moving || eligibility.canBook ? (
          slotId ? (
            <Button className='btn btn-primary' loading={busy} disabled={busy} onClick={() => void submit()}>
              {moving ? '确认改到这个时段' : '预约'}
            </Button>
          ) : (
            <Text className='muted'>先选一个时段</Text>
          )
        ) : (
          <Text className='muted'>{eligibility.text}</Text>
        )}
      </View>
    </View>
  );
}
