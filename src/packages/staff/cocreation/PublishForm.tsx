import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import type { PublishForm as Form } from '../../../services/cocreation';

/** The catalogue's categories with a picture each for a new piece (the dev server draws them; production: the piece's own photos). */
export const CATEGORY_CHOICES = [
  { category: 'top', name: '上装', image: '/static/products/YYKNI021.svg' },
  { category: 'bottom', name: '下装', image: '/static/products/YYSKI011.svg' },
  { category: 'dress', name: '连衣裙', image: '/static/products/YYDRE021.svg' },
  { category: 'outer', name: '外套', image: '/static/products/YYCOA012.svg' },
  { category: 'shoes', name: '鞋履', image: '/static/products/YYSNE011.svg' },
  { category: 'accessory', name: '配饰', image: '/static/products/YYSCA011.svg' },
] as const;
export const OPEN_DAYS = [7, 14, 30] as const;

export interface Draft {
  name: string;
  story: string;
  categoryIndex: number;
  yuan: string;
  daysIndex: number;
  alsoGrowers: boolean;
}
export const EMPTY_PUBLISH: Draft = { name: '', story: '', categoryIndex: 0, yuan: '', daysIndex: 1, alsoGrowers: false };

/** What is missing, or the piece to publish. */
export function formOf(d: Draft): { missing: string } | { form: Form } {
  if (!d.name.trim()) return { missing: '请填写新品名称' };
  if (!d.story.trim()) return { missing: '请写下设计故事' };
  const yuan = Number(d.yuan);
  if (!Number.isFinite(yuan) || yuan < 1) return { missing: '请填写目标价（元）' };
  const c = CATEGORY_CHOICES[d.categoryIndex]!;
  return { form: { name: d.name.trim(), story: d.story.trim(), images: [c.image], category: c.category, targetPriceFen: Math.round(yuan * 100), openDays: OPEN_DAYS[d.daysIndex]!, alsoGrowers: d.alsoGrowers } };
}

export interface PublishFormProps {
  draft: Draft;
  busy: boolean;
  onChange: (d: Draft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** 发布新品: name, story, category, target price, how long votes are taken, whether 成长者 may vote too. */
export function PublishForm({ draft, busy, onChange, onSubmit, onCancel }: PublishFormProps) {
  return (
    <View className='section staff-cocreation__form'>
      <Text className='section-title'>发布新品</Text>
      <Input className='staff-cocreation__input' value={draft.name} maxlength={24} placeholder='新品名称，最多 24 字' onInput={(e) => onChange({ ...draft, name: e.detail.value })} />
      <Input className='staff-cocreation__input' value={draft.story} maxlength={300} placeholder='设计故事：想听会员哪些意见' onInput={(e) => onChange({ ...draft, story: e.detail.value })} />
      <Input className='staff-cocreation__input' type='digit' value={draft.yuan} placeholder='目标价（元）' onInput={(e) => onChange({ ...draft, yuan: e.detail.value })} />
      <Picker mode='selector' range={CATEGORY_CHOICES.map((c) => c.name)} value={draft.categoryIndex} onChange={(e) => onChange({ ...draft, categoryIndex: Number(e.detail.value) })}>
        <View className='form-row staff-cocreation__pick'>{`品类：${CATEGORY_CHOICES[draft.categoryIndex]!.name}`}</View>
      </Picker>
      <Picker mode='selector' range={OPEN_DAYS.map((d) => `${d} 天`)} value={draft.daysIndex} onChange={(e) => onChange({ ...draft, daysIndex: Number(e.detail.value) })}>
        <View className='form-row staff-cocreation__pick'>{`征集时长：${OPEN_DAYS[draft.daysIndex]} 天`}</View>
      </Picker>
      <View className='form-row staff-cocreation__growers'>
        <Text>也邀请成长者投票</Text>
        <Switch checked={draft.alsoGrowers} onChange={(e) => onChange({ ...draft, alsoGrowers: e.detail.value })} />
      </View>
      <View className='staff-cocreation__actions'>
        <Button className='btn btn-ghost staff-cocreation__cancel' onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn-primary staff-cocreation__publish' disabled={busy} onClick={onSubmit}>
          {busy ? '发布中' : '发布'}
        </Button>
      </View>
    </View>
  );
}
