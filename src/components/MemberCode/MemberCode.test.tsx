import { act, fireEvent, render } from '@testing-library/react';
import { withText } from '../../../tests/ui/support/dom';
import { BinaryBitmap, BitArray, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { AppError, ErrorCode } from '../../../cloudfunctions/contract';
import { answerSelectors, resetTaro } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import type { TillCode } from '../../services/useTillCode';
import { barcodeDrawing, qrDrawing, bitmapDataUri } from './drawing';
import { MemberCode } from './index';

const CODE = '671234567801234567';
const GROUPED = '6712 3456 7801 2345 67';
const error = (code: ErrorCode): AppError => ({ code, message: `${code} (server words, never shown)` });
const live = (secondsLeft = 30): TillCode => ({ status: 'live', code: CODE, secondsLeft, stepSeconds: 30 });

function show(state: TillCode, atTill: string[] = []) {
  const onRetry = jest.fn();
  const view = render(<MemberCode state={state} onRetry={onRetry} atTill={atTill} />);
  const text = () => view.container.textContent ?? '';
  return { ...view, onRetry, text, widget: view.container.querySelector('.member-code') as HTMLElement };
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
  });

  it.each([
    ['the step just began', 30],
    ['one second left', 1],
  ])('a live code (%s) shows its digits in groups of four and tells the truth about when it changes', (_name, secondsLeft) => {
    const { text, container } = show(live(secondsLeft));
    expect(container.querySelector('.member-code__digits')?.textContent).toBe(GROUPED);
    expect(container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(CODE);
    expect(container.querySelector('.member-code__countdown')?.textContent).toBe(`${secondsLeft} 秒后更新 · 每 30 秒自动更新 · 离线可用`);
    expect(text()).not.toContain('每分钟');
  });

  it('a secret that ran out without signal: the code area says it needs the network once, with a retry', () => {
    const { container, text, onRetry } = show({ status: 'needsNetwork', asking: false });
    expect(container.querySelector('[role="alert"] .member-code__message')?.textContent).toBe('联网后即可刷新会员码');
    expect(container.querySelector('[data-code]')).toBeNull();
    fireEvent.click(withText(container, '.member-code__retry', '重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(text()).not.toContain('秒后更新');
  });

  it('a retry on its way says so and is not sent twice', () => {
    const { container, onRetry } = show({ status: 'needsNetwork', asking: true });
    fireEvent.click(withText(container, '.member-code__retry', '正在获取…'));
    expect(onRetry).not.toHaveBeenCalled();
  });

  it.each<ErrorCode>(['INTERNAL', 'UNAUTHENTICATED'])('no secret could be had (%s): the plain Chinese message and a retry', (code) => {
    const { container, text } = show({ status: 'error', error: error(code), asking: false });
    expect(container.querySelector('[role="alert"] .member-code__message')?.textContent).toBe(ERROR_TEXT[code]);
    expect(text()).toContain('重试');
    expect(text()).not.toContain(code);
  });

  it('names the coupons the till takes on this order next to the code (本单可用)', () => {
    const { container } = show(live(), ['首单8折券', '订阅福利券']);
    expect(container.querySelector('[data-at-till]')?.textContent).toBe('本单可用首单8折券、订阅福利券');
  });

  it('says nothing of coupons when none is usable at the till', () => {
    const { container } = show(live());
    expect(container.querySelector('[data-at-till]')).toBeNull();
  });
});

describe('the code is drawn so a till can scan it', () => {
  it('in the H5 preview the barcode and QR code are SVG images of the drawings', () => {
    process.env.TARO_ENV = 'h5';
    const { container } = show(live());
    expect(container.querySelector('.member-code__bar img')?.getAttribute('src')).toBe(bitmapDataUri(barcodeDrawing(CODE)));
    expect(container.querySelector('.member-code__qr img')?.getAttribute('src')).toBe(bitmapDataUri(qrDrawing(CODE)));
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
    // 600×128 and 280×280 design px on a 375 px wide phone with 2 device pixels per px
    const canvases = new Map<string, ReturnType<typeof fakeCanvas>>();
    answerSelectors((selector) => {
      const el = document.querySelector(selector);
      const found = el?.classList.contains('member-code__bar') ? fakeCanvas(300, 64) : fakeCanvas(140, 140);
      canvases.set(el?.className ?? selector, found);
      return found;
    });
    act(() => {
      show(live());
    });

    const bar = canvases.get('member-code__bar')?.node;
    const qr = canvases.get('member-code__qr')?.node;
    if (!bar || !qr) throw new Error('both canvases should have been drawn');
    expect([bar.width, bar.height, qr.width, qr.height]).toEqual([600, 128, 280, 280]);
    expect(bar.pixels.includes(128) || qr.pixels.includes(128)).toBe(false);

    const bitmap = (n: typeof bar) => new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n.pixels, n.width, n.height)));
    const barBitmap = bitmap(bar);
    expect(new Code128Reader().decodeRow(64, barBitmap.getBlackRow(64, new BitArray(bar.width)), new Map()).getText()).toBe(CODE);
    const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
    expect(new QRCodeReader().decode(bitmap(qr), hints).getText()).toBe(CODE);
  });
});
