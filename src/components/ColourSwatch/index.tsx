import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ColourSwatchProps {
  hex: string;
  /** the colour's name under the circle; none for a bare dot */
  label?: string;
  size?: 'small' | 'medium' | 'large';
  /** chosen in a single choice: a ring round the circle */
  selected?: boolean;
  /** on one side of a two-sided choice: 喜欢 (a tick) or 不想穿 (a cross) */
  mark?: 'liked' | 'disliked' | null;
  /** a colour to be careful with: the circle struck through */
  struck?: boolean;
  /** tappable when given */
  onTap?: () => void;
  /** what tapping is: one of a single choice (a radio, `selected` says if it is the one) or a button (default) */
  kind?: 'radio' | 'button';
  /** what a screen reader says when tapping means more than the name ("纯黑，喜欢") */
  ariaLabel?: string;
}

/** Relative luminance of `#rrggbb` (sRGB), 0 black … 1 white. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** A colour as a round swatch with its name; a pale one gets an outline so it shows on white. */
export function ColourSwatch({ hex, label, size = 'medium', selected = false, mark = null, struck = false, onTap, kind = 'button', ariaLabel }: ColourSwatchProps) {
  const pale = luminance(hex) > 0.75;
  const role = onTap ? kind : undefined;
  return (
    <View
      className={`colour-swatch colour-swatch--${size}${selected ? ' colour-swatch--selected' : ''}${mark ? ` colour-swatch--${mark}` : ''}`}
      onClick={onTap}
      role={role}
      aria-checked={role === 'radio' ? (selected ? 'true' : 'false') : undefined}
      aria-label={ariaLabel ?? label}
      data-hex={hex}
    >
      <View className={`colour-swatch__dot${pale ? ' colour-swatch__dot--pale' : ''}`} style={{ backgroundColor: hex }}>
        {struck ? <View className='colour-swatch__strike' /> : null}
        {mark ? <Text className='colour-swatch__mark'>{mark === 'liked' ? '♥' : '✕'}</Text> : null}
      </View>
      {label ? <Text className='colour-swatch__label'>{label}</Text> : null}
    </View>
  );
}
