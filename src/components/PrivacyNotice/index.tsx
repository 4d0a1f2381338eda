import { ScrollView, Text, View } from '@tarojs/components';
import { POLICY_SECTIONS, POLICY_SUMMARY, POLICY_VERSION } from './policy';
import './index.scss';

/** The short notice: three plain statements a shopper can read in ten seconds. */
export function PrivacySummary() {
  return (
    <View className='privacy-summary'>
      {POLICY_SUMMARY.map((item) => (
        <View className='privacy-summary__item' key={item.title}>
          <Text className='privacy-summary__title'>{item.title}</Text>
          <Text className='privacy-summary__text'>{item.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** The full policy in a bottom sheet. */
export function PrivacySheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <View className='privacy-sheet' catchMove>
      <View className='privacy-sheet__mask' onClick={onClose} />
      <View className='privacy-sheet__panel' role='dialog' aria-label='悦衣会员隐私政策'>
        <View className='privacy-sheet__head'>
          <Text className='privacy-sheet__title'>悦衣会员隐私政策</Text>
          <Text className='privacy-sheet__version'>版本 {POLICY_VERSION}</Text>
        </View>
        <ScrollView scrollY className='privacy-sheet__body'>
          {POLICY_SECTIONS.map((section) => (
            <View className='privacy-sheet__section' key={section.title}>
              <Text className='privacy-sheet__section-title'>{section.title}</Text>
              {section.paragraphs.map((p) => (
                <Text className='privacy-sheet__para' key={p}>
                  {p}
                </Text>
              ))}
            </View>
          ))}
        </ScrollView>
        <View className='privacy-sheet__close btn btn-primary' onClick={onClose}>
          我知道了
        </View>
      </View>
    </View>
  );
}
