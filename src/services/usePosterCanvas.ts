import Taro from '@tarojs/taro';
import { type DependencyList, useEffect, useRef, useState } from 'react';
import { downloadCanvasPng, keepCanvasInAlbum } from './album';
import { writeBase64File } from './album/weapp';
import type { Context2D } from './canvas';
import type { CanvasNode } from './weapp';

export type PosterDrawn = 'drawing' | 'ready' | 'failed';

/** One poster that carries a mini program code: its layout size, how it is drawn, and where it is kept. */
export interface PosterSpec {
  /** the poster's design size (the drawing's units) */
  size: { width: number; height: number };
  /** the WeChat canvas's id */
  canvasId: string;
  /** the code's PNG written to the mini program's user folder under this name before it loads */
  codeFile: string;
  /** the H5 download's file name and what the toast says */
  fileName: string;
  downloaded: string;
  draw: (ctx: Context2D<unknown>, code: unknown) => void;
}

/**
 * Draws a poster with a mini program code on a 2d canvas at the device pixel ratio (WeChat's canvas
 * node, or an HTML canvas in the H5 preview), redrawn when `deps` change, and saves it: to the
 * album in WeChat (a refused permission is explained there), as a PNG download in H5.
 */
export function usePosterCanvas(spec: PosterSpec, codePng: string, deps: DependencyList) {
  const [drawn, setDrawn] = useState<PosterDrawn>('drawing');
  const [saving, setSaving] = useState(false);
  // what the save button keeps: WeChat's canvas node, or the HTML canvas
  const weappCanvas = useRef<CanvasNode | null>(null);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';

  useEffect(() => {
    let live = true;
    setDrawn('drawing');
    const done = (ok: boolean) => live && setDrawn(ok ? 'ready' : 'failed');
    if (h5) drawOnHtmlCanvas(htmlCanvas.current, codePng, spec).then(done, () => done(false));
    else drawOnWeappCanvas(codePng, spec, (node) => (weappCanvas.current = node)).then(done, () => done(false));
    return () => {
      live = false;
    };
    // redrawn when the code or what the poster says changes (`deps`: the content's fields, not its object)
  }, [codePng, ...deps]);

  async function save(): Promise<void> {
    if (saving || drawn !== 'ready') return;
    setSaving(true);
    try {
      if (h5) downloadCanvasPng(htmlCanvas.current, spec.fileName, spec.downloaded);
      else await keepCanvasInAlbum(weappCanvas.current);
    } finally {
      setSaving(false);
    }
  }

  return { drawn, saving, save, htmlCanvas, h5 };
}

/** The canvas's size on screen, in CSS px, whatever the phone (the stylesheet sizes it in design px). */
function bitmapSize(cssWidth: number, ratio: number, size: PosterSpec['size']) {
  const width = cssWidth > 0 ? cssWidth : size.width;
  return { width: Math.round(width * ratio), height: Math.round(((width * size.height) / size.width) * ratio) };
}

async function drawOnWeappCanvas(codePng: string, spec: PosterSpec, keep: (node: CanvasNode) => void): Promise<boolean> {
  const found = await new Promise<{ node: CanvasNode; width: number } | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${spec.canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node: CanvasNode; width: number } | null>) => resolve(res[0]?.node ? res[0] : null));
  });
  if (!found) return false;
  const canvas = found.node;
  const size = bitmapSize(found.width, Taro.getWindowInfo().pixelRatio, spec.size);
  canvas.width = size.width;
  canvas.height = size.height;
  const image = canvas.createImage();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
  });
  // a file in the mini program's user folder: a data URI does not load on every base library
  image.src = await writeBase64File(spec.codeFile, codePng);
  await loaded;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / spec.size.width, size.width / spec.size.width);
  spec.draw(ctx, image);
  keep(canvas);
  return true;
}

async function drawOnHtmlCanvas(canvas: HTMLCanvasElement | null, codePng: string, spec: PosterSpec): Promise<boolean> {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return false;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
    image.src = `data:image/png;base64,${codePng}`;
  });
  const size = bitmapSize(canvas.getBoundingClientRect().width, window.devicePixelRatio || 1, spec.size);
  canvas.width = size.width;
  canvas.height = size.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.scale(size.width / spec.size.width, size.width / spec.size.width);
  spec.draw(ctx as unknown as Context2D<unknown>, image);
  return true;
}
