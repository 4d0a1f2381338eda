/**
 * A 2d canvas that records what is drawn on it, for poster tests: WeChat's `<Canvas type="2d">`
 * node (as `createSelectorQuery().select().fields({ node, size })` finds it) or the context alone.
 * Text is measured as its font size per character, enough to judge wrapping and fitting.
 */
export interface Drawn {
  texts: Array<{ text: string; x: number; y: number; font: string }>;
  images: Array<{ image: unknown; x: number; y: number; w: number; h: number }>;
  /** setTransform / scale calls, in order */
  transforms: Array<[string, ...number[]]>;
  fills: number;
}

export function recordingContext() {
  const drawn: Drawn = { texts: [], images: [], transforms: [], fills: 0 };
  const size = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
  const ctx = {
    fillStyle: '#000' as unknown,
    strokeStyle: '#000' as unknown,
    lineWidth: 1,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    imageSmoothingEnabled: true,
    fillRect: () => void (drawn.fills += 1),
    fillText: (text: string, x: number, y: number) => void drawn.texts.push({ text, x, y, font: ctx.font }),
    measureText: (text: string) => ({ width: Array.from(text).length * size(ctx.font) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    drawImage: (image: unknown, x: number, y: number, w: number, h: number) => void drawn.images.push({ image, x, y, w, h }),
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    arc: () => undefined,
    arcTo: () => undefined,
    closePath: () => undefined,
    fill: () => void (drawn.fills += 1),
    stroke: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    setTransform: (...m: number[]) => void drawn.transforms.push(['setTransform', ...m]),
    scale: (x: number, y: number) => void drawn.transforms.push(['scale', x, y]),
  };
  return { ctx, drawn };
}

/** WeChat's canvas node of a given CSS size: its images load (or fail) as soon as their src is set. */
export function fakeWeappCanvas(cssWidth: number, cssHeight: number, options: { imageFails?: boolean } = {}) {
  const { ctx, drawn } = recordingContext();
  const images: Array<{ src: string }> = [];
  const node = {
    width: 0,
    height: 0,
    getContext: () => ctx,
    createImage() {
      const image = {
        onload: null as null | (() => void),
        onerror: null as null | ((e: unknown) => void),
        loaded: '',
        set src(value: string) {
          image.loaded = value;
          images.push({ src: value });
          void Promise.resolve().then(() => (options.imageFails ? image.onerror?.(new Error('bad image')) : image.onload?.()));
        },
        get src() {
          return image.loaded;
        },
      };
      return image;
    },
  };
  return { answer: { node, width: cssWidth, height: cssHeight }, node, drawn, images };
}
