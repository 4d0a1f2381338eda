import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok, PIECE, programBenefits, UNLOCK, VOTED } from '../../../../tests/ui/support/cocreation';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import CocreationPage from './index';

beforeEach(() => resetTaro());

const votes = () => recorded.cloudCalls.filter((c) => c.data.action === 'vote').map((c) => c.data);
const chip = (root: ParentNode, label: string) => withText(root, '.choice-chip', label);

describe('新品共创', () => {
  it('shows each piece as a card with its picture, name, story and target price', async () => {
    programBenefits({ pieces: ok({ tier: 'loyal', tierName: '忠诚者', unlock: null, pieces: [PIECE] }) });
    const { container } = render(<CocreationPage />);
    await screen.findByText('云朵羊毛短开衫');
    expect(container.querySelector('.cocreation__image')?.getAttribute('src')).toBe('/static/products/YYKNI011.svg');
    expect(screen.getByText(PIECE.story)).toBeTruthy();
    expect(container.querySelector('.cocreation__meta')?.textContent).toBe('上装 · 目标价 ¥459 · 2027年2月28日截止');
    expect(container.querySelector('.cocreation__unlock')).toBeNull();
  });

  it('a 忠诚者 votes with like, fit, price and a comment, then sees the vote and 「新品上市时你将优先试穿」', async () => {
    programBenefits({ pieces: ok({ tier: 'loyal', tierName: '忠诚者', unlock: null, pieces: [PIECE] }), vote: ok({ piece: VOTED }) });
    const { container } = render(<CocreationPage />);
    fireEvent.click(await screen.findByText('参与共创投票'));
    fireEvent.click(screen.getByText('提交投票'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['请选择喜不喜欢']));
    expect(votes()).toEqual([]);
    fireEvent.click(chip(container, '喜欢'));
    fireEvent.click(chip(container, '比较合身'));
    fireEvent.click(chip(container, '有点贵'));
    expect(container.querySelector('taro-textarea-core')).toBeNull();
    typeInto(container.querySelector('.cocreation__comment'), ' 袖子再长一点 ');
    fireEvent.click(screen.getByText('提交投票'));
    await screen.findByText('新品上市时你将优先试穿');
    expect(votes()).toEqual([{ action: 'vote', pieceId: PIECE.pieceId, like: true, fit: 4, price: 2, comment: '袖子再长一点', requestId: expect.any(String) }]);
    expect(container.querySelector('.cocreation__mine')?.textContent).toBe('你的投票：喜欢 · 比较合身 · 价格有点贵');
    expect(screen.queryByText('参与共创投票')).toBeNull();
    expect(recorded.toasts.map((t) => t.title)).toContain('投票成功，感谢参与共创');
  });

  it('a second vote refused as LIMIT_REACHED says so and reads the pieces again', async () => {
    let reads = 0;
    programBenefits({
      pieces: () => ok({ tier: 'loyal', tierName: '忠诚者', unlock: null, pieces: [(reads += 1) > 1 ? VOTED : PIECE] }),
      vote: fail('LIMIT_REACHED'),
    });
    const { container } = render(<CocreationPage />);
    fireEvent.click(await screen.findByText('参与共创投票'));
    fireEvent.click(chip(container, '不太喜欢'));
    fireEvent.click(chip(container, '很合身'));
    fireEvent.click(chip(container, '很值'));
    fireEvent.click(screen.getByText('提交投票'));
    await screen.findByText('新品上市时你将优先试穿');
    expect(recorded.toasts.map((t) => t.title)).toContain('你已为这款新品投过票');
  });

  it('a member who is not 忠诚者 sees how to unlock, and the locked pieces lead to 会员权益 (no dead button)', async () => {
    programBenefits({ pieces: ok({ tier: 'grower', tierName: '成长者', unlock: UNLOCK, pieces: [{ ...PIECE, mayVote: false, locked: UNLOCK }] }) });
    const { container } = render(<CocreationPage />);
    await screen.findByText('你现在是成长者，查看会员权益 ›');
    expect(container.querySelector('.cocreation__unlock-text')?.textContent).toBe(UNLOCK);
    expect(screen.queryByText('参与共创投票')).toBeNull();
    expect(container.querySelector('.cocreation__locked-text')?.textContent).toBe('忠诚者专享，升级后即可参与投票');
    fireEvent.click(container.querySelector('.cocreation__locked')!);
    expect(recorded.navigations.map((n) => n.url)).toEqual(['/packages/benefits/index']);
  });

  it('says when there is nothing to vote on, and offers a retry when the read fails', async () => {
    programBenefits({ pieces: ok({ tier: 'loyal', tierName: '忠诚者', unlock: null, pieces: [] }) });
    render(<CocreationPage />);
    await screen.findByText('暂时没有征集中的新品，品牌发布后会出现在这里');
    resetTaro();
    programBenefits({ pieces: fail('UNAVAILABLE') });
    render(<CocreationPage />);
    await screen.findByText('重新加载');
  });
});
