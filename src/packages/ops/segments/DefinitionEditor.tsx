import { Button, Input, Text, View } from '@tarojs/components';
import type { SegmentDefinition } from '../../../services/opsSegments';
import { type Range, rangeText, tapScore } from './rangeChips';

const SCORES = [1, 2, 3, 4, 5];
const METRICS: ReadonlyArray<{ key: 'r' | 'f' | 'm'; label: string; hint: string }> = [
  { key: 'r', label: 'R 最近消费', hint: '越近分越高' },
  { key: 'f', label: 'F 消费频次', hint: '近 12 个月消费天数' },
  { key: 'm', label: 'M 消费金额', hint: '近 12 个月净消费' },
];

/** Whole days typed (digits only); empty or not a number: 不限. */
function daysOf(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

function ScoreChips({ label, range, onChange }: { label: string; range: Range; onChange: (r: Range) => void }) {
  return (
    <View className='seg-edit__scores' role='group' aria-label={label}>
      {SCORES.map((v) => {
        const on = range !== null && v >= range.min && v <= range.max;
        return (
          <View key={v} className={`seg-edit__score${on ? ' seg-edit__score--on' : ''}`} role='checkbox' aria-checked={on ? 'true' : 'false'} aria-label={`${label} ${v} 分`} onClick={() => onChange(tapScore(range, v))}>
            {v}
          </View>
        );
      })}
      <Text className='seg-edit__range muted'>{rangeText(range)}</Text>
    </View>
  );
}

export interface DefinitionEditorProps {
  definitions: SegmentDefinition[];
  onChange: (definitions: SegmentDefinition[]) => void;
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
  problem: string | null;
}

/** 编辑分群: each segment's name, its R/F/M score ranges and days since joining, and its place in the order (the first match wins). */
export function DefinitionEditor({ definitions, onChange, onSave, onCancel, saving, problem }: DefinitionEditorProps) {
  const edit = (i: number, change: Partial<SegmentDefinition>) => onChange(definitions.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...definitions];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <View className='seg-edit'>
      <Text className='muted seg-edit__lead'>会员按顺序匹配，落入第一个条件全部满足的分群；评分为全品牌有消费会员的五等分（1–5 分），不选即不限。保存后于次日凌晨重新分群。</Text>
      {definitions.map((d, i) => (
        <View key={d.code} className='seg-edit__card'>
          <View className='seg-edit__head'>
            <Text className='seg-edit__order'>{`${i + 1}`}</Text>
            <Input className='seg-edit__name' value={d.name} maxlength={8} placeholder='分群名称' aria-label={`第 ${i + 1} 个分群的名称`} onInput={(e) => edit(i, { name: e.detail.value })} />
            <Button className='btn btn-ghost seg-edit__move' disabled={i === 0} aria-label={`上移${d.name}`} onClick={() => move(i, -1)}>
              上移
            </Button>
            <Button className='btn btn-ghost seg-edit__move' disabled={i === definitions.length - 1} aria-label={`下移${d.name}`} onClick={() => move(i, 1)}>
              下移
            </Button>
          </View>
          {METRICS.map((m) => (
            <View key={m.key} className='seg-edit__line'>
              <View className='seg-edit__label'>
                <Text>{m.label}</Text>
                <Text className='muted seg-edit__hint'>{m.hint}</Text>
              </View>
              <ScoreChips label={`${d.name} ${m.label}`} range={d[m.key]} onChange={(r) => edit(i, { [m.key]: r })} />
            </View>
          ))}
          <View className='seg-edit__line'>
            <View className='seg-edit__label'>
              <Text>入会天数</Text>
              <Text className='muted seg-edit__hint'>留空为不限</Text>
            </View>
            <View className='seg-edit__days'>
              <Text className='muted'>≤</Text>
              <Input
                className='seg-edit__days-input'
                type='number'
                maxlength={3}
                value={d.joinedWithinDays === null ? '' : String(d.joinedWithinDays)}
                placeholder='不限'
                aria-label={`${d.name} 入会天数上限`}
                onInput={(e) => edit(i, { joinedWithinDays: daysOf(e.detail.value) })}
              />
              <Text className='muted'>天</Text>
            </View>
          </View>
        </View>
      ))}
      {problem && (
        <View className='seg-edit__problem' role='alert'>
          {problem}
        </View>
      )}
      <View className='seg-edit__actions'>
        <Button className='btn btn-ghost' disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn-primary' loading={saving} disabled={saving} onClick={onSave}>
          保存分群定义
        </Button>
      </View>
    </View>
  );
}
