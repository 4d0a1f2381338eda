import { Button, Canvas, Text, View } from '@tarojs/components';
import { usePosterCanvas } from '../../../services/usePosterCanvas';
import { type ClerkPosterContent, drawClerkPoster, POSTER } from './draw';

const CANVAS_ID = 'clerk-poster';

/**
 * The clerk's poster on a 2d canvas at the device pixel ratio, and the button that keeps it: saved
 * to the album in WeChat (a refused permission is explained, with the way to the setting),
 * downloaded as a PNG in the H5 preview.
 */
export function ClerkPoster({ codePng, content }: { codePng: string; content: ClerkPosterContent }) {
  const { drawn, saving, save, htmlCanvas, h5 } = usePosterCanvas(
    { size: POSTER, canvasId: CANVAS_ID, codeFile: 'clerk-code.png', fileName: '我的拉新码.png', downloaded: '拉新码已下载', draw: (ctx, code) => drawClerkPoster(ctx, code, content) },
    codePng,
    [content.storeName, content.clerkName],
  );

  return (
    <View className='staff-poster__card'>
      {h5 ? <canvas ref={htmlCanvas} className='staff-poster__canvas' aria-label='我的拉新码' /> : <Canvas type='2d' id={CANVAS_ID} className='staff-poster__canvas' aria-label='我的拉新码' />}
      {drawn === 'drawing' ? <Text className='muted'>正在生成拉新码…</Text> : null}
      {drawn === 'failed' ? <Text className='muted'>拉新码没能画出来，请返回后再试</Text> : null}
      <Button className={`btn btn-primary staff-poster__actions${drawn !== 'ready' || saving ? ' btn--off' : ''}`} disabled={drawn !== 'ready' || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : h5 ? '下载拉新码图片' : '保存到相册'}
      </Button>
    </View>
  );
}
