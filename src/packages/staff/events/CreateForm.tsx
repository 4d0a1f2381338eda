import { Button, Image, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { pictureSrc } from '../../../services/files';
import { type EventForm, PICTURES } from './form';

export interface CreateFormProps {
  form: EventForm;
  saving: boolean;
  uploading: boolean;
  onChange: (f: EventForm) => void;
  onUpload: () => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The manager's 发布私享会 form: one field a row, each saying what it is for. */
export function CreateForm({ form, saving, uploading, onChange, onUpload, onSubmit, onCancel }: CreateFormProps) {
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => onChange({ ...form, [key]: value });
  const own = !(PICTURES as readonly string[]).includes(form.picture);
  return (
    <View className='section staff-events__form'>
      <Text className='section-title'>发布私享会</Text>
      <Text className='staff-events__label'>活动名称</Text>
      <Input className='staff-events__input staff-events__title-input' maxlength={30} placeholder='如：冬季新品私享会' value={form.title} onInput={(e) => set('title', e.detail.value)} />
      <Text className='staff-events__label'>活动图片</Text>
      <View className='staff-events__pictures'>
        {PICTURES.map((p) => (
          <Image key={p} className={`staff-events__pic ${form.picture === p ? 'staff-events__pic--on' : ''}`} src={p} mode='aspectFill' onClick={() => set('picture', p)} />
        ))}
        {own ? <Image className='staff-events__pic staff-events__pic--on' src={pictureSrc(form.picture)} mode='aspectFill' /> : null}
      </View>
      <Button className='btn staff-events__upload' loading={uploading} disabled={uploading} onClick={onUpload}>
        上传门店照片
      </Button>
      <Text className='staff-events__label'>活动介绍</Text>
      <Input className='staff-events__input' maxlength={300} placeholder='活动内容、着装建议等（选填）' value={form.description} onInput={(e) => set('description', e.detail.value)} />
      <Text className='staff-events__label'>活动时间</Text>
      <View className='staff-events__pickers'>
        <Picker mode='date' value={form.day} onChange={(e) => set('day', String(e.detail.value))}>
          <View className='staff-events__picker'>{form.day}</View>
        </Picker>
        <Picker mode='time' value={form.from} onChange={(e) => set('from', String(e.detail.value))}>
          <View className='staff-events__picker'>{form.from}</View>
        </Picker>
        <Text className='muted'>至</Text>
        <Picker mode='time' value={form.to} onChange={(e) => set('to', String(e.detail.value))}>
          <View className='staff-events__picker'>{form.to}</View>
        </Picker>
      </View>
      <Text className='staff-events__label'>名额（人）</Text>
      <Input className='staff-events__input staff-events__capacity' type='number' maxlength={3} value={form.capacity} onInput={(e) => set('capacity', e.detail.value)} />
      <View className='staff-events__switch'>
        <View className='staff-events__switch-text'>
          <Text>同时向成长者开放</Text>
          <Text className='muted'>默认仅限忠诚者报名</Text>
        </View>
        <Switch checked={form.growersToo} onChange={(e) => set('growersToo', e.detail.value)} />
      </View>
      <Text className='staff-events__label'>报名时间</Text>
      <View className='staff-events__pickers'>
        <Picker mode='date' value={form.signUpFromDay} onChange={(e) => set('signUpFromDay', String(e.detail.value))}>
          <View className='staff-events__picker'>{form.signUpFromDay}</View>
        </Picker>
        <Text className='muted'>至</Text>
        <Picker mode='date' value={form.signUpUntilDay} onChange={(e) => set('signUpUntilDay', String(e.detail.value))}>
          <View className='staff-events__picker'>{form.signUpUntilDay}</View>
        </Picker>
      </View>
      <Text className='muted staff-events__note'>报名从首日 00:00 开放，截止日当天结束（最晚至活动开始）；满员后会员可排队候补。</Text>
      <Button className='btn btn-primary staff-events__submit' loading={saving} disabled={saving} onClick={onSubmit}>
        发布活动
      </Button>
      <Button className='btn staff-events__back' onClick={onCancel}>
        返回活动列表
      </Button>
    </View>
  );
}
