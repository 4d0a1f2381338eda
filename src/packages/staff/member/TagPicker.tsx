import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../../cloudfunctions/contract';

type Group = ActionOutput<'staff', 'tagGroups'>['groups'][number];

export interface TagPickerProps {
  groups: Group[];
  /** the tag ids the member has */
  held: ReadonlySet<string>;
  /** the tag being changed now */
  busy: string | null;
  onToggle(tagId: string, on: boolean): void;
}

/** The brand's tag groups as chips: a tap adds the tag to the member, another takes it off. */
export function TagPicker({ groups, held, busy, onToggle }: TagPickerProps) {
  return (
    <View className='section'>
      <Text className='section-title'>会员标签</Text>
      {groups.map((g) => (
        <View key={g.groupId} className='staff-tags__group'>
          <Text className='muted staff-tags__group-name'>{g.name}</Text>
          <View className='staff-member__chips'>
            {g.tags.map((t) => {
              const on = held.has(t.tagId);
              return (
                <View
                  key={t.tagId}
                  className={`staff-chip staff-chip--pick${on ? ' staff-chip--on' : ''}${busy === t.tagId ? ' staff-chip--busy' : ''}`}
                  role='checkbox'
                  aria-checked={on}
                  onClick={() => busy === null && onToggle(t.tagId, !on)}
                >
                  {t.name}
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
