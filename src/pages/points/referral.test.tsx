import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok, programPoints, REWARDS, SUMMARY } from '../../../tests/ui/support/points';
import { MINE, programReferral } from '../../../tests/ui/support/referral';
import { recorded, resetTaro } from '../../../tests/ui/support/taro';
import PointsPage from './index';

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('referral progress on the points page', () => {
  it('stands under the tier, after the page’s own reads, and opens 邀请好友', async () => {
    programPoints({ summary: ok(SUMMARY), rewards: ok(REWARDS) });
    programReferral({ mine: ok(MINE) });
    const view = render(<PointsPage />);
    expect(await screen.findByText('再邀请 2 位好友成为忠诚者')).toBeTruthy();
    const order = recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`);
    expect(order.indexOf('referral.mine')).toBeGreaterThan(order.indexOf('points.summary'));
    // right under the tier progress
    expect(view.container.querySelector('.tier-progress + .entry-row--invite')).not.toBeNull();
    fireEvent.click(view.container.querySelector('.entry-row--invite')!);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/invite/index' }]));
  });
});
