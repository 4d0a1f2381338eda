import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { withText } from '../../../tests/ui/support/dom';
import { CARD, fail, ok, programMember, STORE } from '../../../tests/ui/support/member';
import { programScan, recorded, resetTaro, setRouterParams } from '../../../tests/ui/support/taro';
import { parseJoinQuery, parseScannedPath } from '../../services/joinLink';
import JoinPage from './index';

const enrollCalls = () => recorded.cloudCalls.filter((c) => c.data.action === 'enroll').map((c) => c.data);

function arrive(params: Record<string, string>) {
  setRouterParams(params);
  programMember({ card: fail('NOT_MEMBER'), store: ok(STORE), enroll: ok({ member: CARD, created: true }) });
  return render(<JoinPage />);
}

async function agreeAndJoin(view: ReturnType<typeof render>) {
  await screen.findByText(STORE.name);
  fireEvent.click(view.container.querySelector('#agree-privacy') as Element);
  await screen.findByText('完善资料（可跳过）');
  fireEvent.click(withText(view.container, 'taro-button-core', '立即入会'));
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe("a clerk's own join code (scene s=<store>&c=<clerk>)", () => {
  it.each([
    ['once-encoded', 's%3DS001%26c%3DAB23CD'],
    ['twice-encoded', 's%253DS001%2526c%253DAB23CD'],
    ['decoded', 's=S001&c=AB23CD'],
  ])('is read from the scene (%s)', (_how, scene) => {
    expect(parseJoinQuery({ scene })).toEqual({ storeId: 'S001', ref: null, clerk: 'AB23CD' });
  });

  it.each([
    ['lowercase', 's%3DS001%26c%3Dab23cd'],
    ['too long', 's%3DS001%26c%3DABCDEFGHJ'],
    ['script text', encodeURIComponent('s=S001&c=<b>')],
  ])('a clerk code that does not look right is dropped (%s), the store kept', (_how, scene) => {
    expect(parseJoinQuery({ scene })).toEqual({ storeId: 'S001', ref: null });
  });

  it('comes only from a scene, never from a plain link', () => {
    expect(parseJoinQuery({ storeId: 'S001', c: 'AB23CD' })).toEqual({ storeId: 'S001', ref: null });
  });

  it('is read from a scanned clerk code too', () => {
    expect(parseScannedPath('packages/join/index?scene=s%3DS001%26c%3DAB23CD')).toEqual({ storeId: 'S001', ref: null, clerk: 'AB23CD' });
  });

  it('goes to enroll with the store, so the shopper is signed up to that clerk', async () => {
    const view = arrive({ scene: 's%3DS001%26c%3DAB23CD' });
    await agreeAndJoin(view);
    await waitFor(() => expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false, clerk: 'AB23CD' }]));
  });

  it('a plain store code sends no clerk', async () => {
    const view = arrive({ scene: 's%3DS001' });
    await agreeAndJoin(view);
    await waitFor(() => expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false }]));
  });

  it("scanning a clerk's code on a link without a store takes the store and the clerk", async () => {
    process.env.TARO_ENV = 'weapp';
    programScan({ path: 'packages/join/index?scene=s%3DS001%26c%3DAB23CD' });
    const view = arrive({});
    fireEvent.click(await screen.findByText('扫一扫门店码'));
    await agreeAndJoin(view);
    await waitFor(() => expect(enrollCalls()).toEqual([{ action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: false, clerk: 'AB23CD' }]));
  });
});
