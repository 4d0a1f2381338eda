import { Button, Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { downloadCanvasPng, keepCanvasInAlbum } from '../../../services/album';
import { writeBase64File } from '../../../services/album/weapp';
import type { CanvasNode } from '../../../services/weapp';
import { drawPoster, POSTER, type PosterContent } from './draw';

export interface PosterProps {
  /** the mini program code for the member's scene, a PNG in base64 (referral.posterCode) */
  codePng: string;
  content: PosterContent;
}

type Drawn = 'drawing' | 'ready' | 'failed';
const CANVAS_ID = 'invite-poster';
const FILE_NAME = '悦衣库邀请海报.png';

/**
 * The invite poster on a 2d canvas at the device pixel ratio, and the button that keeps it: saved
 * to the album in WeChat (a refused album permission is explained, with the way to the setting),
 * downloaded as a PNG in the H5 preview.
 */
export function Poster({ codePng, content }: PosterProps) {
  const [drawn, setDrawn] = useState<Drawn>('drawing');
  const [saving, setSaving] = useState(false);
  // what the save button keeps: WeChat's canvas node, or the HTML canvas
  const weappCanvas = useRef<CanvasNode | null>(null);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';

  useEffect(() => {
    let live = true;
    setDrawn('drawing');
    const done = (ok: boolean) => live && setDrawn(ok ? 'ready' : 'failed');
    if (h5) drawOnHtmlCanvas(htmlCanvas.current, codePng, content).then(done, () => done(false));
    else drawOnWeappCanvas(codePng, content, (node) => (weappCanvas.current = node)).then(done, () => done(false));
    return () => {
      live = false;
    };
  }, [codePng, content.nickname, content.passName, content.minOrderFen, content.returnWindowDays]);

  async function save(): Promise<void> {
    if (saving || drawn !== 'ready') return;
    setSaving(true);
    try {
      if (h5) downloadCanvasPng(htmlCanvas.current, FILE_NAME, '海报已下载');
      else await keepCanvasInAlbum(weappCanvas.current);
    } finally {
      setSaving(false);
    }
  }

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

/** The canvas's size on screen, in CSS px, whatever the phone (the stylesheet sizes it in design px). */
function bitmapSize(cssWidth: number, ratio: number) {
  const width = cssWidth > 0 ? cssWidth : POSTER.width;
  return { width: Math.round(width * ratio), height: Math.round(((width * POSTER.height) / POSTER.width) * ratio) };
}

async function drawOnWeappCanvas(codePng: string, content: PosterContent, keep: (node: CanvasNode) => void): Promise<boolean> {
  const found = await new Promise<{ node: CanvasNode; width: number } | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node: CanvasNode; width: number } | null>) => resolve(res[0]?.node ? res[0] : null));
  });
  if (!found) return false;
  const canvas = found.node;
  const size = bitmapSize(found.width, Taro.getWindowInfo().pixelRatio);
  canvas.width = size.width;
  canvas.height = size.height;
  const image = canvas.createImage();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
  });
  // a file in the mini program's user folder: a data URI does not load on every base library
  image.src = await writeBase64File('invite-code.png', codePng);
  await loaded;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / POSTER.width, size.width / POSTER.width);
  drawPoster(ctx, image, content);
  keep(canvas);
  return true;
}

async function drawOnHtmlCanvas(canvas: HTMLCanvasElement | null, codePng: string, content: PosterContent): Promise<boolean> {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return false;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
    image.src = `data:image/png;base64,${codePng}`;
  });
  const size = bitmapSize(canvas.getBoundingClientRect().width, window.devicePixelRatio || 1);
  canvas.width = size.width;
  canvas.height = size.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / POSTER.width, size.width / POSTER.width);
  drawPoster(ctx, image, content);
  return true;
}
