import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DataSection, Field } from './parts';

/** Records shown before 查看全部: a long points history stays one thumb-scroll away from the next section. */
const FIRST_SHOWN = 5;

function FieldRow({ field }: { field: Field }) {
  return (
    <View className='data-field'>
      <Text className='data-field__label'>{field.label}</Text>
      <Text className='data-field__value' userSelect>
        {field.value}
      </Text>
    </View>
  );
}

/** One part of the export: its facts, then its records (the first few, and all of them on a tap). */
export function ExportSection({ section }: { section: DataSection }) {
  const [all, setAll] = useState(false);
  const entries = all ? section.entries : section.entries.slice(0, FIRST_SHOWN);
  return (
    <View className='section data-section' data-section={section.id}>
      <Text className='section-title'>{section.title}</Text>
      {section.fields.map((f, i) => (
        <FieldRow key={`${f.label}-${i}`} field={f} />
      ))}
      {section.entries.length === 0 && section.none ? <Text className='muted data-section__none'>{section.none}</Text> : null}
      {entries.map((entry) => (
        <View className='data-entry' key={entry.key}>
          <View className='data-entry__head'>
            <Text className='data-entry__title'>{entry.title}</Text>
            {entry.aside ? <Text className='data-entry__aside'>{entry.aside}</Text> : null}
          </View>
          {entry.note ? <Text className='data-entry__note'>{entry.note}</Text> : null}
          {entry.fields.map((f, i) => (
            <FieldRow key={`${f.label}-${i}`} field={f} />
          ))}
        </View>
      ))}
      {section.entries.length > FIRST_SHOWN ? (
        <View className='data-section__more' onClick={() => setAll(!all)} hoverClass='data-section__more--pressed' role='button'>
          {all ? '收起' : `查看全部 ${section.entries.length} 条`}
        </View>
      ) : null}
    </View>
  );
}
