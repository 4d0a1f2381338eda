import { askToSubscribe } from '../../src/services/subscribe';
import { fail, ok } from './support/member';
import { answerModals, programCloud, programSubscribe, recorded, resetTaro } from './support/taro';

const TEMPLATE = 'styleclub-dev-points-expiring';

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
  programCloud(({ name, data }) => (name === 'member' && data.action === 'subscribe' ? ok({ reminders: { pointsExpiring: 4 } }) : fail('INTERNAL')));
});

describe('asking WeChat for the points expiry reminder', () => {
  it('asks for the template by its id and records the accepted key', async () => {
    programSubscribe(() => ({ [TEMPLATE]: 'accept', 'someone-elses-template': 'accept' }));
    expect(await askToSubscribe(['pointsExpiring'])).toEqual({ kind: 'recorded', reminders: { pointsExpiring: 4 } });
    expect(recorded.subscribeRequests).toEqual([[TEMPLATE]]);
    expect(recorded.cloudCalls).toEqual([{ name: 'member', data: { action: 'subscribe', accepted: ['pointsExpiring'] } }]);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['rejected', { [TEMPLATE]: 'reject' }, false],
    ['filtered by WeChat', { [TEMPLATE]: 'filter' }, false],
    ['banned in the settings', { [TEMPLATE]: 'ban' }, true],
    ['not answered at all', {}, false],
  ])('a template %s records nothing', async (_name, answer, blocked) => {
    programSubscribe(() => answer);
    expect(await askToSubscribe(['pointsExpiring'])).toEqual({ kind: 'declined', blocked });
    expect(recorded.cloudCalls).toEqual([]);
  });

  it.each<[number, object]>([
    [20004, { kind: 'declined', blocked: true }],
    [10005, { kind: 'failed', error: null }],
  ])('a dialog WeChat could not show (errCode %s) records nothing', async (errCode, outcome) => {
    programSubscribe(() => {
      throw { errMsg: 'requestSubscribeMessage:fail', errCode };
    });
    expect(await askToSubscribe(['pointsExpiring'])).toEqual(outcome);
    expect(recorded.cloudCalls).toEqual([]);
  });

  it('an accepted template the function could not record is a failure with its code', async () => {
    programSubscribe(() => ({ [TEMPLATE]: 'accept' }));
    programCloud(() => fail('UNAVAILABLE'));
    expect(await askToSubscribe(['pointsExpiring'])).toMatchObject({ kind: 'failed', error: { code: 'UNAVAILABLE' } });
  });

  it('the H5 stand-in dialog has a title that fits one line of a 320 px phone, and says what it stands in for in its content', async () => {
    process.env.TARO_ENV = 'h5';
    answerModals(false);
    await askToSubscribe(['pointsExpiring']);
    const [modal] = recorded.modals as Array<{ title: string; content: string }>;
    // the H5 modal's title line holds about 12 characters at 320 px (it wrapped at 15, leaving "权" alone)
    expect(Array.from(modal!.title).length).toBeLessThanOrEqual(10);
    expect(modal!.content).toContain('开发预览');
    expect(modal!.content).toContain('微信');
  });

  it('the H5 preview never calls the WeChat API: a dialog stands in and 拒绝 records nothing', async () => {
    process.env.TARO_ENV = 'h5';
    const fetch = jest.fn();
    (globalThis as { fetch?: unknown }).fetch = fetch;
    answerModals(false);
    expect(await askToSubscribe(['pointsExpiring'])).toEqual({ kind: 'declined', blocked: false });
    expect(recorded.modals).toEqual([
      expect.objectContaining({ title: '模拟订阅消息授权', content: '「悦衣会员」想给你发送：积分到期提醒（开发预览：代替微信的订阅消息授权弹窗）', confirmText: '允许', cancelText: '拒绝' }),
    ]);
    expect(recorded.subscribeRequests).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    delete (globalThis as { fetch?: unknown }).fetch;
  });
});
