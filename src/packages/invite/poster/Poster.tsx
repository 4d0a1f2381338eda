import { Button, Canvas, Text, View } from '@tarojs/components';
import { usePosterCanvas } from '../../../services/usePosterCanvas';
import { drawPoster, POSTER, type PosterContent } from './draw';

export interface PosterProps {
  /** the mini program code for the member's scene, a PNG in base64 (referral.posterCode) */
  codePng: string;
  content: PosterContent;
}

const CANVAS_ID = 'invite-poster';

/**
 * The invite poster on a 2d canvas at the device pixel ratio, and the button that keeps it: saved
 * to the album in WeChat (a refused album permission is explained, with the way to the setting),
 * downloaded as a PNG in the H5 preview.
 */
export function Poster({ codePng, content }: PosterProps) {
  const { drawn, saving, save, htmlCanvas, h5 } = usePosterCanvas(
    { size: POSTER, canvasId: CANVAS_ID, codeFile: 'invite-code.png', fileName: '悦衣库邀请海报.png', downloaded: '海报已下载', draw: (ctx, code) => drawPoster(ctx, code, content) },
    codePng,
    [content.nickname, content.passName, content.minOrderFen, content.returnWindowDays],
  );

  return (
    <View className='poster'>
      <View className='poster__frame'>
        {h5 ? <canvas ref={htmlCanvas} className='poster__canvas' aria-label='邀请海报' /> : <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' aria-label='邀请海报' />}
        {drawn === 'drawing' ? <View className='poster__veil'>正在生成海报…</View> : null}
        {drawn === 'failed' ? <View className='poster__veil'>海报没能画出来，请返回后再试</View> : null}
      </View>
      <Button className={`btn btn-primary poster__save${drawn !== 'ready' || saving ? ' btn--off' : ''}`} disabled={drawn !== 'ready' || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : h5 ? '下载海报图片' : '保存到相册'}
      </Button>
      <Text className='muted poster__note'>{h5 ? '预览版下载为 PNG 图片' : '保存后可以发给好友，或发到朋友圈'}</Text>
    </View>
  );
}
