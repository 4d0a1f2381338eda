import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { AppError, Envelope } from '../../../../cloudfunctions/contract';
import type { EventFigures, EventSignUpsView, StaffEvent } from '../../../../cloudfunctions/contract/benefitsEvents';
import { TIER_NO_LONGER_FITS } from '../../../../cloudfunctions/contract/eventWords';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { staffEventsApi } from '../../../services/staffEvents';
import { shopDateTime } from '../../../services/format';
import { choosePhoto, uploadPhoto } from '../../../services/photo';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { memberCodeOf } from '../format';
import { CreateForm } from './CreateForm';
import { EventDetail } from './EventDetail';
import { blankForm, draftOf, type EventForm } from './form';
import './index.scss';

const NOT_HERE = { FORBIDDEN: '私享会管理仅对店长开放', NOT_FOUND: '没有找到这场活动' } as const;
const CHECK_IN_SAYS = {
  CONFLICT: '这位会员已签到过了',
  NOT_FOUND: '这位会员没有报名成功本场活动（或仍在候补）',
  NOT_CLAIMABLE: '不在签到时间内：活动开始前 2 小时至结束前可签到',
  FORBIDDEN: '签到仅对本店店长开放',
} as const;
const noEvent: Envelope<never> = { ok: false, error: { code: 'NOT_FOUND', message: 'no event chosen' } };

/**
 * 私享会管理 for the store's manager: the store's events with their counts; 发布新活动 (a form);
 * one event's check-in by the member code (the camera in WeChat, a code box in H5), its figures
 * (sign-ups, check-ins, sales to attendees within 7 days), who holds a seat and the waiting list.
 */
export default function StaffEventsPage() {
  const list = useRemote(staffEventsApi.list, { auto: false });
  const [chosen, setChosen] = useState<string | null>(null);
  // the reads load the event chosen now (a ref: they run before the page renders again)
  const chosenRef = useRef<string | null>(null);
  const [creating, setCreating] = useState<EventForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [checking, setChecking] = useState(false);
  const signUps = useRemote<EventSignUpsView>(() => (chosenRef.current ? staffEventsApi.signUps(chosenRef.current) : Promise.resolve(noEvent)), { auto: false });
  const figures = useRemote<EventFigures>(() => (chosenRef.current ? staffEventsApi.figures(chosenRef.current) : Promise.resolve(noEvent)), { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(list)], { onPullDown: () => void (chosen ? Promise.all([signUps.refresh(), figures.refresh()]) : null) });

  const say = (error: AppError, overrides: Partial<Record<AppError['code'], string>> = NOT_HERE) => toast(errorText(error, overrides));

  function open(eventId: string) {
    chosenRef.current = eventId;
    setChosen(eventId);
    void signUps.reload();
    void figures.reload();
  }

  async function create() {
    if (!creating) return;
    const made = draftOf(creating, Date.now());
    if ('problem' in made) return toast(made.problem);
    setSaving(true);
    const answer = await staffEventsApi.create(made.draft);
    setSaving(false);
    if (!answer.ok) return say(answer.error, { ...NOT_HERE, INVALID_INPUT: '活动信息有误，请检查时间与名额' });
    toast('活动已发布', 'success');
    setCreating(null);
    void list.refresh();
  }

  async function upload() {
    const path = await choosePhoto();
    if (!path || !creating) return;
    setUploading(true);
    const answer = await uploadPhoto(path);
    setUploading(false);
    if (!answer.ok) return toast('图片上传失败，请重试或选用下方图片');
    setCreating({ ...creating, picture: answer.data.fileID });
    toast('图片已上传');
  }

  async function checkIn(code: string) {
    if (!chosen) return;
    setChecking(true);
    const answer = await staffEventsApi.checkIn(chosen, code);
    setChecking(false);
    // a member whose tier fell since signing up: the function's words say which tiers the event is for
    if (!answer.ok) return say(answer.error, answer.error.code === 'NOT_CLAIMABLE' && answer.error.message.startsWith(TIER_NO_LONGER_FITS) ? { ...CHECK_IN_SAYS, NOT_CLAIMABLE: answer.error.message } : CHECK_IN_SAYS);
    toast(`${answer.data.nickname ?? '会员'} 签到成功`, 'none');
    void signUps.refresh();
    void figures.refresh();
  }

  function typed(text: string): boolean {
    const code = memberCodeOf(text);
    if (!code) return toast('请输入会员码下方的 18 位数字'), false;
    void checkIn(code);
    return true;
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] });
      const code = memberCodeOf(res.result ?? '');
      if (!code) return toast('这不是会员码，请让会员打开会员卡出示');
      await checkIn(code);
    } catch {
      // the manager closed the scanner: nothing to say
    }
  }

  if (creating) {
    return (
      <View className='page staff-events'>
        <CreateForm form={creating} saving={saving} uploading={uploading} onChange={setCreating} onUpload={() => void upload()} onSubmit={() => void create()} onCancel={() => setCreating(null)} />
      </View>
    );
  }

  if (chosen) {
    const back = () => {
      chosenRef.current = null;
      setChosen(null);
      void list.refresh();
    };
    const s = signUps.state;
    return (
      <View className='page staff-events'>
        {s.status === 'error' ? (
          <View>
            <ErrorState error={s.error} onRetry={() => void signUps.reload()} />
            <Button className='btn staff-events__back' onClick={back}>
              返回活动列表
            </Button>
          </View>
        ) : s.status !== 'ready' ? (
          <LoadingBlock height={420} label='正在加载报名名单' />
        ) : (
          <EventDetail view={s.data} figures={figures.state.status === 'ready' ? figures.state.data : null} checking={checking} weapp={process.env.TARO_ENV === 'weapp'} onScan={() => void scan()} onCode={typed} onBack={back} />
        )}
      </View>
    );
  }

  const state = list.state;
  if (state.status === 'error') {
    return (
      <View className='page staff-events'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
        {state.error.code in NOT_HERE ? <Text className='staff-events__why'>{errorText(state.error, NOT_HERE)}</Text> : null}
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page staff-events'>
        <LoadingBlock height={360} label='正在加载本店私享会' />
      </View>
    );
  }
  return (
    <View className='page staff-events'>
      <Button className='btn btn-primary staff-events__new' onClick={() => setCreating(blankForm(Date.now()))}>
        发布新活动
      </Button>
      <View className='section'>
        <Text className='section-title'>本店私享会</Text>
        {state.data.events.length === 0 ? <Text className='muted staff-events__none'>还没有活动，点击上方「发布新活动」开始</Text> : null}
        {state.data.events.map((e: StaffEvent) => (
          <View key={e.eventId} className='staff-events__row' onClick={() => open(e.eventId)} hoverClass='staff-events__row--pressed' role='link'>
            <Text className='staff-events__row-title'>{e.title}</Text>
            <Text className='muted'>
              {shopDateTime(e.startsAt)} · {e.tiersText}
            </Text>
            <Text className='staff-events__counts'>
              报名 {e.seated}/{e.capacity} · 候补 {e.waiting} · 已签到 {e.checkedIn} ›
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
