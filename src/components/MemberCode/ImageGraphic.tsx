import { Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import { type Drawing, svgDataUri } from './drawing';

export interface GraphicProps {
  drawing: Drawing;
  /** on-screen size in design px (750 wide) */
  width: number;
  height: number;
  className?: string;
  label: string;
}

/** H5: the code as an SVG data URI in an image. */
export function ImageGraphic({ drawing, width, height, className, label }: GraphicProps) {
  const src = useMemo(() => svgDataUri(drawing), [drawing]);
  return <Image className={className} src={src} mode='scaleToFill' style={{ width: Taro.pxTransform(width), height: Taro.pxTransform(height) }} ariaLabel={label} />;
}
