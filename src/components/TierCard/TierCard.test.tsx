import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render } from '@testing-library/react';
import type { MemberCard } from '../../../cloudfunctions/contract';
import { TierCard } from './index';

const card = (over: Partial<MemberCard> = {}): MemberCard => ({
  memberId: '312345678901',
  tier: 'explorer',
  tierName: '探索者',
  points: 0,
  nickname: '小雨',
  avatar: null,
  homeStore: { storeId: 'S001', name: '悦衣库·静安嘉里店' },
  memberSince: '2026-03-08T04:00:00.000Z',
  next: null,
  wallet: { usable: 0, endingSoon: null, atTill: [] },
  ...over,
});

function show(c: MemberCard) {
  const { container } = render(<TierCard card={c} />);
  const root = container.querySelector('.tier-card') as HTMLElement;
  const text = (selector: string) => Array.from(container.querySelectorAll(selector), (el) => el.textContent).join(' | ');
  return { root, text, container };
}

beforeEach(() => {
  delete process.env.TARO_ENV;
});

describe('the card is dressed in the member’s tier', () => {
  it.each<[MemberCard['tier'], string, string]>([
    ['explorer', '探索者', 'EXPLORER'],
    ['grower', '成长者', 'GROWER'],
    ['loyal', '忠诚者', 'LOYAL'],
  ])('%s is named %s (%s) and wears the tier-card--<tier> class', (tier, tierName, motto) => {
    const { root, text } = show(card({ tier, tierName }));
    expect(root.classList.contains(`tier-card--${tier}`)).toBe(true);
    expect(root.getAttribute('data-tier')).toBe(tier);
    expect(text('.tier-card__tier')).toBe(tierName);
    expect(text('.tier-card__motto')).toBe(motto);
  });
});

describe('the facts on the card', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1280, '1,280'],
    [1234567, '1,234,567'],
  ])('%s points read %s', (points, shown) => {
    expect(show(card({ points })).text('.tier-card__points-value')).toBe(shown);
  });

  it.each([
    ['312345678901', 'NO. 3123 4567 8901'],
    ['900000000001', 'NO. 9000 0000 0001'],
  ])('member number %s is grouped in fours', (memberId, shown) => {
    expect(show(card({ memberId })).text('.tier-card__fact').split(' | ')[0]).toBe(shown);
  });

  it.each([
    ['a Shanghai morning', '2026-03-08T04:00:00.000Z', '2026.03.08'],
    ['UTC evening, already the next day in Shanghai', '2026-11-24T16:30:00Z', '2026.11.25'],
    ['one second before Shanghai midnight', '2026-11-24T15:59:59Z', '2026.11.24'],
    ['New Year in Shanghai, still the old year in UTC', '2026-12-31T16:00:00.000Z', '2027.01.01'],
  ])('the home store and the day they joined, in Asia/Shanghai (%s)', (_name, memberSince, day) => {
    expect(show(card({ memberSince })).text('.tier-card__fact').split(' | ').slice(1)).toEqual(['悦衣库·静安嘉里店', `${day} 入会`]);
  });

  it('the join date is a fact of its own, so a long store name on a narrow phone never cuts it off', () => {
    const { text } = show(card({ homeStore: { storeId: 'S009', name: '悦衣库 上海静安嘉里中心旗舰店' } }));
    expect(text('.tier-card__fact--store')).toBe('悦衣库 上海静安嘉里中心旗舰店');
    expect(text('.tier-card__fact--since')).toBe('2026.03.08 入会');
    // only the store name may be cut with an ellipsis; the date is never clipped
    const scss = readFileSync(path.join(__dirname, 'index.scss'), 'utf8');
    const since = /\.tier-card__fact--since\s*\{([^}]*)\}/.exec(scss)?.[1] ?? '';
    expect(since).toMatch(/overflow:\s*visible/);
    expect(since).toMatch(/flex-shrink:\s*0/);
  });
});

describe('who the card belongs to', () => {
  it.each([
    ['their nickname', '小雨', '小雨', '小'],
    ['悦衣会员 when they gave no nickname', null, '悦衣会员', '悦'],
    ['an emoji nickname, its first picture as the initial', '🌸花花', '🌸花花', '🌸'],
  ])('shows %s', (_name, nickname, shown, initial) => {
    const { text } = show(card({ nickname }));
    expect(text('.tier-card__name')).toBe(shown);
    expect(text('.tier-card__avatar--initial')).toBe(initial);
  });

  it.each<[string, string | undefined, string, string | null]>([
    ['WeChat shows a cloud file itself', undefined, 'cloud://prod-1a2b.7072-prod/avatars/u1.jpg', 'cloud://prod-1a2b.7072-prod/avatars/u1.jpg'],
    ['WeChat shows a WeChat avatar', undefined, 'https://thirdwx.qlogo.cn/mmopen/abc/132', 'https://thirdwx.qlogo.cn/mmopen/abc/132'],
    ['the H5 preview shows dev storage through the gateway', 'h5', 'cloud://styleclub-dev.local/avatars/ab.jpg', '/api/dev/files/avatars/ab.jpg'],
    ['the H5 preview cannot show a real cloud file: initial instead', 'h5', 'cloud://prod-1a2b.7072-prod/avatars/u1.jpg', null],
  ])('%s', (_name, env, avatar, src) => {
    if (env) process.env.TARO_ENV = env;
    const { container } = show(card({ avatar }));
    const img = container.querySelector('taro-image-core.tier-card__avatar');
    expect(img?.getAttribute('src') ?? null).toBe(src);
    expect(container.querySelector('.tier-card__avatar--initial') === null).toBe(src !== null);
  });
});

describe('the points figure', () => {
  it('is a button when the page gives it somewhere to go', () => {
    const onPointsTap = jest.fn();
    const { container } = render(<TierCard card={card({ points: 1280 })} onPointsTap={onPointsTap} />);
    const points = container.querySelector('.tier-card__points') as HTMLElement;
    expect(points.getAttribute('aria-label')).toBe('1,280 积分，查看积分明细');
    fireEvent.click(points);
    expect(onPointsTap).toHaveBeenCalledTimes(1);
  });

  it('is plain text otherwise', () => {
    const { container } = show(card());
    expect(container.querySelector('.tier-card__points--link')).toBeNull();
    expect(container.querySelector('.tier-card__label')?.textContent).toBe('积分');
  });
});
