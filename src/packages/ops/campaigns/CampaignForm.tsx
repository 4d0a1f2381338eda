import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/ChoiceChips';
import type { CampaignOptions, CampaignPreview } from '../../../services/opsCampaigns';
import { type CampaignForm as Form, CONTROL_SHARES, toggled } from './form';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

export interface CampaignFormProps {
  form: Form;
  options: CampaignOptions;
  preview: CampaignPreview | null;
  previewing: boolean;
  launching: boolean;
  onChange: (f: Form) => void;
  onPreview: () => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** 新建营销活动: who (segments, tiers, tags, opted in), the preview, the offer, the message, control group, caps, when. */
export function CampaignForm({ form, options, preview, previewing, launching, onChange, onPreview, onSubmit, onCancel }: CampaignFormProps) {
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const chosen = options.templates.find((t) => t.templateId === form.templateId) ?? null;
  return (
    <View className='camp-form'>
      <View className='section'>
        <Text className='section-title'>活动名称</Text>
        <Input className='camp-input' maxlength={30} placeholder='如：沉睡会员唤醒' value={form.name} onInput={(e) => set('name', e.detail.value)} />
      </View>

      <View className='section'>
        <Text className='section-title'>目标人群 · {options.storeName}</Text>
        {options.scoredOn ? <Text className='muted camp-note'>会员分群更新于 {options.scoredOn}；不选即为全部</Text> : <Text className='camp-warn'>会员分群尚未生成（每晚自动计算），暂时无法圈选人群</Text>}
        <Text className='camp-label'>会员分群</Text>
        {options.segments.length ? (
          <ChoiceChips label='会员分群' multiple options={options.segments.map((s) => ({ value: s.code, label: `${s.name} ${s.members}` }))} selected={form.segments} onToggle={(v) => set('segments', toggled(form.segments, v))} />
        ) : (
          <Text className='muted'>暂无分群</Text>
        )}
        <Text className='camp-label'>会员等级</Text>
        <ChoiceChips label='会员等级' multiple options={options.tiers.map((t) => ({ value: t.code, label: t.name }))} selected={form.tiers} onToggle={(v) => set('tiers', toggled(form.tiers, v as Form['tiers'][number]))} />
        {options.tags.length ? (
          <>
            <Text className='camp-label'>店员标签（含任一）</Text>
            <ChoiceChips label='店员标签' multiple options={options.tags.map((t) => ({ value: t.tagId, label: t.name }))} selected={form.tags} onToggle={(v) => set('tags', toggled(form.tags, v))} />
          </>
        ) : null}
        <View className='camp-switch'>
          <View className='camp-switch__text'>
            <Text>仅限已订阅营销的会员</Text>
            <Text className='muted'>未订阅的会员不会收到消息，可选择是否发券</Text>
          </View>
          <Switch checked={form.optedInOnly} onChange={(e) => set('optedInOnly', e.detail.value)} />
        </View>
        <Button className='btn btn-ghost camp-preview-btn' loading={previewing} disabled={previewing} onClick={onPreview}>
          预览人群
        </Button>
        {preview ? (
          <View className='camp-preview' aria-live='polite'>
            <Text className='camp-preview__size'>{`共 ${preview.members.toLocaleString('en-US')} 人`}</Text>
            <Text className='muted'>{`对照组约 ${preview.expectedControl} 人不发券，用于衡量真实提升`}</Text>
            {preview.sample.map((m) => (
              <View key={m.memberNo} className='camp-sample'>
                <Text>{m.nickname}</Text>
                <Text className='muted'>{m.memberNo}</Text>
                <Text className='muted'>{m.phoneMasked ?? '未绑定手机'}</Text>
                <Text className='muted'>{`${m.tierName} · ${m.segmentName}`}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section-title'>发放的优惠券</Text>
        {options.templates.length === 0 ? <Text className='muted'>暂无可用于营销的券</Text> : null}
        {options.templates.map((t) => (
          <View key={t.templateId} className={`camp-offer${form.templateId === t.templateId ? ' camp-offer--on' : ''}`} role='radio' aria-checked={form.templateId === t.templateId} onClick={() => set('templateId', t.templateId)}>
            <Text className='camp-offer__value'>{t.value}</Text>
            <View className='camp-offer__text'>
              <Text className='camp-offer__name'>{t.name}</Text>
              <Text className='muted'>{[t.rule, t.validity, t.forTiers].filter(Boolean).join(' · ')}</Text>
            </View>
          </View>
        ))}
        <View className='camp-switch'>
          <View className='camp-switch__text'>
            <Text>同时发送到账通知</Text>
            <Text className='muted'>仅发给已订阅营销、且留有提醒额度的会员，每人一次</Text>
          </View>
          <Switch checked={form.message} onChange={(e) => set('message', e.detail.value)} />
        </View>
      </View>

      <View className='section'>
        <Text className='section-title'>对照组与预算</Text>
        <Text className='camp-label'>对照组比例</Text>
        <ChoiceChips label='对照组比例' even options={CONTROL_SHARES.map((p) => ({ value: p, label: p ? `${p}%` : '不设' }))} selected={[form.controlPercent]} onToggle={(v) => set('controlPercent', v)} />
        <Text className='camp-label'>最多发券（张）</Text>
        <Input className='camp-input' type='number' maxlength={8} placeholder='留空表示不限' value={form.maxCoupons} onInput={(e) => set('maxCoupons', e.detail.value)} />
        <Text className='camp-label'>优惠金额上限（元）</Text>
        <Input className='camp-input' type='number' maxlength={9} placeholder='留空表示不限' value={form.maxDiscountYuan} onInput={(e) => set('maxDiscountYuan', e.detail.value)} />
        {chosen && form.maxDiscountYuan ? (
          <Text className='muted camp-note'>{chosen.costFen === null ? '该券优惠金额不固定，不能设优惠金额上限' : `每张按最多优惠 ${yuanText(chosen.costFen)} 计入上限`}</Text>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section-title'>开始时间</Text>
        <ChoiceChips label='开始时间' even options={[{ value: 'now', label: '立即开始' }, { value: 'later', label: '定时开始' }]} selected={[form.startNow ? 'now' : 'later']} onToggle={(v) => set('startNow', v === 'now')} />
        {form.startNow ? null : (
          <View className='camp-pickers'>
            <Picker mode='date' value={form.day} onChange={(e) => set('day', String(e.detail.value))}>
              <View className='camp-input camp-picker'>{form.day}</View>
            </Picker>
            <Picker mode='time' value={form.time} onChange={(e) => set('time', String(e.detail.value))}>
              <View className='camp-input camp-picker'>{form.time}</View>
            </Picker>
          </View>
        )}
        <Text className='muted camp-note'>立即开始会先发出第一批，其余每 10 分钟自动续发，每位会员只发一张。</Text>
      </View>

      <Button className='btn btn-primary camp-submit' loading={launching} disabled={launching} onClick={onSubmit}>
        {form.startNow ? '发起活动' : '定时发起'}
      </Button>
      <Button className='btn btn-ghost camp-back' onClick={onCancel}>
        返回活动列表
      </Button>
    </View>
  );
}
