import { Text, View } from '@tarojs/components';
import './index.scss';

export interface EntryRowProps {
  /** where it leads, in the shop's words (邀请好友, 风格测试) */
  title: string;
  /** what stands on the right: where the member stands (再邀请 1 位好友成为忠诚者, 暖秋 · 简约), or nothing */
  text: string | null;
  /** which row it is (a class of its own: entry-row--invite) */
  kind: string;
  onOpen: () => void;
}

/** A quiet row to a feature: no badge, no count-down, just where the member stands when there is something to say. */
export function EntryRow({ title, text, kind, onOpen }: EntryRowProps) {
  return (
    <View className={`entry-row entry-row--${kind}`} onClick={onOpen} hoverClass='entry-row--pressed' role='link'>
      {title}
      <Text className='entry-row__text'>{text}</Text>›
    </View>
  );
}
