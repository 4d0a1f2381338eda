import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { MemberTag } from '../../../../cloudfunctions/contract/style';
import type { ClothingSize, Fit, Silhouette } from '../../../../cloudfunctions/contract/styleQuiz';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { LikesStep } from '../quiz/steps/LikesStep';
import { type Choices, type Edit, type EditorKind, type OwnPreferences, type Preferences, preferencesFor, startingEdit } from './preferences';

export interface EditorProps {
  kind: EditorKind;
  tags: readonly MemberTag[];
  /** what the member set themselves (the editor starts from it where they did) */
  own: OwnPreferences;
  choices: Choices;
  saving: boolean;
  problem: string | null;
  /** the one field edited, as setPreferences takes it */
  onSave: (preferences: Preferences) => void;
  onCancel: () => void;
}

/**
 * A tag edited in place with the quiz's own choices as chips (the colours as swatches, loved or
 * avoided), then 保存 / 取消. Clearing a list (no scene, no colour) is a choice too: "none".
 */
export function Editor({ kind, tags, own, choices, saving, problem, onSave, onCancel }: EditorProps) {
  const [start] = useState(() => startingEdit(kind, tags, own, choices));
  const [edit, setEdit] = useState<Edit | null>(start);
  const changed = JSON.stringify(edit) !== JSON.stringify(start);
  const savable = edit !== null && changed && !saving;

  return (
    <View className='profile-editor' data-editor={kind}>
      <Control kind={kind} edit={edit} choices={choices} onChange={setEdit} />
      {problem ? (
        <View className='profile-editor__problem' role='alert'>
          {problem}
        </View>
      ) : null}
      <View className='profile-editor__buttons'>
        <Button className='btn btn-ghost profile-editor__cancel' onClick={onCancel}>
          取消
        </Button>
        <Button className={`btn btn-primary profile-editor__save${savable ? '' : ' btn--off'}`} disabled={!savable} onClick={() => savable && onSave(preferencesFor(edit!, start))}>
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

function Control({ kind, edit, choices, onChange }: { kind: EditorKind; edit: Edit | null; choices: Choices; onChange: (e: Edit) => void }) {
  const single = <T extends string | number>(label: string, options: ReadonlyArray<{ value: T; label: string }>, current: T | undefined, make: (v: T) => Edit) => (
    <ChoiceChips label={label} options={options} selected={current === undefined ? [] : [current]} onToggle={(v) => onChange(make(v))} />
  );
  switch (kind) {
    case 'colours': {
      const e = edit?.kind === 'colours' ? edit : { kind: 'colours' as const, liked: [], disliked: [] };
      return (
        <LikesStep
          step={{ id: 'likes', kind: 'likes', title: '喜欢和不想穿的颜色', hint: '', colours: choices.colours }}
          answers={{ likedColours: e.liked, dislikedColours: e.disliked }}
          onAnswer={(patch) => onChange({ kind: 'colours', liked: patch.likedColours ?? e.liked, disliked: patch.dislikedColours ?? e.disliked })}
        />
      );
    }
    case 'scenes': {
      const chosen = edit?.kind === 'scenes' ? edit.scenes : [];
      return (
        <ChoiceChips
          multiple
          label='常穿场景'
          options={choices.scenes.map((s) => ({ value: s, label: s }))}
          selected={chosen}
          // kept in the quiz's order, whatever order they are tapped in
          onToggle={(s) => onChange({ kind: 'scenes', scenes: choices.scenes.filter((x) => (x === s ? !chosen.includes(s) : chosen.includes(x))) })}
        />
      );
    }
    case 'fitTop':
    case 'fitBottom':
      return single(kind === 'fitTop' ? '上身版型' : '下身版型', choices.fits.map((f) => ({ value: f, label: f })), edit && 'fit' in edit ? edit.fit : undefined, (fit: Fit) => ({ kind, fit }));
    case 'silhouette':
      return single(
        '偏爱廓形',
        choices.silhouettes.map((s) => ({ value: s.id, label: s.name })),
        edit?.kind === 'silhouette' ? edit.silhouette : undefined,
        (silhouette: Silhouette) => ({ kind: 'silhouette', silhouette }),
      );
    case 'sizeTop':
    case 'sizeBottom':
      return single(kind === 'sizeTop' ? '上装尺码' : '下装尺码', (kind === 'sizeTop' ? choices.sizes.top : choices.sizes.bottom).map((s) => ({ value: s, label: s })), edit && 'size' in edit ? edit.size : undefined, (size: ClothingSize) => ({ kind, size }));
    case 'shoeSize':
      return single('鞋码', choices.sizes.shoes.map((s) => ({ value: s, label: String(s) })), edit?.kind === 'shoeSize' ? edit.shoes : undefined, (shoes: number) => ({ kind: 'shoeSize', shoes }));
  }
}
