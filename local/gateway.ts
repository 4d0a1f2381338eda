import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Envelope, ErrorCode } from '../cloudfunctions/contract';
import type { Main } from '../cloudfunctions/platform/handler';
import type { LocalCloud } from './cloud/install';
import { clip } from '../cloudfunctions/contract/plain';
import { JOB_NAMES } from '../cloudfunctions/contract/jobs';
import { isMainlandMobile } from '../cloudfunctions/domain/phone';
import { parseInstant, type DevClock } from './devClock';
import { DEV_FILE_ID_PREFIX, DEV_FILES_ROUTE, devFileId, devFilePath } from './files';
import { avatarPath, contentTypeOf, directoryFileStore, IMAGE_TYPES, isImageType, MAX_IMAGE_BYTES, memoryFileStore, sniffImage } from './fileStore';
import { catalogue, productSvg } from './seed/catalog';

export interface GatewayOptions {
  cloud: LocalCloud;
  clock: DevClock;
  functions: Record<string, Main>;
  /** the H5 build served at GET / (absent until it is built) */
  h5Dir?: string;
  /** where uploads are kept (the dev server's `<data dir>/files`); absent: in memory (tests) */
  filesDir?: string;
}

const MAX_BODY_BYTES = 256 * 1024;
const OPENID_HEADER = /^[A-Za-z0-9_-]{1,64}$/;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, error: { code, message } } satisfies Envelope<never>);
}

class BodyTooLarge extends Error {}

/** Node's headers as single strings (a repeated header is joined, as a proxy would). */
function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
class NotUtf8 extends Error {}
// a byte-order mark is kept: it is part of what a till signed (the pos function refuses it by name)
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The body must be an object with exactly this one field; its value, or undefined. */
function soleField(value: unknown, key: string): { value: unknown } | undefined {
  const ok = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).join() === key;
  return ok ? { value: (value as Record<string, unknown>)[key] } : undefined;
}

/** The body's bytes; BodyTooLarge past `limit` (the rest is read and dropped, so the answer arrives). */
function readBytes(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const bytes = await readBytes(req, MAX_BODY_BYTES);
  try {
    // bytes that are not UTF-8 are refused, not turned into U+FFFD and stored
    return utf8.decode(bytes);
  } catch {
    throw new NotUtf8();
  }
}

async function readJson(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (err) {
    const message = err instanceof BodyTooLarge ? 'request body is too large' : err instanceof NotUtf8 ? 'request body is not valid UTF-8' : 'could not read the request body';
    fail(res, err instanceof BodyTooLarge ? 413 : 400, 'INVALID_INPUT', message);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    fail(res, 400, 'INVALID_INPUT', 'request body is not valid JSON');
    return { ok: false };
  }
}

const PLACEHOLDER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>悦衣会员 StyleClub</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#f6f3ee;color:#2b2b2e}
main{max-width:420px;margin:0 auto;padding:48px 24px}h1{font-size:24px;margin:0 0 8px}p{line-height:1.7;color:#55524d}code{background:#fff;padding:2px 6px;border-radius:4px}</style></head>
<body><main><h1>悦衣会员 StyleClub</h1><p>本地云开发服务已启动。小程序的 H5 页面尚未构建；云函数网关已可用：</p>
<p><code>POST /api/fn/member</code>，<code>POST /api/fn/staff</code></p></main></body></html>`;

/** The dev gateway of ARCHITECTURE.md ("Dev gateway"): functions, dev clock, dev jobs, H5, product images. */
export function gatewayListener(options: GatewayOptions): http.RequestListener {
  const { cloud, clock, functions } = options;
  const catalog = new Map(catalogue().map((p) => [p._id, p]));
  const files = options.filesDir ? directoryFileStore(options.filesDir) : memoryFileStore();

  /** `POST /api/dev/upload`: stands in for Taro.cloud.uploadFile of a chooseAvatar image. */
  async function upload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const header = req.headers['x-openid'];
    const openid = typeof header === 'string' && header.length > 0 ? header : null;
    if (openid !== null && !OPENID_HEADER.test(openid)) {
      req.resume();
      return fail(res, 400, 'INVALID_INPUT', 'X-OpenId must be 1–64 letters, digits, _ or -');
    }
    if (openid === null) {
      // as /api/fn reports it: the envelope with HTTP 200
      req.resume();
      return send(res, 200, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'no caller identity: send the X-OpenId header' } } satisfies Envelope<never>);
    }
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (!isImageType(type)) {
      req.resume();
      return fail(res, 400, 'INVALID_INPUT', 'Content-Type must be image/png, image/jpeg or image/webp');
    }
    const tooLarge = () => fail(res, 413, 'INVALID_INPUT', `the image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_IMAGE_BYTES) {
      req.resume();
      return tooLarge();
    }
    let bytes: Buffer;
    try {
      bytes = await readBytes(req, MAX_IMAGE_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) return tooLarge();
      return fail(res, 400, 'INVALID_INPUT', 'could not read the request body');
    }
    if (bytes.length === 0) return fail(res, 400, 'INVALID_INPUT', 'the body is empty: send the image bytes');
    const actual = sniffImage(bytes);
    if (actual !== type) {
      const what = actual ? `a ${IMAGE_TYPES[actual].label} image` : 'not a PNG, JPEG or WebP image';
      return fail(res, 400, 'INVALID_INPUT', `the body is ${what}, but Content-Type says ${type}`);
    }
    const filePath = avatarPath(bytes, type);
    await files.put(filePath, bytes);
    return send(res, 200, { ok: true, data: { fileID: devFileId(filePath)! } });
  }

  /** `GET /api/dev/files/<path>`: a stored file; `rawPath` is the target as sent, never decoded or normalised. */
  async function serveFile(rawPath: string, route: string, res: http.ServerResponse): Promise<void> {
    const filePath = rawPath === route && rawPath.startsWith(DEV_FILES_ROUTE) ? devFilePath(DEV_FILE_ID_PREFIX + rawPath.slice(DEV_FILES_ROUTE.length)) : null;
    if (filePath === null) return fail(res, 400, 'INVALID_INPUT', 'a file path is plain segments of letters, digits, ".", "_" or "-" (no "..", "%", "\\" or empty segment)');
    const type = contentTypeOf(filePath);
    const bytes = type ? await files.get(filePath) : null;
    if (!type || !bytes) return fail(res, 404, 'NOT_FOUND', 'no such file');
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    return void res.end(bytes);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    let url: URL;
    try {
      if (!target.startsWith('/')) throw new Error('not a path');
      // prefixing keeps "//api/..." a path instead of a host
      url = new URL(`http://localhost${target}`);
    } catch {
      return fail(res, 400, 'INVALID_INPUT', 'the request target is not a valid path');
    }
    const route = url.pathname;
    // the target as sent: "/api/dev/files/../x" is judged before URL parsing folds its dots away
    const rawPath = target.split(/[?#]/, 1)[0]!;
    const fileRoute = rawPath.startsWith(DEV_FILES_ROUTE) || route.startsWith(DEV_FILES_ROUTE);

    if (route.startsWith('/api/') || fileRoute) {
      const readable = route === '/api/dev/clock' || route === '/api/dev/openapi';
      const allow = fileRoute ? 'GET, HEAD, OPTIONS' : readable ? 'GET, HEAD, POST, OPTIONS' : 'POST, OPTIONS';
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { allow });
        return void res.end();
      }
      if (!allow.split(', ').includes(req.method ?? '')) {
        res.setHeader('allow', allow);
        return fail(res, 405, 'INVALID_INPUT', `${req.method} is not allowed on ${clip(fileRoute ? rawPath : route, 80)}: use ${allow.replace(', OPTIONS', '')}`);
      }
      if (fileRoute) return serveFile(rawPath, route, res);
      if (route === '/api/dev/upload') return upload(req, res);
      const fnMatch = /^\/api\/fn\/(.*)$/.exec(route);
      if (fnMatch) {
        const name = fnMatch[1]!;
        const main = Object.prototype.hasOwnProperty.call(functions, name) ? functions[name] : undefined;
        if (!main) return fail(res, 400, 'INVALID_INPUT', `unknown function ${clip(name)}; known: ${Object.keys(functions).join(', ')}`);
        const header = req.headers['x-openid'];
        const openid = typeof header === 'string' && header.length > 0 ? header : null;
        if (openid !== null && !OPENID_HEADER.test(openid)) return fail(res, 400, 'INVALID_INPUT', 'X-OpenId must be 1–64 letters, digits, _ or -');
        const body = await readJson(req, res);
        if (!body.ok) return;
        // the mini program's callFunction, signed in or not
        const call = await cloud.call(openid, () => main(body.value, {}), 'wx_client');
        return send(res, 200, call.result, { 'x-db-requests': String(call.requests) });
      }
      if (route === '/api/dev/clock') {
        if (req.method === 'POST') {
          const body = await readJson(req, res);
          if (!body.ok) return;
          const now = soleField(body.value, 'now');
          const parsed = parseInstant(now?.value);
          if (!now || (now.value !== null && !parsed)) {
            return fail(res, 400, 'INVALID_INPUT', 'send { "now": "2026-12-01T10:00:00+08:00" } (an instant with its offset, years 2000–2099) or { "now": null }');
          }
          clock.set(parsed);
        }
        return send(res, 200, { ok: true, data: { now: clock.now().toISOString(), shifted: clock.isShifted() } });
      }
      if (route === '/api/dev/openapi') {
        // what the functions asked WeChat to do (subscribe messages, wxacode, phone numbers), newest last
        const api = url.searchParams.get('api');
        const calls = (api ? cloud.openapi.sent(api) : cloud.openapi.calls).slice(-200);
        return send(res, 200, { ok: true, data: { calls: calls.map((c) => ({ ...c, at: c.at.toISOString() })) } });
      }
      if (route === '/api/dev/phone-code') {
        // stands in for the getPhoneNumber button: WeChat hands the page a one-time code for a number
        const body = await readJson(req, res);
        if (!body.ok) return;
        const phone = soleField(body.value, 'phone')?.value;
        if (typeof phone !== 'string' || !isMainlandMobile(phone)) {
          return fail(res, 400, 'INVALID_INPUT', 'send { "phone": "13812345678" } (a mainland mobile number)');
        }
        return send(res, 200, { ok: true, data: { code: cloud.openapi.issuePhoneCode(phone) } });
      }
      const posMatch = /^\/api\/pos\/([^/]+)$/.exec(route);
      if (posMatch) {
        const pos = functions.pos;
        if (!pos) return fail(res, 404, 'NOT_FOUND', 'the pos function is not deployed');
        let body: string;
        try {
          body = await readBody(req);
        } catch (err) {
          return fail(res, err instanceof BodyTooLarge ? 413 : 400, 'INVALID_INPUT', err instanceof BodyTooLarge ? 'request body is too large' : 'request body is not valid UTF-8');
        }
        // the event CloudBase's HTTP access hands an HTTP-triggered function
        const event = { path: `/pos/${posMatch[1]}`, httpMethod: req.method, headers: flatHeaders(req.headers), body, isBase64Encoded: false };
        const call = await cloud.call(null, () => pos(event, {}));
        const answer = call.result as unknown as { statusCode: number; headers: Record<string, string>; body: string };
        res.writeHead(answer.statusCode, { ...answer.headers, 'x-db-requests': String(call.requests) });
        return void res.end(answer.body);
      }
      const jobMatch = /^\/api\/dev\/jobs\/([^/]+)$/.exec(route);
      if (jobMatch) {
        const jobs = functions.jobs;
        const job = jobMatch[1]!;
        if (!jobs || !(JOB_NAMES as readonly string[]).concat('all').includes(job)) {
          return fail(res, 400, 'INVALID_INPUT', `unknown job ${clip(job)}; known: ${JOB_NAMES.join(', ')}, all`);
        }
        // "run it now": the day's run starts over, so a dev can run a job again after moving the clock
        const call = await cloud.call(null, () => jobs({ action: 'run', job, restart: true }, {}), 'wx_trigger');
        return send(res, 200, call.result, { 'x-db-requests': String(call.requests) });
      }
      return fail(res, 404, 'NOT_FOUND', `no route ${clip(route, 80)}`);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return fail(res, 405, 'INVALID_INPUT', 'only GET is served here');
    }

    const svg = /^\/static\/products\/([A-Z0-9]+)\.svg$/.exec(route);
    if (svg) {
      const product = catalog.get(svg[1]!);
      if (!product) return fail(res, 404, 'NOT_FOUND', 'no such product image');
      res.writeHead(200, { 'content-type': MIME['.svg']!, 'cache-control': 'public, max-age=86400' });
      return void res.end(productSvg(product));
    }

    const h5Dir = options.h5Dir;
    if (h5Dir && fs.existsSync(path.join(h5Dir, 'index.html'))) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(route);
      } catch {
        return fail(res, 400, 'INVALID_INPUT', 'the path is not valid percent-encoding');
      }
      const file = path.normalize(path.join(h5Dir, route === '/' ? 'index.html' : decoded));
      if (!file.startsWith(path.normalize(h5Dir) + path.sep)) return fail(res, 404, 'NOT_FOUND', 'not found');
      const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(h5Dir, 'index.html');
      res.writeHead(200, { 'content-type': MIME[path.extname(target)] ?? 'application/octet-stream' });
      return void fs.createReadStream(target).pipe(res);
    }
    if (route === '/' || route === '/index.html') {
      res.writeHead(200, { 'content-type': MIME['.html']! });
      return void res.end(PLACEHOLDER);
    }
    return fail(res, 404, 'NOT_FOUND', `no route ${clip(route, 80)}`);
  }

  return (req, res) => {
    handle(req, res).catch((err) => {
      console.error('[gateway] internal error:', err);
      if (!res.headersSent) fail(res, 500, 'INTERNAL', 'internal error');
      else res.end();
    });
  };
}

export function createGateway(options: GatewayOptions): http.Server {
  return http.createServer(gatewayListener(options));
}
