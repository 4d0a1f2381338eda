import { fireEvent, render } from '@testing-library/react';
import { ListFooter } from '.';

describe('the foot of a paged list', () => {
  const onMore = jest.fn();
  beforeEach(() => onMore.mockClear());

  it.each([
    ['while the next page loads it says so', { loading: true, failed: null, end: false }, '加载中…'],
    ['at the oldest item it says there is no more', { loading: false, failed: null, end: true }, '没有更多了'],
    ['otherwise it offers the next page', { loading: false, failed: null, end: false }, '上拉或点击加载更多'],
  ])('%s', (_name, props, text) => {
    const { container } = render(<ListFooter {...props} onMore={onMore} />);
    expect(container.querySelector('.list-foot')?.textContent).toBe(text);
  });

  it('a failed page says why in plain words and a tap tries again', () => {
    const { container } = render(<ListFooter loading={false} failed={{ code: 'UNAVAILABLE', message: 'offline' }} end={false} onMore={onMore} />);
    const retry = container.querySelector('.list-foot--retry')!;
    expect(retry.textContent).toContain('重新加载');
    expect(retry.textContent).toMatch(/^没能加载更多：/);
    fireEvent.click(retry);
    expect(onMore).toHaveBeenCalledTimes(1);
  });
});
