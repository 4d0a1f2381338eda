import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeWeappCanvas } from '../../../../tests/ui/support/canvas';
import { withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { answerSelectors, programFunction, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import { CODE_BOX } from './draw';
import StaffPosterPage from './index';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JOIN_CODE = { scene: 's=S001&c=AB23CD', path: 'packages/join/index', image: PNG, storeName: '悦衣库 上海静安店', clerkName: '林小悦' };

function open(answer: () => unknown = () => ok(JOIN_CODE)) {
  programFunction('staff', async ({ data }) => (data.action === 'joinCode' ? answer() : fail('INTERNAL')));
  return render(<StaffPosterPage />);
}

beforeEach(() => {
  resetTaro();
  process.env.TARO_ENV = 'weapp';
});
afterAll(() => {
  delete process.env.TARO_ENV;
});

describe('我的拉新码 (the clerk\'s join poster)', () => {
  it('draws the store, the clerk and their mini program code, and says how it is used', async () => {
    const canvas = fakeWeappCanvas(270, 378);
    answerSelectors((selector) => (selector === '#clerk-poster' ? canvas.answer : null));
    open();
    await screen.findByText(/会记在你名下/);
    await waitFor(() => expect(screen.queryByText('正在生成拉新码…')).toBeNull());
    expect(recorded.files).toEqual([{ filePath: 'wxfile://usr/clerk-code.png', data: PNG }]);
    expect(canvas.drawn.images.map(({ x, y, w, h }) => [x, y, w, h])).toEqual([[CODE_BOX.x, CODE_BOX.y, CODE_BOX.size, CODE_BOX.size]]);
    const texts = canvas.drawn.texts.map((t) => t.text).join('');
    expect(texts).toContain('悦衣库 上海静安店');
    expect(texts).toContain('导购 林小悦');
    expect(texts).toContain('微信扫一扫 加入悦衣会员');
    expect(screen.getByText(/已经是会员的顾客扫码不会改变归属/)).toBeTruthy();
  });

  it('is saved to the album in WeChat, and the clerk is told', async () => {
    const canvas = fakeWeappCanvas(270, 378);
    answerSelectors((selector) => (selector === '#clerk-poster' ? canvas.answer : null));
    const view = open();
    await screen.findByText(/会记在你名下/);
    await waitFor(() => expect(screen.queryByText('正在生成拉新码…')).toBeNull());
    fireEvent.click(withText(view.container, 'taro-button-core', '保存到相册'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已保存到相册', icon: 'success' }]));
    expect(recorded.albumSaves).toHaveLength(1);
  });

  it('someone not on the staff list reads a plain refusal, with a way to try again', async () => {
    open(() => fail('FORBIDDEN'));
    expect(await screen.findByText(ERROR_TEXT.FORBIDDEN)).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
  });
});
