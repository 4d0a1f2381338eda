import { Button, Input, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { type Ballot, COMMENT_MAX, FIT_WORDS, PRICE_WORDS } from '../../../services/cocreation';

export type Draft = { like: boolean | null; fit: number | null; price: number | null; comment: string };
export const EMPTY_DRAFT: Draft = { like: null, fit: null, price: null, comment: '' };

const LIKE = [
  { value: 'yes', label: '喜欢' },
  { value: 'no', label: '不太喜欢' },
] as const;
const scale = (words: readonly string[]) => words.map((label, i) => ({ value: i + 1, label }));

/** What is still to choose before the vote can go ("请选择合身度"), or the ballot. */
export function ballotOf(d: Draft): { missing: string } | { ballot: Ballot } {
  if (d.like === null) return { missing: '请选择喜不喜欢' };
  if (d.fit === null) return { missing: '请选择合身度' };
  if (d.price === null) return { missing: '请选择价格感受' };
  return { ballot: { like: d.like, fit: d.fit, price: d.price, comment: d.comment } };
}

export interface VoteFormProps {
  draft: Draft;
  busy: boolean;
  onChange: (d: Draft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The vote on one piece: like or not, fit 1–5, price 1–5 (太贵…很值), a short comment. */
export function VoteForm({ draft, busy, onChange, onSubmit, onCancel }: VoteFormProps) {
  return (
    <View className='cocreation__form'>
      <Text className='cocreation__ask'>喜欢这款吗？</Text>
      <ChoiceChips label='喜欢吗' even options={LIKE} selected={draft.like === null ? [] : [draft.like ? 'yes' : 'no']} onToggle={(v) => onChange({ ...draft, like: v === 'yes' })} />
      <Text className='cocreation__ask'>你觉得合身吗？</Text>
      <ChoiceChips label='合身度' options={scale(FIT_WORDS)} selected={draft.fit === null ? [] : [draft.fit]} onToggle={(v) => onChange({ ...draft, fit: v })} />
      <Text className='cocreation__ask'>目标价格你觉得？</Text>
      <ChoiceChips label='价格感受' options={scale(PRICE_WORDS)} selected={draft.price === null ? [] : [draft.price]} onToggle={(v) => onChange({ ...draft, price: v })} />
      <Text className='cocreation__ask'>想对设计师说（选填）</Text>
      <Input className='cocreation__comment' value={draft.comment} maxlength={COMMENT_MAX} placeholder={`最多 ${COMMENT_MAX} 字`} onInput={(e) => onChange({ ...draft, comment: e.detail.value })} />
      <Text className='muted cocreation__count'>{`${draft.comment.trim().length}/${COMMENT_MAX}`}</Text>
      <View className='cocreation__actions'>
        <Button className='btn btn-ghost cocreation__cancel' onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn-primary cocreation__submit' disabled={busy} onClick={onSubmit}>
          {busy ? '提交中' : '提交投票'}
        </Button>
      </View>
    </View>
  );
}
