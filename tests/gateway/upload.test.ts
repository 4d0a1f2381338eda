import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isAvatarRef } from '../../cloudfunctions/contract/formats';
import { installLocalCloud, type LocalCloud } from '../../local/cloud/install';
import { DevClock } from '../../local/devClock';
import { DEV_FILE_ID_PREFIX, DEV_FILES_ROUTE, devFileIdOfRoute, devFileUrl } from '../../local/files';
import { createGateway } from '../../local/gateway';
import { post, startDevServer, type DevServer } from '../support/devServer';

jest.setTimeout(90_000);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L-test-body')]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function upload(base: string, bytes: Buffer, type: string, headers: Record<string, string> = { 'X-OpenId': 'avatar-1' }) {
  return fetch(`${base}api/dev/upload`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: new Uint8Array(bytes) });
}

/** GET with the target sent exactly as written (fetch would fold "..", "%2e%2e" and "\" first). */
function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path: target }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('latin1')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the dev stand-in for cloud storage', () => {
  describe('the file id ↔ URL rule', () => {
    it('maps cloud://styleclub-dev.local/<path> to /api/dev/files/<path> and back', () => {
      const id = `${DEV_FILE_ID_PREFIX}avatars/${'a'.repeat(64)}.png`;
      expect(devFileUrl(id)).toBe(`${DEV_FILES_ROUTE}avatars/${'a'.repeat(64)}.png`);
      expect(devFileIdOfRoute(devFileUrl(id)!)).toBe(id);
    });

    it('maps no other env, and no path with an empty, "." or ".." segment, "%" or "\\"', () => {
      for (const id of ['cloud://prod-1a2b.7072-prod/avatars/x.png', 'https://thirdwx.qlogo.cn/mmopen/x', `${DEV_FILE_ID_PREFIX}../journal.ndjson`, `${DEV_FILE_ID_PREFIX}a/./b.png`, `${DEV_FILE_ID_PREFIX}/etc/passwd`, `${DEV_FILE_ID_PREFIX}%2e%2e/x.png`, `${DEV_FILE_ID_PREFIX}a\\..\\b.png`]) {
        expect([id, devFileUrl(id)]).toEqual([id, null]);
      }
    });
  });

  describe('on the dev server (npm start), kept under <data dir>/files/avatars/', () => {
    let server: DevServer;
    const avatarsDir = () => path.join(server.dataDir, 'files', 'avatars');
    const stored = () => (fs.existsSync(avatarsDir()) ? fs.readdirSync(avatarsDir()).sort() : []);
    beforeAll(async () => {
      server = await startDevServer({ args: ['--reset'] });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('answers a PNG upload with a cloud:// file id that member.profile accepts, and serves the same bytes back as image/png', async () => {
      const res = await upload(server.url, PNG, 'image/png');
      expect(res.status).toBe(200);
      const body = await res.json();
      const fileID = `cloud://styleclub-dev.local/avatars/${sha256(PNG)}.png`;
      expect(body).toEqual({ ok: true, data: { fileID } });
      expect(isAvatarRef(fileID)).toBe(true);
      expect(fs.readFileSync(path.join(avatarsDir(), `${sha256(PNG)}.png`)).equals(PNG)).toBe(true);

      const image = await fetch(new URL(devFileUrl(fileID)!, server.url));
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

      await post(`${server.url}api/fn/member`, { action: 'enroll', storeId: 'S001', privacyAccepted: true }, { 'X-OpenId': 'avatar-1' });
      const profile = await post(`${server.url}api/fn/member`, { action: 'profile', avatar: fileID }, { 'X-OpenId': 'avatar-1' });
      expect(profile.body).toMatchObject({ ok: true, data: { avatar: fileID } });
    });

    it('answers the same file id for the same bytes, and keeps one copy', async () => {
      const first = await (await upload(server.url, PNG, 'image/png', { 'X-OpenId': 'twice-1' })).json();
      const second = await (await upload(server.url, PNG, 'image/png', { 'X-OpenId': 'twice-2' })).json();
      expect(second.data.fileID).toBe(first.data.fileID);
      expect(stored().filter((name) => name.startsWith(sha256(PNG)))).toEqual([`${sha256(PNG)}.png`]);
    });

    it('takes JPEG and WebP under their own extensions and serves them with their own Content-Type', async () => {
      for (const [bytes, type, ext] of [[JPEG, 'image/jpeg', 'jpg'], [WEBP, 'image/webp', 'webp']] as const) {
        const body = await (await upload(server.url, bytes, `${type}; charset=binary`)).json();
        expect(body).toEqual({ ok: true, data: { fileID: `cloud://styleclub-dev.local/avatars/${sha256(bytes)}.${ext}` } });
        const image = await fetch(new URL(devFileUrl(body.data.fileID)!, server.url));
        expect([type, image.headers.get('content-type'), Buffer.from(await image.arrayBuffer()).equals(bytes)]).toEqual([type, type, true]);
      }
    });

    it('refuses bytes that are not an image of the declared type as INVALID_INPUT, and stores nothing', async () => {
      const before = stored();
      const cases: Array<[Buffer, string, string]> = [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 'the body is not a PNG, JPEG or WebP image, but Content-Type says image/png'],
        [PNG, 'image/jpeg', 'the body is a PNG image, but Content-Type says image/jpeg'],
        [Buffer.from('RIFF\0\0\0\0WAVEfmt '), 'image/webp', 'the body is not a PNG, JPEG or WebP image, but Content-Type says image/webp'],
        [PNG, 'image/svg+xml', 'Content-Type must be image/png, image/jpeg or image/webp'],
        [Buffer.alloc(0), 'image/png', 'the body is empty: send the image bytes'],
      ];
      for (const [bytes, type, message] of cases) {
        const res = await upload(server.url, bytes, type);
        expect([type, res.status, await res.json()]).toEqual([type, 400, { ok: false, error: { code: 'INVALID_INPUT', message } }]);
      }
      expect(stored()).toEqual(before);
    });

    it('answers 413 to an image over 2 MB, and takes one of exactly 2 MB', async () => {
      const big = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(2 * 1024 * 1024 - 8, 1)]);
      const over = await upload(server.url, Buffer.concat([big, Buffer.from([1])]), 'image/png');
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(stored()).not.toContain(`${sha256(Buffer.concat([big, Buffer.from([1])]))}.png`);
      expect((await upload(server.url, big, 'image/png')).status).toBe(200);
    });

    it('refuses an upload without X-OpenId as UNAUTHENTICATED, the way /api/fn does, and a malformed one with 400', async () => {
      const anonymous = await upload(server.url, PNG, 'image/png', {});
      expect(anonymous.status).toBe(200);
      expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const malformed = await upload(server.url, PNG, 'image/png', { 'X-OpenId': 'a b/c' });
      expect(malformed.status).toBe(400);
    });

    it('answers a wrong method with 405 and the allowed ones in Allow', async () => {
      const get = await fetch(`${server.url}api/dev/upload`);
      expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
      const fileUrl = `${server.url}api/dev/files/avatars/${sha256(PNG)}.png`;
      const del = await fetch(fileUrl, { method: 'DELETE' });
      expect([del.status, del.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
      expect(await del.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const head = await fetch(fileUrl, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-length')]).toEqual([200, String(PNG.length)]);
    });

    it('answers 404 NOT_FOUND for a file that was never stored', async () => {
      const res = await fetch(`${server.url}api/dev/files/avatars/${'0'.repeat(64)}.png`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('never serves a file from outside the files folder, however the path is spelled', async () => {
      const secret = Buffer.concat([PNG.subarray(0, 8), Buffer.from('SECRET-OUTSIDE')]);
      fs.writeFileSync(path.join(server.dataDir, 'secret.png'), secret);
      fs.mkdirSync(avatarsDir(), { recursive: true });
      fs.symlinkSync(path.join(server.dataDir, 'secret.png'), path.join(avatarsDir(), 'link.png'));
      const targets = [
        '/api/dev/files/../secret.png',
        '/api/dev/files/avatars/../../secret.png',
        '/api/dev/files/../journal.ndjson',
        '/api/dev/files/%2e%2e/secret.png',
        '/api/dev/files/%2E%2E%2Fsecret.png',
        '/api/dev/files/..%2fsecret.png',
        '/api/dev/files/avatars/..\\..\\secret.png',
        '/api/dev/files/..\\secret.png',
        '/api/dev/files//etc/passwd',
        `/api/dev/files/${server.dataDir}/secret.png`,
        `/api/dev/files/%2F${encodeURIComponent(server.dataDir.slice(1))}%2Fsecret.png`,
        '/api/dev/files/avatars/./../../secret.png',
        '/api/dev/x/../files/avatars/link.png',
      ];
      for (const target of targets) {
        const res = await rawGet(server.url, target);
        expect([target, res.status, JSON.parse(res.body).error.code]).toEqual([target, 400, 'INVALID_INPUT']);
      }
      // a plain path, but a symlink out of the folder
      const link = await rawGet(server.url, '/api/dev/files/avatars/link.png');
      expect([link.status, link.body.includes('SECRET')]).toEqual([404, false]);
      expect(server.output()).not.toContain('internal error');
    });
  });

  describe('on a gateway given no filesDir, kept in memory', () => {
    let cloud: LocalCloud;
    let gateway: http.Server;
    let base: string;
    beforeAll(async () => {
      cloud = installLocalCloud();
      gateway = createGateway({ cloud, clock: new DevClock(), functions: {} });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      await new Promise((resolve) => gateway.close(resolve));
      cloud.close();
    });

    it('serves an uploaded image back and stores nothing for bytes it refuses', async () => {
      const { data } = await (await upload(base, WEBP, 'image/webp')).json();
      const image = await fetch(new URL(devFileUrl(data.fileID)!, base));
      expect([image.status, Buffer.from(await image.arrayBuffer()).equals(WEBP)]).toEqual([200, true]);
      expect((await upload(base, JPEG, 'image/png')).status).toBe(400);
      expect((await fetch(`${base}api/dev/files/avatars/${sha256(JPEG)}.png`)).status).toBe(404);
      expect((await fetch(`${base}api/dev/files/avatars/${sha256(JPEG)}.jpg`)).status).toBe(404);
    });
  });
});
