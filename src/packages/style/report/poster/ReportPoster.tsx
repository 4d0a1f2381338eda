import { Button, Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { StyleReport } from '../../../../../cloudfunctions/contract';
import { downloadCanvasPng, keepCanvasInAlbum } from '../../../../services/album';
import type { CanvasNode } from '../../../../services/weapp';
import { drawReportPoster, POSTER } from './draw';

type Drawn = 'drawing' | 'ready' | 'failed';
const CANVAS_ID = 'style-report-poster';
const FILE_NAME = '悦衣库风格报告.png';

/**
 * The report's share image on a 2d canvas at the device pixel ratio, and the button that keeps it:
 * saved to the album in WeChat, downloaded as a PNG in the H5 preview. Keeping or sending it earns
 * nothing (WeChat 诱导分享 rules), and the page never says it does.
 */
export function ReportPoster({ report }: { report: StyleReport }) {
  const [drawn, setDrawn] = useState<Drawn>('drawing');
  const [saving, setSaving] = useState(false);
  const weappCanvas = useRef<CanvasNode | null>(null);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';

  useEffect(() => {
    let live = true;
    setDrawn('drawing');
    const done = (ok: boolean) => live && setDrawn(ok ? 'ready' : 'failed');
    if (h5) drawOnHtmlCanvas(htmlCanvas.current, report).then(done, () => done(false));
    else drawOnWeappCanvas(report, (node) => (weappCanvas.current = node)).then(done, () => done(false));
    return () => {
      live = false;
    };
  }, [report]);

  async function save(): Promise<void> {
    if (saving || drawn !== 'ready') return;
    setSaving(true);
    try {
      if (h5) downloadCanvasPng(htmlCanvas.current, FILE_NAME, '图片已下载');
      else await keepCanvasInAlbum(weappCanvas.current);
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className='report-poster'>
      <View className='report-poster__frame'>
        {h5 ? <canvas ref={htmlCanvas} className='report-poster__canvas' aria-label='风格报告图片' /> : <Canvas type='2d' id={CANVAS_ID} className='report-poster__canvas' aria-label='风格报告图片' />}
        {drawn === 'drawing' ? <View className='report-poster__veil'>正在生成图片…</View> : null}
        {drawn === 'failed' ? <View className='report-poster__veil'>图片没能画出来，请返回后再试</View> : null}
      </View>
      <Button className={`btn btn-primary report-poster__save${drawn !== 'ready' || saving ? ' btn--off' : ''}`} disabled={drawn !== 'ready' || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : h5 ? '下载图片' : '保存到相册'}
      </Button>
      <Text className='muted report-poster__note'>图片只有你的风格和色彩，不含会员信息</Text>
    </View>
  );
}

/** The canvas's bitmap for its size on screen (CSS px) at the device pixel ratio. */
function bitmapSize(cssWidth: number, ratio: number) {
  const width = cssWidth > 0 ? cssWidth : POSTER.width;
  return { width: Math.round(width * ratio), height: Math.round(((width * POSTER.height) / POSTER.width) * ratio) };
}

async function drawOnWeappCanvas(report: StyleReport, keep: (node: CanvasNode) => void): Promise<boolean> {
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
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / POSTER.width, size.width / POSTER.width);
  drawReportPoster(ctx, report);
  keep(canvas);
  return true;
}

async function drawOnHtmlCanvas(canvas: HTMLCanvasElement | null, report: StyleReport): Promise<boolean> {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return false;
  const size = bitmapSize(canvas.getBoundingClientRect().width, window.devicePixelRatio || 1);
  canvas.width = size.width;
  canvas.height = size.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / POSTER.width, size.width / POSTER.width);
  drawReportPoster(ctx, report);
  return true;
}
