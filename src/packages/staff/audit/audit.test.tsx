import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok, programStaff } from '../../../../tests/ui/support/staff';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import StaffAuditPage from './index';

const entry = (i: number) => ({ staffName: i % 2 ? '陈造型' : '林小悦', memberId: '312345678901', nickname: '小雅', view: 'memberView', why: '会员出示会员码', at: new Date(Date.UTC(2026, 10, 25, 2, 0, 59 - i)).toISOString() });

beforeEach(() => resetTaro());

describe('查看记录 (managers)', () => {
  it('lists who looked at whom, when, in which screen and why, newest first, and loads the next page on a tap', async () => {
    programStaff({ auditLog: (data) => (data.cursor ? ok({ entries: [entry(30)], next: null }) : ok({ entries: Array.from({ length: 30 }, (_, i) => entry(i)), next: '1764036000000.1' })) });
    const { container } = render(<StaffAuditPage />);
    await screen.findAllByText('林小悦');
    const first = container.querySelector('.staff-audit__entry')!;
    expect(first.textContent).toContain('2026-11-25 10:00');
    expect(first.textContent).toContain('会员详情 · 小雅（312345678901）');
    expect(first.textContent).toContain('原因：会员出示会员码');
    fireEvent.click(screen.getByText('上拉或点击加载更多'));
    await screen.findByText('没有更多了');
    expect(container.querySelectorAll('.staff-audit__entry')).toHaveLength(31);
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'auditLog' }, { action: 'auditLog', cursor: '1764036000000.1' }]);
  });

  it('says when nobody has looked yet', async () => {
    programStaff({ auditLog: ok({ entries: [], next: null }) });
    render(<StaffAuditPage />);
    await screen.findByText('还没有查看记录');
  });

  it('tells a clerk the log is for managers', async () => {
    programStaff({ auditLog: fail('FORBIDDEN') });
    render(<StaffAuditPage />);
    await screen.findByText('查看记录仅对店长开放');
    await waitFor(() => expect(screen.getByText('重新加载')).toBeTruthy());
  });
});
