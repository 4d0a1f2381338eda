import { Text, View } from '@tarojs/components';
import { POLICY_SECTIONS, POLICY_SUMMARY, POLICY_VERSION } from '../../../components/PrivacyNotice/policy';
import './index.scss';

/**
 * 隐私政策 in full, opened from 我的 (the policy's text loads with this subpackage, not with the tab):
 * the three-line summary first, then every section. Static text: nothing to load, nothing to fail.
 */
export default function PrivacyPolicyPage() {
  return (
    <View className='page policy'>
      <View className='section'>
        <Text className='policy__title'>悦衣会员隐私政策</Text>
        <Text className='muted policy__version'>版本 {POLICY_VERSION}</Text>
        {POLICY_SUMMARY.map((item) => (
          <View className='policy__summary' key={item.title}>
            <Text className='policy__summary-title'>{item.title}</Text>
            <Text className='policy__para'>{item.text}</Text>
          </View>
        ))}
      </View>
      <View className='section'>
        {POLICY_SECTIONS.map((section) => (
          <View className='policy__section' key={section.title}>
            <Text className='policy__section-title'>{section.title}</Text>
            {section.paragraphs.map((p) => (
              <Text className='policy__para' key={p}>
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
