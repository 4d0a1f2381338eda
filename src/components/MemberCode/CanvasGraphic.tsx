import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { CanvasNode } from '../../services/weapp';
import type { GraphicProps } from './ImageGraphic';

let canvasSeq = 0;

/** WeChat: the code on a 2d canvas, the route that works on every base library (an SVG data URI in <image> does not everywhere). */
export function CanvasGraphic({ drawing, width, height, className, label }: GraphicProps) {
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
  return <Canvas type='2d' id={id} className={className} style={{ width: Taro.pxTransform(width), height: Taro.pxTransform(height) }} aria-label={label} />;
}
