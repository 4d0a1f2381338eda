import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok, programBenefits, RESULT } from '../../../../tests/ui/support/cocreation';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { answerModals, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import StaffCocreationPage from './index';

beforeEach(() => resetTaro());

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const rowText = (root: ParentNode, name: string) => Array.from(withText(root, '.staff-cocreation__row', name).querySelectorAll('.staff-cocreation__cell')).map((c) => c.textContent);

describe('新品共创结果', () => {
  it('a manager reads each piece by tier, with masked comments', async () => {
    programBenefits({ pieceResults: ok({ pieces: [RESULT] }) });
    const { container } = render(<StaffCocreationPage />);
    await screen.findByText('软底通勤乐福鞋');
    expect(rowText(container, '全部')).toEqual(['全部', '3', '67%', '4.0', '2.3']);
    expect(rowText(container, '成长者')).toEqual(['成长者', '1', '100%', '4.0', '4.0']);
    expect(rowText(container, '忠诚者')).toEqual(['忠诚者', '2', '50%', '4.0', '1.5']);
    expect(screen.getByText('安**（忠诚者 · 喜欢）：想要雾霾蓝')).toBeTruthy();
  });

  it('launching a piece confirms first, then says how many try-on passes went out', async () => {
    programBenefits({ pieceResults: ok({ pieces: [RESULT] }), launchPiece: ok({ piece: { ...RESULT, status: 'launched', passesIssued: 3 }, issued: 3, remaining: false }) });
    render(<StaffCocreationPage />);
    answerModals(true);
    fireEvent.click(await screen.findByText('上市并发放试穿权'));
    await screen.findByText('已上市 · 成长者、忠诚者可投 · 已发放试穿权 3 张');
    expect(calls('launchPiece')).toEqual([{ action: 'launchPiece', pieceId: RESULT.pieceId }]);
    expect(recorded.toasts.map((t) => t.title)).toEqual(['已上市，发放试穿权 3 张']);
    expect(screen.queryByText('截止投票')).toBeNull();
  });

  it('closing a piece stops its votes', async () => {
    programBenefits({ pieceResults: ok({ pieces: [RESULT] }), closePiece: ok({ piece: { ...RESULT, status: 'closed' } }) });
    render(<StaffCocreationPage />);
    answerModals(true);
    fireEvent.click(await screen.findByText('截止投票'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['已截止投票']));
    expect(screen.queryByText('截止投票')).toBeNull();
    expect(calls('closePiece')).toEqual([{ action: 'closePiece', pieceId: RESULT.pieceId }]);
  });

  it('a manager publishes a piece: what is missing is said first, then it is sent once with its request id', async () => {
    const published = { ...RESULT, pieceId: 'cc-r1', name: '新款针织衫', total: { votes: 0, likeShare: 0, avgFit: null, avgPrice: null }, byTier: [], comments: [] };
    programBenefits({ pieceResults: ok({ pieces: [RESULT] }), publishPiece: ok({ piece: published }) });
    const { container } = render(<StaffCocreationPage />);
    fireEvent.click(await screen.findByText('发布新品征集'));
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['请填写新品名称']));
    const inputs = container.querySelectorAll('.staff-cocreation__input');
    typeInto(inputs[0]!, '新款针织衫');
    typeInto(inputs[1]!, '更软的纱线');
    typeInto(inputs[2]!, '299');
    fireEvent.click(screen.getByText('发布'));
    await screen.findByText('新款针织衫');
    expect(calls('publishPiece')).toEqual([
      { action: 'publishPiece', name: '新款针织衫', story: '更软的纱线', images: ['/static/products/YYKNI021.svg'], category: 'top', targetPriceFen: 29900, openDays: 14, alsoGrowers: false, requestId: expect.any(String) },
    ]);
    expect(screen.getByText('还没有会员投票')).toBeTruthy();
  });

  it('other staff are told only managers see the results', async () => {
    programBenefits({ pieceResults: fail('FORBIDDEN') });
    render(<StaffCocreationPage />);
    await screen.findByText('新品共创结果仅店长可查看');
    expect(screen.queryByText('发布新品征集')).toBeNull();
  });
});
