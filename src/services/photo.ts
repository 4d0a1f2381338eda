import Taro from '@tarojs/taro';
import type { Envelope } from '../../cloudfunctions/contract';
import { postToDevStorage } from './avatar';

/** A wardrobe photo is kept at most this many pixels on its long side: the item page shows it about 690 px wide. */
const PHOTO_PX = 960;

/**
 * The photo of a piece the member adds: taken or picked with chooseMedia (one image, compressed),
 * then put into the programme's storage; the answer is its file id (cloud://…), the only picture
 * addItem accepts. WeChat: cloud storage under wardrobe/; H5 preview: the dev gateway's stand-in
 * storage, after scaling the photo down in the browser (as avatars are, avatar.ts).
 */
export async function choosePhoto(): Promise<string | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles[0]?.tempFilePath ?? null;
  } catch {
    // the shopper closed the picker
    return null;
  }
}

export async function uploadPhoto(tempPath: string): Promise<Envelope<{ fileID: string }>> {
  try {
    if (process.env.TARO_ENV === 'h5') return await postToDevStorage(await scaledJpeg(tempPath));
    const ext = /\.(png|jpe?g|webp)$/i.exec(tempPath)?.[1]?.toLowerCase() ?? 'jpg';
    const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const res = await Taro.cloud.uploadFile({ cloudPath: `wardrobe/${name}.${ext}`, filePath: tempPath });
    return { ok: true, data: { fileID: res.fileID } };
  } catch (e) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The whole photo, its long side at most PHOTO_PX, as JPEG. */
async function scaledJpeg(src: string): Promise<Blob> {
  const img = new window.Image();
  img.src = src;
  await img.decode();
  const k = Math.min(1, PHOTO_PX / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * k));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('could not encode the picture'))), 'image/jpeg', 0.86));
}
