import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import { bitmapDataUri, type Drawing } from './drawing';

export interface GraphicProps {
  drawing: Drawing;
  /** on-screen size in design px (750 wide) */
  width: number;
  height: number;
  className?: string;
  label: string;
}

/**
 * H5: the code as a bitmap data URI in the browser's own <img> (this file is built for H5 only), not
 * Taro's <Image>: the custom element draws its picture a render later (≈ 100–170 ms at 4× CPU on
 * the card), the plain element at once.
 */
export function ImageGraphic({ drawing, width, height, className, label }: GraphicProps) {
  const src = useMemo(() => bitmapDataUri(drawing), [drawing]);
  return (
    <View className={className} style={{ width: Taro.pxTransform(width), height: Taro.pxTransform(height) }}>
      <img src={src} alt={label} aria-label={label} style={{ display: 'block', width: '100%', height: '100%', imageRendering: 'pixelated' }} />
    </View>
  );
}
