import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { MemberTag } from '../../../../cloudfunctions/contract/style';
import type { ClothingSize, Fit, Silhouette } from '../../../../cloudfunctions/contract/styleQuiz';
import type { Scene } from '../../../../cloudfunctions/contract/styleWords';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { LikesStep } from '../quiz/steps/LikesStep';
import { type Choices, colourIds, type Edit, type EditorKind, valuesOf } from './preferences';

export interface EditorProps {
  kind: EditorKind;
  tags: readonly MemberTag[];
  choices: Choices;
  saving: boolean;
  problem: string | null;
  onSave: (edit: Edit) => void;
  onCancel: () => void;
}

/** The edit as it starts: what the tags say now. */
function startingEdit(kind: EditorKind, tags: readonly MemberTag[], choices: Choices): Edit | null {
  const first = (code: string) => valuesOf(tags, code)[0];
  switch (kind) {
    case 'colours':
      return { kind, liked: colourIds(valuesOf(tags, 'likedColours'), choices), disliked: colourIds(valuesOf(tags, 'dislikedColours'), choices) };
    case 'scenes':
      return { kind, scenes: valuesOf(tags, 'scenes') as Scene[] };
    case 'fitTop':
    case 'fitBottom':
      return first(kind) ? { kind, fit: first(kind) as Fit } : null;
    case 'silhouette': {
      const id = choices.silhouettes.find((s) => s.name === first('silhouette'))?.id;
      return id ? { kind, silhouette: id } : null;
    }
    case 'sizeTop':
    case 'sizeBottom':
      return first(kind) ? { kind, size: first(kind) as ClothingSize } : null;
    case 'shoeSize':
      return first('shoeSize') ? { kind, shoes: Number(first('shoeSize')) } : null;
  }
}

/**
 * A tag edited in place with the quiz's own choices as chips (the colours as swatches, loved or
 * avoided), then 保存 / 取消.
 */
export function Editor({ kind, tags, choices, saving, problem, onSave, onCancel }: EditorProps) {
  const [start] = useState(() => startingEdit(kind, tags, choices));
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
        <Button className={`btn btn-primary profile-editor__save${savable ? '' : ' btn--off'}`} disabled={!savable} onClick={() => savable && onSave(edit!)}>
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
      return single(kind === 'sizeTop' ? '上装尺码' : '下装尺码', (kind === 'sizeTop' ? choices.top : choices.bottom).map((s) => ({ value: s, label: s })), edit && 'size' in edit ? edit.size : undefined, (size: ClothingSize) => ({ kind, size }));
    case 'shoeSize':
      return single('鞋码', choices.shoes.map((s) => ({ value: s, label: String(s) })), edit?.kind === 'shoeSize' ? edit.shoes : undefined, (shoes: number) => ({ kind: 'shoeSize', shoes }));
  }
}
