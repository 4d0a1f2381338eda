import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { emit, prop, withText } from '../../../../tests/ui/support/dom';
import { CONSENT, fail, type MemberAnswers, ok, programMember } from '../../../../tests/ui/support/member';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import PrivacySettingsPage from './index';

type Consent = ActionOutput<'member', 'consent'>;
const at = (i: number) => `2026-0${i}-08T04:00:00.000Z`;

async function open(answers: MemberAnswers = {}) {
  programMember({ consent: ok(CONSENT), ...answers });
  const view = render(<PrivacySettingsPage />);
  await screen.findByText('接收新品与优惠消息');
  const toggle = () => view.container.querySelector('taro-switch-core') as HTMLElement;
  return { ...view, toggle };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('消息与隐私设置', () => {
  it('reads the consent record when it shows, and shows the switch as the member left it', async () => {
    const { toggle } = await open();
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'consent' }]);
    expect(prop<boolean>(toggle(), 'checked')).toBe(false);
    expect(screen.getByText('已关闭，开启后第一时间收到上新和优惠')).toBeTruthy();
  });

  it('turning news on records it and shows the new record, newest first', async () => {
    const after: Consent = {
      ...CONSENT,
      marketing: { optIn: true, changedAt: at(5) },
      history: [...CONSENT.history, { kind: 'marketing', granted: true, at: at(5) }],
    };
    const { toggle, container } = await open({ consent: (data) => ok('marketingOptIn' in data ? after : CONSENT) });
    emit(toggle(), 'change', { value: true });
    await waitFor(() => expect(container.querySelector('.privacy-settings__consent-what')?.textContent).toBe('同意接收新品与优惠消息'));
    expect(screen.getByText('已开启，可随时关闭')).toBeTruthy();
    expect(prop<boolean>(toggle(), 'checked')).toBe(true);
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'consent' }, { action: 'consent', marketingOptIn: true }]);
  });

  it('a change that cannot be recorded says why and the switch stays as it was', async () => {
    const { toggle } = await open({ consent: (data) => ('marketingOptIn' in data ? fail('UNAVAILABLE') : ok(CONSENT)) });
    emit(toggle(), 'change', { value: true });
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(prop<boolean>(toggle(), 'checked')).toBe(false);
  });

  it('隐私政策 says which version the member agreed to and when, and opens the policy', async () => {
    const { container } = await open();
    const policy = container.querySelector('.privacy-settings__row--link') as HTMLElement;
    expect(policy.textContent).toContain(`版本 ${CONSENT.privacy.version}`);
    fireEvent.click(policy);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/privacy/policy/index' }]);
  });

  it('shows the last three entries of the record, and all of them on request', async () => {
    const history: Consent['history'] = [1, 2, 3, 4, 5].map((i) => ({ kind: 'marketing' as const, granted: i % 2 === 1, at: at(i) }));
    const { container } = await open({ consent: ok({ ...CONSENT, history }) });
    expect(container.querySelectorAll('.privacy-settings__consent')).toHaveLength(3);
    fireEvent.click(screen.getByText('查看全部 5 条'));
    expect(container.querySelectorAll('.privacy-settings__consent')).toHaveLength(5);
    fireEvent.click(screen.getByText('收起'));
    expect(container.querySelectorAll('.privacy-settings__consent')).toHaveLength(3);
  });

  it('a failed read says why with a retry; someone who left is sent to join', async () => {
    let down = true;
    programMember({ consent: () => (down ? fail('UNAVAILABLE') : ok(CONSENT)) });
    const { container, unmount } = render(<PrivacySettingsPage />);
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    down = false;
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('接收新品与优惠消息');
    unmount();

    programMember({ consent: fail('NOT_MEMBER') });
    render(<PrivacySettingsPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
