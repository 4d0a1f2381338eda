import { Canvas, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef } from 'react';
import type { CanvasNode } from '../../services/weapp';
import { type Drawing, svgDataUri } from './drawing';

interface GraphicProps {
  drawing: Drawing;
  /** on-screen size in design px (750 wide) */
  width: number;
  height: number;
  className?: string;
  label: string;
}

let canvasSeq = 0;

/**
 * Draws a black-on-white code. H5: an SVG data URI in an image. WeChat: a 2d canvas, the route
 * that works on every base library (an SVG data URI in <image> does not everywhere).
 */
export function Graphic({ drawing, width, height, className, label }: GraphicProps) {
  const src = useMemo(() => (process.env.TARO_ENV === 'h5' ? svgDataUri(drawing) : ''), [drawing]);
  if (process.env.TARO_ENV === 'h5') {
    return <Image className={className} src={src} mode='scaleToFill' style={sized(width, height)} ariaLabel={label} />;
  }
  return <CanvasGraphic drawing={drawing} width={width} height={height} className={className} label={label} />;
}

function sized(width: number, height: number) {
  return { width: Taro.pxTransform(width), height: Taro.pxTransform(height) };
}

function CanvasGraphic({ drawing, width, height, className, label }: GraphicProps) {
  const id = useRef(`code-canvas-${(canvasSeq += 1)}`).current;
  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node: CanvasNode; width: number; height: number } | null>) => {
        const found = res[0];
        if (!found?.node) return;
        const canvas = found.node;
        const ratio = Taro.getWindowInfo().pixelRatio;
        canvas.width = found.width * ratio;
        canvas.height = found.height * ratio;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        const sx = canvas.width / drawing.width;
        const sy = canvas.height / drawing.height;
        ctx.fillStyle = '#000';
        // whole device pixels: a bar smeared over two pixels reads as grey to a scanner
        for (const [x, y, w, h] of drawing.rects) {
          const left = Math.round(x * sx);
          const top = Math.round(y * sy);
          ctx.fillRect(left, top, Math.round((x + w) * sx) - left, Math.round((y + h) * sy) - top);
        }
      });
  }, [drawing, id]);
  return <Canvas type='2d' id={id} className={className} style={sized(width, height)} aria-label={label} />;
}
