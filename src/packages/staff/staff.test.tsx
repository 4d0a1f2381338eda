import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto } from '../../../tests/ui/support/dom';
import { CLERK, fail, MANAGER, ok, programStaff } from '../../../tests/ui/support/staff';
import { programScan, recorded, resetTaro } from '../../../tests/ui/support/taro';
import StaffHomePage from './index';

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

const titles = (container: HTMLElement) => Array.from(container.querySelectorAll('.staff-home__row-title'), (n) => n.textContent);

describe('导购助手 · 工作台', () => {
  it('says who the clerk is and offers the care list and their join poster, not the managers\' pages', async () => {
    programStaff({ me: ok({ staff: CLERK }) });
    const { container } = render(<StaffHomePage />);
    await screen.findByText('林小悦');
    expect(container.querySelector('.staff-home__who')?.textContent).toContain('店员 · 悦衣库 上海静安店');
    expect(titles(container)).toEqual(['今日待办', '我的拉新码']);
    fireEvent.click(screen.getByText('今日待办'));
    fireEvent.click(screen.getByText('我的拉新码'));
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/staff/todos/index' },
      { api: 'navigateTo', url: '/packages/staff/poster/index' },
    ]);
  });

  it('gives a manager the stylists’ slots, private events, co-creation, the figures, the audit log, the tag groups and the brand operations too', async () => {
    programStaff({ me: ok({ staff: MANAGER }) });
    const { container } = render(<StaffHomePage />);
    await screen.findByText('林店长');
    expect(titles(container)).toEqual(['今日待办', '我的拉新码', '我的预约时段', '私享会', '新品共创', '店员业绩', '查看记录', '标签管理', '门店看板', '会员分群', '精准营销', '经营预警', '顾客满意度']);
    fireEvent.click(screen.getByText('查看记录'));
    fireEvent.click(screen.getByText('标签管理'));
    fireEvent.click(screen.getByText('店员业绩'));
    expect(recorded.navigations.map((n) => n.url)).toEqual(['/packages/staff/audit/index', '/packages/staff/tags/index', '/packages/staff/figures/index']);
  });

  it('in H5 opens the member whose 18 digits were typed, and says so when the digits are not a code', async () => {
    programStaff({ me: ok({ staff: CLERK }) });
    const { container } = render(<StaffHomePage />);
    await screen.findByText('林小悦');
    const input = container.querySelector('.staff-home__code-input') as HTMLElement;
    typeInto(input, '1234');
    fireEvent.click(screen.getByText('查看'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['请输入会员码下方的 18 位数字']));
    expect(recorded.navigations).toEqual([]);
    typeInto(input, '6612 3456 7890 1234 56');
    fireEvent.click(screen.getByText('查看'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/staff/member/index?code=661234567890123456' }]);
  });

  it('in WeChat scans the code with the camera and opens the member', async () => {
    process.env.TARO_ENV = 'weapp';
    programStaff({ me: ok({ staff: CLERK }) });
    programScan({ result: '661234567890123456' });
    render(<StaffHomePage />);
    fireEvent.click(await screen.findByText('扫会员码'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/staff/member/index?code=661234567890123456' }]));
  });

  it('a scan of something else says it is not a member code; closing the scanner says nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    programStaff({ me: ok({ staff: CLERK }) });
    programScan({ result: 'https://example.com' });
    render(<StaffHomePage />);
    fireEvent.click(await screen.findByText('扫会员码'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['这不是会员码，请让顾客打开会员卡出示']));
    programScan(null);
    fireEvent.click(screen.getByText('扫会员码'));
    await waitFor(() => expect(recorded.toasts).toHaveLength(1));
    expect(recorded.navigations).toEqual([]);
  });

  it('tells someone who is not on the staff that it is for store staff', async () => {
    programStaff({ me: ok({ staff: null }) });
    render(<StaffHomePage />);
    await screen.findByText('导购助手仅对门店员工开放');
    expect(screen.queryByText('扫会员码')).toBeNull();
  });

  it('offers a retry when the read fails', async () => {
    let answer: ReturnType<typeof fail> | ReturnType<typeof ok> = fail('UNAVAILABLE');
    programStaff({ me: () => answer as never });
    render(<StaffHomePage />);
    fireEvent.click(await screen.findByText('重新加载'));
    answer = ok({ staff: CLERK });
    fireEvent.click(await screen.findByText('重新加载'));
    await screen.findByText('林小悦');
  });
});
