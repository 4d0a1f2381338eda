/**
 * The album's WeChat-only calls, typed by miniprogram-api-typings as in services/weapp.ts. Only the
 * subpackages that draw pictures import them (the invite poster, the style report's picture), so
 * they stay out of the main package. Use them on the weapp path only: the H5 preview has no `wx`.
 */
import type { CanvasNode } from '../weapp';

/**
 * Writes base64 data to a file in the mini program's own user folder and answers its path (what
 * `canvas.createImage()` loads: a data URI there does not load on every base library).
 */
export function writeBase64File(name: string, base64: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${name}`;
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(filePath), fail: reject });
  });
}

/** How saving a picture to the album ended: saved, the album permission refused, the shopper closed the dialog, or another failure. */
export type AlbumSave = 'saved' | 'denied' | 'cancelled' | 'failed';

/** Saves what a `<Canvas type="2d">` shows to the phone's album as a PNG. */
export async function saveCanvasToAlbum(canvas: CanvasNode): Promise<AlbumSave> {
  let filePath: string;
  try {
    filePath = (await wx.canvasToTempFilePath({ canvas, fileType: 'png' })).tempFilePath;
  } catch {
    return 'failed';
  }
  try {
    await wx.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch (e) {
    const message = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';
    if (/cancel/i.test(message)) return 'cancelled';
    // "auth deny", "auth denied", "authorize no response", or the privacy guide not agreed to
    if (/auth|privacy|permission/i.test(message)) return 'denied';
    return 'failed';
  }
}

/** Opens the mini program's permission settings; true when the album permission is on afterwards. */
export async function openAlbumSetting(): Promise<boolean> {
  try {
    const { authSetting } = await wx.openSetting();
    return authSetting['scope.writePhotosAlbum'] === true;
  } catch {
    return false;
  }
}
