/**
 * Keeping a picture the app drew (the invite poster, the style report's share image): saved to
 * the album in WeChat, typed by miniprogram-api-typings as in services/weapp.ts, or downloaded as a
 * PNG in the H5 preview. Only the subpackages import it, so it stays out of the main package. The
 * `wx` calls are for the weapp path only: the H5 preview has no `wx`.
 */
import Taro from '@tarojs/taro';
import type { CanvasNode } from './weapp';

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

/**
 * Saves a drawn canvas to the album, and says how it went; a refused album permission is
 * explained, with the way to the setting (then it tries once more).
 */
export async function keepCanvasInAlbum(canvas: CanvasNode | null): Promise<void> {
  if (!canvas) return;
  const result = await saveCanvasToAlbum(canvas);
  if (result === 'saved') return void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  if (result === 'cancelled') return;
  if (result === 'failed') return void Taro.showToast({ title: '没能保存，请再试一次', icon: 'none' });
  // the album permission was refused (now or before): say why it is needed and where to turn it on
  const answer = await Taro.showModal({
    title: '需要你允许保存到相册',
    content: '保存图片要用到相册权限，只用来保存这张图片。可以在设置里打开「添加到相册」，再保存一次。',
    confirmText: '去设置',
    confirmColor: '#1F1B16',
    cancelText: '暂不保存',
  });
  if (!answer.confirm) return;
  if (await openAlbumSetting()) await keepCanvasInAlbum(canvas);
}

/** The H5 preview's way to keep a drawn canvas: a PNG download named `fileName`. */
export function downloadCanvasPng(canvas: HTMLCanvasElement | null, fileName: string, toast: string): void {
  if (!canvas) return;
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  void Taro.showToast({ title: toast, icon: 'success' });
}
