import { PNG } from 'pngjs';
import { correction, generate, mode } from 'lean-qr';
import { currentScope } from './context';

/** What a fake openapi call was asked to do, kept for tests and the dev server's inspector. */
export interface OpenApiCall {
  api: string;
  data: Record<string, unknown>;
  caller: string | null;
  at: Date;
}

class OpenApiError extends Error {
  constructor(readonly errCode: number, readonly errMsg: string) {
    super(errMsg);
  }
}

type Fake = (data: Record<string, any>) => Record<string, unknown>;

/**
 * Recording fakes for the openapi calls the product makes. They check what the platform checks
 * (scene length, one-time phone codes, required fields) and answer in the SDK's shapes.
 * A call that is not faked throws: the product must not depend on something untested.
 */
export class OpenApiFakes {
  readonly calls: OpenApiCall[] = [];
  /** phone codes a test or the dev page handed out: code → phone number; each works once */
  private readonly phoneCodes = new Map<string, { phone: string; issuedAt: number }>();

  constructor(private readonly now: () => Date) {}

  /** Makes a getPhoneNumber button code, as WeChat would hand the page (valid 5 minutes, once). */
  issuePhoneCode(phone: string, code = `phone-${Math.random().toString(36).slice(2, 10)}`): string {
    this.phoneCodes.set(code, { phone, issuedAt: this.now().getTime() });
    return code;
  }

  private readonly fakes: Record<string, Fake> = {
    'subscribeMessage.send': (d) => {
      if (!d.touser || !d.templateId || !d.data) throw new OpenApiError(47003, 'argument invalid! touser, templateId and data are required');
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
    },
    'wxacode.getUnlimited': (d) => {
      const scene = String(d.scene ?? '');
      if (!scene || scene.length > 32) throw new OpenApiError(40169, 'invalid length for scene, or the data is not json string');
      if (!/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]+$/.test(scene)) throw new OpenApiError(40169, 'scene has characters WeChat does not accept');
      return { contentType: 'image/png', buffer: qrPng(scene) };
    },
    'phonenumber.getPhoneNumber': (d) => {
      const entry = this.phoneCodes.get(String(d.code ?? ''));
      if (!entry || this.now().getTime() - entry.issuedAt > 5 * 60_000) throw new OpenApiError(40029, 'invalid code');
      this.phoneCodes.delete(String(d.code));
      const purePhoneNumber = entry.phone;
      return { phoneInfo: { phoneNumber: `+86${purePhoneNumber}`, purePhoneNumber, countryCode: '86', watermark: { timestamp: Math.floor(this.now().getTime() / 1000) } } };
    },
  };

  /** The object that replaces `cloud.openapi`: openapi.<namespace>.<method>(data). */
  proxy(): unknown {
    return new Proxy(
      {},
      {
        get: (_t, namespace) =>
          new Proxy(
            {},
            {
              get: (_t2, method) => async (data: Record<string, unknown> = {}) => {
                const api = `${String(namespace)}.${String(method)}`;
                const fake = this.fakes[api];
                if (!fake) throw new Error(`openapi.${api} is not faked by the local cloud`);
                this.calls.push({ api, data: structuredClone(data), caller: currentScope().openid, at: this.now() });
                try {
                  return fake(data);
                } catch (err) {
                  if (err instanceof OpenApiError) {
                    throw Object.assign(new Error(`openapi.${api}:fail ${err.errCode} ${err.errMsg}`), { errCode: err.errCode, errMsg: err.errMsg });
                  }
                  throw err;
                }
              },
            },
          ),
      },
    );
  }

  sent(api: string): OpenApiCall[] {
    return this.calls.filter((c) => c.api === api);
  }
}

/** Pixels per QR module in the fake mini program code, and the white margin around it (in modules, as the QR standard asks). */
const MODULE_PX = 8;
const QUIET_MODULES = 4;

/**
 * The fake's mini program code: WeChat draws a round "sun code" only its own scanner reads; the
 * stand-in draws a plain QR code of the scene instead (error correction M), black on white with
 * a quiet zone, so a test or a person with any QR reader gets the scene back.
 */
export function qrPng(text: string): Buffer {
  const qr = generate(mode.utf8(text), { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M });
  const modules = qr.size;
  const side = (modules + 2 * QUIET_MODULES) * MODULE_PX;
  const png = new PNG({ width: side, height: side, colorType: 2 });
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / MODULE_PX) - QUIET_MODULES;
      const col = Math.floor(x / MODULE_PX) - QUIET_MODULES;
      const dark = row >= 0 && col >= 0 && row < modules && col < modules && qr.get(col, row);
      const i = (y * side + x) * 4;
      const v = dark ? 0 : 255;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}
