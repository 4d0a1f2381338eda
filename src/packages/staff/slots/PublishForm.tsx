import { Button, Picker, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/ChoiceChips';

export type SlotMinutes = 30 | 45 | 60 | 90;

export interface PublishChoice {
  start: string;
  minutes: SlotMinutes;
  count: number;
}

export interface PublishFormProps {
  dayLabel: string;
  value: PublishChoice;
  busy: boolean;
  onChange: (next: PublishChoice) => void;
  onPublish: () => void;
}

const MINUTES: SlotMinutes[] = [30, 45, 60, 90];
const COUNTS = [1, 2, 3, 4, 6, 8];

/** 发布时段: from a start time, N back-to-back slots of 30–90 minutes on the chosen day. */
export function PublishForm({ dayLabel, value, busy, onChange, onPublish }: PublishFormProps) {
  return (
    <View className='section slots-publish'>
      <View className='section-title'>{`发布 ${dayLabel} 的时段`}</View>
      <Picker mode='time' value={value.start} onChange={(e) => onChange({ ...value, start: String(e.detail.value) })}>
        <View className='slots-publish__start' hoverClass='slots-publish__start--pressed'>
          <Text>{`开始时间 ${value.start}`}</Text>
          <Text className='muted'>点此修改</Text>
        </View>
      </Picker>
      <Text className='form-row__label'>每个时段</Text>
      <ChoiceChips even label='每个时段' options={MINUTES.map((m) => ({ value: m, label: `${m} 分钟` }))} selected={[value.minutes]} onToggle={(minutes) => onChange({ ...value, minutes })} />
      <Text className='form-row__label'>连续几个</Text>
      <ChoiceChips even label='连续几个' options={COUNTS.map((c) => ({ value: c, label: `${c} 个` }))} selected={[value.count]} onToggle={(count) => onChange({ ...value, count })} />
      <Button className='btn btn-primary' loading={busy} disabled={busy} onClick={onPublish}>
        发布时段
      </Button>
    </View>
  );
}
