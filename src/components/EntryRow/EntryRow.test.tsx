import { fireEvent, render } from '@testing-library/react';
import { EntryRow } from './index';

describe('an entry row', () => {
  it('says where it leads and where the member stands, and opens on a tap', () => {
    let opened = 0;
    const { container } = render(<EntryRow kind='style' title='我的风格' text='柔秋 · 法式' onOpen={() => (opened += 1)} />);
    const row = container.querySelector('.entry-row.entry-row--style')!;
    expect(row.getAttribute('role')).toBe('link');
    expect(row.textContent).toBe('我的风格柔秋 · 法式›');
    fireEvent.click(row);
    expect(opened).toBe(1);
  });

  it('with nothing to say it is the plain link', () => {
    const { container } = render(<EntryRow kind='invite' title='邀请好友' text={null} onOpen={() => undefined} />);
    expect(container.textContent).toBe('邀请好友›');
  });
});
