import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

export const NOTE_MAX = 300;

export interface NoteFormProps {
  saving: boolean;
  /** resolves true when the note was saved (the form then empties) */
  onSave(kind: 'note' | 'complaint', text: string): Promise<boolean>;
}

/** 添加备注 or 登记投诉: the kind first (a complaint brings a call-back within 2 hours), then the words. */
export function NoteForm({ saving, onSave }: NoteFormProps) {
  const [kind, setKind] = useState<'note' | 'complaint'>('note');
  const [text, setText] = useState('');
  const trimmed = text.trim();

  async function save() {
    if (!trimmed || saving) return;
    if (await onSave(kind, trimmed)) setText('');
  }

  return (
    <View className='section staff-note-form'>
      <Text className='section-title'>添加备注</Text>
      <View className='staff-note-form__kinds' role='radiogroup'>
        {(['note', 'complaint'] as const).map((k) => (
          <View key={k} className={`staff-note-form__kind${kind === k ? ' staff-note-form__kind--on' : ''}`} role='radio' aria-checked={kind === k} onClick={() => setKind(k)}>
            {k === 'note' ? '普通备注' : '顾客投诉'}
          </View>
        ))}
      </View>
      {kind === 'complaint' ? <Text className='staff-note-form__hint'>登记后自动标记「高关怀」，并生成 2 小时内回访的待办；可为顾客发放一张补偿券。</Text> : null}
      {/* an Input, not a Textarea: Textarea would add its templates to base.wxml at every level, in the main package (+2.3 KB) */}
      <Input className='staff-note-form__text' value={text} maxlength={NOTE_MAX} placeholder={kind === 'note' ? '比如：喜欢燕麦色，裤长需改短 2cm' : '顾客遇到了什么问题？'} onInput={(e) => setText(e.detail.value)} />
      <Text className='muted staff-note-form__count'>
        {text.length}/{NOTE_MAX}
      </Text>
      <Button className={`btn btn-primary${trimmed ? '' : ' btn--off'}`} disabled={!trimmed || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : kind === 'note' ? '保存备注' : '登记投诉'}
      </Button>
    </View>
  );
}
