import { render } from '@testing-library/react';
import { POLICY_SECTIONS, POLICY_SUMMARY, POLICY_VERSION } from '../../../components/PrivacyNotice/policy';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import PrivacyPolicyPage from './index';

beforeEach(() => resetTaro());

describe('隐私政策', () => {
  it('shows the version, the summary and every section of the policy, and calls nothing', () => {
    const { container } = render(<PrivacyPolicyPage />);
    const text = container.textContent ?? '';
    expect(text).toContain('悦衣会员隐私政策');
    expect(text).toContain(`版本 ${POLICY_VERSION}`);
    for (const item of POLICY_SUMMARY) expect(text).toContain(item.text);
    for (const section of POLICY_SECTIONS) {
      expect(text).toContain(section.title);
      for (const p of section.paragraphs) expect(text).toContain(p);
    }
    expect(recorded.cloudCalls).toEqual([]);
  });
});
