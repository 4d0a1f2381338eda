import { Button, Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { downloadCanvasPng, keepCanvasInAlbum } from '../../../services/album';
import { writeBase64File } from '../../../services/album/weapp';
import type { CanvasNode } from '../../../services/weapp';
import { type ClerkPosterContent, drawClerkPoster, POSTER } from './draw';

type Drawn = 'drawing' | 'ready' | 'failed';
const CANVAS_ID = 'clerk-poster';
const FILE_NAME = '我的拉新码.png';

/**
 * The clerk's poster on a 2d canvas at the device pixel ratio, and the button that keeps it: saved
 * to the album in WeChat (a refused permission is explained, with the way to the setting),
 * downloaded as a PNG in the H5 preview.
 */
export function ClerkPoster({ codePng, content }: { codePng: string; content: ClerkPosterContent }) {
  const [drawn, setDrawn] = useState<Drawn>('drawing');
  const [saving, setSaving] = useState(false);
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
  }, [codePng, content.storeName, content.clerkName]);

  async function save(): Promise<void> {
    if (saving || drawn !== 'ready') return;
    setSaving(true);
    try {
      if (h5) downloadCanvasPng(htmlCanvas.current, FILE_NAME, '拉新码已下载');
      else await keepCanvasInAlbum(weappCanvas.current);
    } finally {
      setSaving(false);
    }
  }

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

function bitmapSize(cssWidth: number, ratio: number) {
  const width = cssWidth > 0 ? cssWidth : POSTER.width;
  return { width: Math.round(width * ratio), height: Math.round(((width * POSTER.height) / POSTER.width) * ratio) };
}

async function drawOnWeappCanvas(codePng: string, content: ClerkPosterContent, keep: (node: CanvasNode) => void): Promise<boolean> {
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
  image.src = await writeBase64File('clerk-code.png', codePng);
  await loaded;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / POSTER.width, size.width / POSTER.width);
  drawClerkPoster(ctx, image, content);
  keep(canvas);
  return true;
}

async function drawOnHtmlCanvas(canvas: HTMLCanvasElement | null, codePng: string, content: ClerkPosterContent): Promise<boolean> {
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
  drawClerkPoster(ctx, image, content);
  return true;
}
