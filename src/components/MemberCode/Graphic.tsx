import { CanvasGraphic } from './CanvasGraphic';
import { type GraphicProps, ImageGraphic } from './ImageGraphic';

/**
 * Draws a black-on-white code: a bitmap image in H5, a 2d canvas in WeChat. Each build takes only its
 * own (Taro resolves Graphic.h5.tsx / Graphic.weapp.tsx first): the canvas code and the APIs it
 * calls stay out of the H5 card's first script, and the bitmap writer out of the mini program's main package.
 * This file, with both, is what the tests import (they choose the platform by TARO_ENV).
 */
export function Graphic(props: GraphicProps) {
  return process.env.TARO_ENV === 'h5' ? <ImageGraphic {...props} /> : <CanvasGraphic {...props} />;
}
