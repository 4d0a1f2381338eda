import { PNG } from 'pngjs';
import { ManualClock } from '../../cloudfunctions/platform/clock';
import type { LocalCloud } from '../../local/cloud/install';
import { decodeQr } from '../support/codes';
import { errorText, fresh, rejection } from './support';

let handle: LocalCloud;
let sdk: any;
let clock: ManualClock;

beforeEach(() => {
  clock = new ManualClock('2026-04-01T01:00:00.000Z');
  ({ handle, sdk } = fresh({ clock }));
});

describe('subscribeMessage.send', () => {
  test('is recorded with what was sent, the caller and the time', async () => {
    const message = { touser: 'o-alice', templateId: 'TPL_POINTS', page: 'pages/points/index', data: { thing1: { value: '积分到账' } } };
    const { result } = await handle.call('o-staff', () => sdk.openapi.subscribeMessage.send(message));
    expect(result.errCode).toBe(0);
    const sent = handle.openapi.sent('subscribeMessage.send');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({ api: 'subscribeMessage.send', data: message, caller: 'o-staff', at: clock.now() });
  });

  test('a timer job with no caller is recorded with caller null', async () => {
    await handle.call(null, () => sdk.openapi.subscribeMessage.send({ touser: 'o-a', templateId: 'T', data: {} }));
    expect(handle.openapi.sent('subscribeMessage.send')[0]?.caller).toBeNull();
  });

  test('concurrent calls record each caller against its own message', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_x, i) => handle.call(`o-${i}`, () => sdk.openapi.subscribeMessage.send({ touser: `o-${i}`, templateId: 'T', data: {} }))),
    );
    for (const c of handle.openapi.sent('subscribeMessage.send')) expect(c.caller).toBe(c.data.touser);
  });

  test('is refused without touser, templateId or data', async () => {
    const err = await rejection(sdk.openapi.subscribeMessage.send({ templateId: 'T', data: {} }));
    expect(err.errCode).toBe(47003);
  });
});

describe('wxacode.getUnlimited', () => {
  test('answers a PNG whose code a QR reader reads back as the scene, for a scene of up to 32 characters', async () => {
    const scene = 'ref=ABCDEFGH&s=S001&x=1234567890'; // 32
    expect(scene).toHaveLength(32);
    const res = await sdk.openapi.wxacode.getUnlimited({ scene, page: 'pages/join/index' });
    expect(res.contentType).toBe('image/png');
    expect(Buffer.isBuffer(res.buffer)).toBe(true);
    expect(decodeQr(res.buffer)).toBe(scene);
  });

  test.each(['r=AB12CD', 'r=Zz09Yy88Xx77', "s=S001&r=a!#$&'()*+,/:;=?@-._~%"])('the poster code of %s reads back exactly', async (scene) => {
    const res = await sdk.openapi.wxacode.getUnlimited({ scene, page: 'pages/join/index', check_path: false });
    expect(decodeQr(res.buffer)).toBe(scene);
  });

  test('the code is black on white with a white quiet zone of 4 modules of 8 px around it', async () => {
    const res = await sdk.openapi.wxacode.getUnlimited({ scene: 'r=AB12CD', page: 'pages/join/index' });
    const png = PNG.sync.read(res.buffer);
    expect(png.width).toBe(png.height);
    // 21 modules (version 1) or more, plus the margin: a whole number of 8 px modules
    expect(png.width % 8).toBe(0);
    expect(png.width / 8).toBeGreaterThanOrEqual(21 + 8);
    const grey = (x: number, y: number) => png.data[(y * png.width + x) * 4]!;
    const margin = 4 * 8;
    for (let i = 0; i < png.width; i += 1) {
      for (const [x, y] of [[i, 0], [i, margin - 1], [0, i], [margin - 1, i], [i, png.height - 1], [png.width - margin, i]] as const) {
        expect(grey(x, y)).toBe(255);
      }
    }
    // the finder pattern's corner starts right after the margin
    expect(grey(margin, margin)).toBe(0);
    expect(new Set(Array.from({ length: png.width * png.height }, (_x, i) => png.data[i * 4]))).toEqual(new Set([0, 255]));
  });

  test('is recorded with the scene and page it was asked for', async () => {
    await handle.call('o-alice', () => sdk.openapi.wxacode.getUnlimited({ scene: 'r=AB12CD', page: 'pages/join/index' }));
    expect(handle.openapi.sent('wxacode.getUnlimited').map((c) => [c.data.scene, c.data.page, c.caller])).toEqual([['r=AB12CD', 'pages/join/index', 'o-alice']]);
  });

  test('refuses a scene over 32 characters', async () => {
    const err = await rejection(sdk.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/join/index' }));
    expect(err.errCode).toBe(40169);
    expect(errorText(err)).toMatch(/scene/);
  });

  test('refuses an empty scene and characters WeChat does not accept', async () => {
    expect((await rejection(sdk.openapi.wxacode.getUnlimited({ scene: '' }))).errCode).toBe(40169);
    expect((await rejection(sdk.openapi.wxacode.getUnlimited({ scene: '邀请码' }))).errCode).toBe(40169);
  });
});

describe('phonenumber.getPhoneNumber', () => {
  test('resolves a code issued by the button once, then refuses it', async () => {
    const code = handle.openapi.issuePhoneCode('13800138000');
    const res = await handle.call('o-1', () => sdk.openapi.phonenumber.getPhoneNumber({ code }));
    expect(res.result.phoneInfo.purePhoneNumber).toBe('13800138000');
    expect(res.result.phoneInfo.countryCode).toBe('86');
    expect((await rejection(sdk.openapi.phonenumber.getPhoneNumber({ code }))).errCode).toBe(40029);
  });

  test('a code still works at exactly 5 minutes', async () => {
    const code = handle.openapi.issuePhoneCode('13800138001');
    clock.advance(5 * 60_000);
    expect((await sdk.openapi.phonenumber.getPhoneNumber({ code })).phoneInfo.purePhoneNumber).toBe('13800138001');
  });

  test('a code is refused once 5 minutes have passed', async () => {
    const code = handle.openapi.issuePhoneCode('13800138002');
    clock.advance(5 * 60_000 + 1);
    expect((await rejection(sdk.openapi.phonenumber.getPhoneNumber({ code }))).errCode).toBe(40029);
  });

  test('a code never issued is refused', async () => {
    expect((await rejection(sdk.openapi.phonenumber.getPhoneNumber({ code: 'made-up' }))).errCode).toBe(40029);
  });
});

test('an openapi the local cloud does not fake throws instead of answering', async () => {
  const err = await rejection(sdk.openapi.security.msgSecCheck({ content: 'hello' }));
  expect(errorText(err)).toMatch(/openapi\.security\.msgSecCheck is not faked/);
});
