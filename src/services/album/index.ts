/**
 * Keeping a picture the app drew (the invite poster, the style report's share image): saved to
 * the album in WeChat (the calls in ./weapp.ts), or downloaded as a PNG in the H5 preview. Only
 * subpackages import it, so it stays out of the main package.
 */
import Taro from '@tarojs/taro';
import type { CanvasNode } from '../weapp';
import { openAlbumSetting, saveCanvasToAlbum } from './weapp';

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
