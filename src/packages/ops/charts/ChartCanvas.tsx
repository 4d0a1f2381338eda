import { Canvas as F2Canvas } from '@antv/f2';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { CanvasNode } from '../../../services/weapp';
import './charts.scss';

const LAYOUT_TRIES = 5;
const LAYOUT_WAIT_MS = 60;

/** A chart's width in design px: the 750 page less its padding (2 × 24) and the section's (2 × 32) and some. */
const CHART_DESIGN_WIDTH = 622;

/** An F2 element tree (Chart, Interval, Axis …) built with F2's own `jsx`, not React's. */
export type F2Element = unknown;

/** Where F2 draws: a 2d context at the device pixel ratio, the canvas's CSS size, and what WeChat's canvas lends (frames, images). */
interface Surface {
  context: CanvasRenderingContext2D;
  ratio: number;
  width: number;
  height: number;
  extra: Record<string, unknown>;
}

/** The HTML canvas of the H5 build, its bitmap sized to its CSS box at the screen's pixel ratio. */
function htmlSurface(canvas: HTMLCanvasElement | null): Surface | null {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return null;
  const { width, height } = canvas.getBoundingClientRect();
  if (width <= 0 || height <= 0) return null;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  return { context, ratio, width, height, extra: {} };
}

/** WeChat's `<Canvas type="2d">` node, found by id once the page has laid it out. */
function weappSurface(id: string): Promise<Surface | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node: CanvasNode; width: number; height: number } | null>) => {
        const found = res[0];
        if (!found?.node || found.width <= 0) return resolve(null);
        const node = found.node;
        const ratio = Taro.getWindowInfo().pixelRatio;
        node.width = Math.round(found.width * ratio);
        node.height = Math.round(found.height * ratio);
        resolve({
          context: node.getContext('2d') as unknown as CanvasRenderingContext2D,
          ratio,
          width: found.width,
          height: found.height,
          // the mini program has no window: the canvas node lends its frame timer and images
          extra: {
            requestAnimationFrame: (fn: () => void) => node.requestAnimationFrame(fn),
            cancelAnimationFrame: (n: number) => node.cancelAnimationFrame(n),
            createImage: () => node.createImage(),
          },
        });
      });
  });
}

/**
 * One F2 chart (AntV F2 5, a mobile chart library) on a 2d canvas: WeChat's canvas node in the mini
 * program, an HTML canvas in the H5 build. Drawn once the canvas is laid out, redrawn when `chart`
 * changes; without a canvas (a test's DOM) nothing is drawn and the page's text figures stand
 * alone. `label` says what the chart shows for screen readers; the page prints its figures as text too.
 */
export function ChartCanvas({ id, chart, label, height }: { id: string; chart: F2Element; label: string; height: number }) {
  const html = useRef<HTMLCanvasElement | null>(null);
  const drawn = useRef<F2Canvas | null>(null);
  const h5 = process.env.TARO_ENV === 'h5';

  useEffect(() => {
    let live = true;
    const draw = async () => {
      if (drawn.current) return drawn.current.update({ children: chart } as never);
      // the canvas may not be laid out yet on the first pass (WeChat answers no node or a zero size): a few tries, then the text stands alone
      let surface: Surface | null = null;
      for (let attempt = 0; attempt < LAYOUT_TRIES && live && !surface; attempt += 1) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, LAYOUT_WAIT_MS));
        surface = h5 ? htmlSurface(html.current) : await weappSurface(id);
      }
      if (!live || !surface) return;
      // F2's sizes ("24px" in a chart's style, its theme's fonts) are design px of the chart's own 622-px
      // width (750 less the page's and the section's padding): text in the chart reads as the page's does
      const unit = surface.width / CHART_DESIGN_WIDTH;
      const px2hd = (px: number) => Math.round(px * unit * 10) / 10;
      const canvas = new F2Canvas({ context: surface.context, pixelRatio: surface.ratio, width: surface.width, height: surface.height, animate: false, px2hd, children: chart, ...surface.extra } as never);
      drawn.current = canvas;
      await canvas.render();
    };
    // after the layout pass: the canvas has its size then
    const timer = setTimeout(() => void draw().catch(() => undefined), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [chart]);

  useEffect(
    () => () => {
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );

  const style = { height: Taro.pxTransform(height) };
  return h5 ? <canvas ref={html} className='ops-chart' style={style} aria-label={label} role='img' /> : <Canvas type='2d' id={id} className='ops-chart' style={style} aria-label={label} />;
}
