import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ReferralEntryProps {
  /** what stands on the right: the progress in words (再邀请 1 位好友成为忠诚者), what both get, or nothing */
  text: string | null;
  onOpen: () => void;
}

/** A quiet row to 邀请好友: no badge, no count-down, just where the member stands when friends are on their way. */
export function ReferralEntry({ text, onOpen }: ReferralEntryProps) {
  return (
    <View className='referral-entry' onClick={onOpen} hoverClass='referral-entry--pressed' role='link'>
      邀请好友
      <Text className='referral-entry__text'>{text}</Text>›
    </View>
  );
}
