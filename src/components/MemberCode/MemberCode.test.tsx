import { act, fireEvent, render } from '@testing-library/react';
import { BinaryBitmap, BitArray, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { AppError, ErrorCode } from '../../../cloudfunctions/contract';
import { answerSelectors, resetTaro } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import type { TillCode } from '../../services/useTillCode';
import { barcodeDrawing, qrDrawing, svgDataUri } from './drawing';
import { MemberCode } from './index';

const CODE = '660123456789012345';
const GROUPED = '6601 2345 6789 0123 45';
const error = (code: ErrorCode): AppError => ({ code, message: `${code} (server words, never shown)` });

function show(state: TillCode) {
  const onRefresh = jest.fn();
  const view = render(<MemberCode state={state} onRefresh={onRefresh} />);
  const text = () => view.container.textContent ?? '';
  return { ...view, onRefresh, text, widget: view.container.querySelector('.member-code') as HTMLElement };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the member code widget says what state the code is in', () => {
  it('while the first code is on its way it says so and draws no code', () => {
    const { text, container } = show({ status: 'loading' });
    expect(text()).toContain('正在生成会员码…');
    expect(container.querySelector('[data-code]')).toBeNull();
    expect(text()).not.toContain('秒后自动刷新');
  });

  it.each([
    ['60 seconds left', 60],
    ['one second left', 1],
  ])('a live code (%s) shows its digits in groups of four and counts down', (_name, secondsLeft) => {
    const { text, container } = show({ status: 'live', code: CODE, secondsLeft, refreshing: false, refreshError: null });
    expect(container.querySelector('.member-code__digits')?.textContent).toBe(GROUPED);
    expect(container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(CODE);
    expect(text()).toContain(`${secondsLeft} 秒后自动刷新`);
    expect(container.querySelector('.member-code__veil')).toBeNull();
  });

  it('a live code being replaced says it is refreshing instead of counting', () => {
    const { text } = show({ status: 'live', code: CODE, secondsLeft: 8, refreshing: true, refreshError: null });
    expect(text()).toContain('正在刷新…');
    expect(text()).not.toContain('秒后自动刷新');
  });

  it('a live code whose refresh failed stays on screen and says why in plain words', () => {
    const { text, container } = show({ status: 'live', code: CODE, secondsLeft: 7, refreshing: false, refreshError: error('UNAVAILABLE') });
    expect(container.querySelector('.member-code__digits')?.textContent).toBe(GROUPED);
    expect(text()).toContain(`刷新失败：${ERROR_TEXT.UNAVAILABLE}`);
    expect(text()).not.toContain('server words');
  });

  it.each([
    ['waiting for a tap', false, '已失效，点击刷新'],
    ['already fetching a new one', true, '正在刷新…'],
  ])('an expired code is veiled (%s)', (_name, refreshing, veil) => {
    const { container, text } = show({ status: 'expired', code: CODE, refreshing, error: null });
    expect(container.querySelector('.member-code__body--expired')).not.toBeNull();
    expect(container.querySelector('.member-code__veil')?.textContent).toBe(veil);
    expect(text()).not.toContain('秒后自动刷新');
  });

  it.each<ErrorCode>(['UNAVAILABLE', 'NOT_MEMBER', 'INTERNAL', 'UNAUTHENTICATED'])(
    'a code that could not be had (%s) shows the plain Chinese message and offers a retry',
    (code) => {
      const { container, text } = show({ status: 'error', error: error(code), refreshing: false });
      expect(container.querySelector('[role="alert"] .member-code__message')?.textContent).toBe(ERROR_TEXT[code]);
      expect(text()).toContain('点击重试');
      expect(text()).not.toContain(code);
      expect(container.querySelector('[data-code]')).toBeNull();
    },
  );

  it('a retry on its way says it is fetching', () => {
    const { text } = show({ status: 'error', error: error('UNAVAILABLE'), refreshing: true });
    expect(text()).toContain('正在获取…');
    expect(text()).not.toContain('点击重试');
  });
});

describe('tapping the widget asks for a new code', () => {
  it.each<[string, TillCode]>([
    ['loading', { status: 'loading' }],
    ['live', { status: 'live', code: CODE, secondsLeft: 30, refreshing: false, refreshError: null }],
    ['expired', { status: 'expired', code: CODE, refreshing: false, error: null }],
    ['error', { status: 'error', error: error('UNAVAILABLE'), refreshing: false }],
  ])('when %s', (_name, state) => {
    const { widget, onRefresh } = show(state);
    fireEvent.click(widget);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });
});

describe('the code is drawn so a till can scan it', () => {
  it('in the H5 preview the barcode and QR code are SVG images of the drawings', () => {
    process.env.TARO_ENV = 'h5';
    const { container } = show({ status: 'live', code: CODE, secondsLeft: 30, refreshing: false, refreshError: null });
    expect(container.querySelector('.member-code__bar')?.getAttribute('src')).toBe(svgDataUri(barcodeDrawing(CODE)));
    expect(container.querySelector('.member-code__qr')?.getAttribute('src')).toBe(svgDataUri(qrDrawing(CODE)));
  });

  /** A 2d canvas that keeps what is filled, black or white, one byte per device pixel. */
  function fakeCanvas(cssWidth: number, cssHeight: number) {
    const node = {
      width: 0,
      height: 0,
      pixels: new Uint8ClampedArray(0),
      getContext() {
        node.pixels = new Uint8ClampedArray(node.width * node.height).fill(128); // grey: never painted
        const ctx = {
          fillStyle: '#000',
          fillRect(x: number, y: number, w: number, h: number) {
            const value = ctx.fillStyle === '#fff' ? 255 : 0;
            for (let row = Math.max(0, y); row < Math.min(node.height, y + h); row += 1) {
              node.pixels.fill(value, row * node.width + Math.max(0, x), row * node.width + Math.min(node.width, x + w));
            }
          },
        };
        return ctx;
      },
    };
    return { node, width: cssWidth, height: cssHeight };
  }

  it('in WeChat the 2d canvases hold a barcode and a QR code that read back as the code', () => {
    // 600×150 and 320×320 design px on a 375 px wide phone with 2 device pixels per px
    const canvases = new Map<string, ReturnType<typeof fakeCanvas>>();
    answerSelectors((selector) => {
      const el = document.querySelector(selector);
      const found = el?.classList.contains('member-code__bar') ? fakeCanvas(300, 75) : fakeCanvas(160, 160);
      canvases.set(el?.className ?? selector, found);
      return found;
    });
    act(() => {
      show({ status: 'live', code: CODE, secondsLeft: 30, refreshing: false, refreshError: null });
    });

    const bar = canvases.get('member-code__bar')?.node;
    const qr = canvases.get('member-code__qr')?.node;
    if (!bar || !qr) throw new Error('both canvases should have been drawn');
    expect([bar.width, bar.height, qr.width, qr.height]).toEqual([600, 150, 320, 320]);
    expect(bar.pixels.includes(128) || qr.pixels.includes(128)).toBe(false);

    const bitmap = (n: typeof bar) => new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n.pixels, n.width, n.height)));
    const barBitmap = bitmap(bar);
    expect(new Code128Reader().decodeRow(75, barBitmap.getBlackRow(75, new BitArray(bar.width)), new Map()).getText()).toBe(CODE);
    const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
    expect(new QRCodeReader().decode(bitmap(qr), hints).getText()).toBe(CODE);
  });
});
