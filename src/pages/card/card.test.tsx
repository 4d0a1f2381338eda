import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CARD, fail, ok, programMember } from '../../../tests/ui/support/member';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import CardPage from './index';

const CODES = ['660000000000000001', '660000000000000002', '660000000000000003'];
const cardReads = () => recorded.cloudCalls.filter((c) => c.data.action === 'card').length;

async function open(points: () => number | 'down' = () => 1280) {
  let issued = 0;
  programMember({
    card: () => {
      const p = points();
      return p === 'down' ? fail('UNAVAILABLE') : ok({ ...CARD, points: p });
    },
    code: () => ok({ code: CODES[issued++ % CODES.length]!, ttlSeconds: 60, expiresAt: new Date(Date.now() + 60_000).toISOString() }),
  });
  const view = render(<CardPage />);
  await waitFor(() => expect(view.container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(CODES[0]));
  await screen.findByText('1,280');
  const tapCode = async (code: string) => {
    fireEvent.click(view.container.querySelector('.member-code') as HTMLElement);
    await waitFor(() => expect(view.container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(code));
  };
  return { ...view, tapCode };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the card keeps its points current while it stays open', () => {
  it('the first code comes with the card’s own read: one card read, not two', async () => {
    await open();
    await act(async () => new Promise((r) => setTimeout(r, 30)));
    expect(cardReads()).toBe(1);
  });

  it('a fresh till code reads the card again and shows points earned at the till, without a placeholder', async () => {
    let points = 1280;
    const { container, tapCode } = await open(() => points);
    points = 1679;
    await tapCode(CODES[1]!);
    await screen.findByText('1,679');
    expect(cardReads()).toBe(2);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('a quiet read that fails keeps the card as it was', async () => {
    let points: number | 'down' = 1280;
    const { container, tapCode } = await open(() => points);
    points = 'down';
    await tapCode(CODES[1]!);
    await waitFor(() => expect(cardReads()).toBe(2));
    await act(async () => new Promise((r) => setTimeout(r, 30)));
    expect(container.querySelector('.tier-card__points-value')?.textContent).toBe('1,280');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('the card read again on show', () => {
  it('shown again while the card cannot be read: the card and the code stay, and a toast says why', async () => {
    let points: number | 'down' = 1280;
    const { container } = await open(() => points);
    points = 'down';
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(container.querySelector('.tier-card__points-value')?.textContent).toBe('1,280');
    expect(container.querySelector('[data-code]')).not.toBeNull();
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('the points on the card lead to the points page', () => {
  it('tapping the points figure switches to the 积分 tab', async () => {
    const { container } = await open();
    fireEvent.click(container.querySelector('.tier-card__points') as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/points/index' }]);
  });
});
