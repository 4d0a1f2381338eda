import Taro from '@tarojs/taro';
import type { Envelope } from '../../cloudfunctions/contract';
import { devOpenid } from './devIdentity';

/** Avatars are stored square and small: they are shown at most 88 px wide. */
const AVATAR_PX = 320;

/**
 * Puts a chosen picture into the programme's storage and answers its file id (cloud://…), the
 * only kind of avatar the member functions accept. WeChat: cloud storage; H5 preview: the dev
 * gateway's stand-in storage, after shrinking the photo in the browser.
 */
export async function uploadAvatar(tempPath: string): Promise<Envelope<{ fileID: string }>> {
  try {
    if (process.env.TARO_ENV === 'h5') return await uploadToDevStorage(tempPath);
    const ext = /\.(png|jpe?g|webp)$/i.exec(tempPath)?.[1]?.toLowerCase() ?? 'jpg';
    const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const res = await Taro.cloud.uploadFile({ cloudPath: `avatars/${name}.${ext}`, filePath: tempPath });
    return { ok: true, data: { fileID: res.fileID } };
  } catch (e) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: e instanceof Error ? e.message : String(e) } };
  }
}

async function uploadToDevStorage(tempPath: string): Promise<Envelope<{ fileID: string }>> {
  return postToDevStorage(await squareJpeg(tempPath));
}

/** H5 preview only: a JPEG into the dev gateway's stand-in storage (avatars and wardrobe photos alike). */
export async function postToDevStorage(body: Blob): Promise<Envelope<{ fileID: string }>> {
  const res = await fetch('/api/dev/upload', {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-openid': devOpenid() },
    body,
  });
  return (await res.json()) as Envelope<{ fileID: string }>;
}

/** The centre square of the photo, scaled down, as JPEG. */
async function squareJpeg(src: string): Promise<Blob> {
  const img = new window.Image();
  img.src = src;
  await img.decode();
  const side = Math.min(img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = AVATAR_PX;
  canvas.height = AVATAR_PX;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, (img.naturalWidth - side) / 2, (img.naturalHeight - side) / 2, side, side, 0, 0, AVATAR_PX, AVATAR_PX);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('could not encode the picture'))), 'image/jpeg', 0.86),
  );
}
