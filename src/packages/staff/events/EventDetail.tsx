import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { EventFigures, EventSignUpsView } from '../../../../cloudfunctions/contract/benefitsEvents';
import { shopDateTime } from '../../../services/format';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

export interface EventDetailProps {
  view: EventSignUpsView;
  figures: EventFigures | null;
  checking: boolean;
  weapp: boolean;
  onScan: () => void;
  onCode: (code: string) => boolean;
  onBack: () => void;
}

const who = (p: { nickname: string | null; phoneMasked: string | null; tierName: string }) => `${p.nickname ?? '会员'} · ${p.phoneMasked ?? '未绑手机'} · ${p.tierName}`;

/** One event for its manager: check-in by the member code, the figures, who holds a seat (and came), the waiting list. */
export function EventDetail({ view, figures, checking, weapp, onScan, onCode, onBack }: EventDetailProps) {
  const [text, setText] = useState('');
  const e = view.event;
  function submit() {
    if (onCode(text)) setText('');
  }
  return (
    <View className='staff-events__detail'>
      <View className='section'>
        <Text className='staff-events__event-title'>{e.title}</Text>
        <Text className='muted'>
          {shopDateTime(e.startsAt)} · {e.tiersText}
        </Text>
        <Text className='staff-events__counts'>
          报名 {e.seated}/{e.capacity} · 候补 {e.waiting} · 已签到 {e.checkedIn}
        </Text>
      </View>
      <View className='section staff-events__checkin'>
        <Text className='section-title'>到场签到</Text>
        {weapp ? (
          <Button className='btn btn-primary' loading={checking} disabled={checking} onClick={onScan}>
            扫会员码签到
          </Button>
        ) : (
          <View className='staff-events__code-box'>
            <Input className='staff-events__code-input' type='number' maxlength={24} placeholder='输入会员码下方 18 位数字' value={text} onInput={(x) => setText(x.detail.value)} onConfirm={submit} />
            <Button className='btn btn-primary staff-events__code-go' loading={checking} disabled={checking} onClick={submit}>
              签到
            </Button>
          </View>
        )}
        <Text className='muted'>请会员打开「会员卡」出示会员码，每人只需签到一次</Text>
      </View>
      {figures ? (
        <View className='section staff-events__figures'>
          <Text className='section-title'>活动数据</Text>
          <View className='staff-events__figure-row'>
            <Figure label='报名' value={String(figures.signedUp)} />
            <Figure label='签到' value={String(figures.checkedIn)} />
            <Figure label='候补' value={String(figures.waiting)} />
            <Figure label='取消' value={String(figures.cancelled)} />
          </View>
          <Text className='staff-events__sales'>
            到场会员 7 日内消费 {yuanText(figures.salesFen)}（{figures.buyers} 人 {figures.orders} 单）
          </Text>
          <Text className='muted'>统计 {shopDateTime(figures.salesFrom)} 至 {shopDateTime(figures.salesUntil)}，已扣除退款</Text>
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>已报名（{view.seated.length}）</Text>
        {view.seated.length === 0 ? <Text className='muted staff-events__none'>还没有会员报名</Text> : null}
        {view.seated.map((p) => (
          <View key={p.memberId} className='staff-events__person'>
            <Text>{who(p)}</Text>
            <Text className={p.checkedInAt ? 'staff-events__in' : 'muted'}>{p.checkedInAt ? `已签到 ${shopDateTime(p.checkedInAt).slice(11)}` : '未签到'}</Text>
          </View>
        ))}
      </View>
      <View className='section'>
        <Text className='section-title'>候补名单（{view.waiting.length}）</Text>
        {view.waiting.length === 0 ? <Text className='muted staff-events__none'>暂无候补</Text> : null}
        {view.waiting.map((p) => (
          <View key={p.memberId} className='staff-events__person'>
            <Text>
              {p.position}. {who(p)}
            </Text>
          </View>
        ))}
      </View>
      <Button className='btn staff-events__back' onClick={onBack}>
        返回活动列表
      </Button>
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className='staff-events__figure'>
      <Text className='staff-events__figure-value'>{value}</Text>
      <Text className='muted'>{label}</Text>
    </View>
  );
}
