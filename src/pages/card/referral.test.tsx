import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { deviceAnswer } from '../../../tests/ui/support/card';
import { CARD, ok, programMember } from '../../../tests/ui/support/member';
import { MINE, MINE_NEW, programReferral, type ReferralAnswers } from '../../../tests/ui/support/referral';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import CardPage from './index';

const CODE = /^67\d{16}$/;
const actions = () => recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`);

function open(referral: ReferralAnswers, code: () => unknown = () => ok(deviceAnswer())) {
  programMember({ card: ok(CARD), device: code as never });
  programReferral(referral);
  return render(<CardPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('referral progress on the card', () => {
  it('says how far a member with friends on their way is from 忠诚者, and links to 邀请好友', async () => {
    const view = open({ mine: ok(MINE) });
    expect(await screen.findByText('再邀请 2 位好友成为忠诚者', {}, { timeout: 3000 })).toBeTruthy();
    fireEvent.click(view.container.querySelector('.entry-row--invite')!);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/invite/index' }]);
  });

  it('a member with no friend under way gets a plain link: no progress, no nudge, no badge', async () => {
    const view = open({ mine: ok(MINE_NEW) });
    await waitFor(() => expect(actions()).toContain('referral.mine'), { timeout: 3000 });
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(view.container.querySelector('.entry-row--invite')?.textContent).toBe('邀请好友›');
    expect(view.container.querySelector('.entry-row--invite')?.innerHTML).not.toMatch(/badge|dot/);
  });

  it('is read a moment after the till code is on screen: nothing but the card and the code before it', async () => {
    let giveCode: (v: unknown) => void = () => undefined;
    const view = open({ mine: ok(MINE) }, () => new Promise((resolve) => (giveCode = resolve)));
    await waitFor(() => expect(actions().sort()).toEqual(['member.card', 'member.device']));
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(actions()).not.toContain('referral.mine');
    giveCode(ok(deviceAnswer()));
    await waitFor(() => expect(view.container.querySelector('[data-code]')?.getAttribute('data-code')).toMatch(CODE));
    // the code is drawn; the progress waits its moment
    await act(async () => new Promise((r) => setTimeout(r, 100)));
    expect(actions()).not.toContain('referral.mine');
    expect(await screen.findByText('再邀请 2 位好友成为忠诚者', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('a read that fails shows the plain link and says nothing', async () => {
    const view = open({});
    await waitFor(() => expect(actions()).toContain('referral.mine'), { timeout: 3000 });
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(view.container.querySelector('.entry-row--invite')?.textContent).toBe('邀请好友›');
    expect(recorded.toasts).toEqual([]);
  });

  it('is read again when the card shows again', async () => {
    open({ mine: ok(MINE) });
    await screen.findByText('再邀请 2 位好友成为忠诚者', {}, { timeout: 3000 });
    act(() => showPage());
    await waitFor(() => expect(actions().filter((a) => a === 'referral.mine')).toHaveLength(2), { timeout: 3000 });
  });
});
