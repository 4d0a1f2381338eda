/**
 * Drawing on a 2d canvas the same way in WeChat and on an HTML canvas: the context both have, and
 * text that fits (WeChat's canvas has no letterSpacing and no wrapping). The invite poster and the
 * style report's share image draw with these; they live here so no subpackage imports another.
 */

export const CANVAS_FONT = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
export const canvasFont = (size: number, weight = 400) => `${weight} ${size}px ${CANVAS_FONT}`;
/** What of a 2d context the posters use: the HTML canvas and WeChat's canvas type="2d" both have it. */
export interface Context2D<Img> {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  imageSmoothingEnabled: boolean;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(offset: number, color: string): void };
  drawImage(image: Img, dx: number, dy: number, dw: number, dh: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  save(): void;
  restore(): void;
}

/** Text with letter spacing, one character at a time (WeChat's canvas has no letterSpacing). */
export function spaced<Img>(ctx: Context2D<Img>, s: string, x: number, y: number, f: string, gap: number): void {
  ctx.font = f;
  let at = x;
  for (const ch of Array.from(s)) {
    ctx.fillText(ch, at, y);
    at += ctx.measureText(ch).width + gap;
  }
}

/** One line in the width: the font shrinks down to `min`, then the end gives way to "…". */
export function fitted<Img>(ctx: Context2D<Img>, s: string, x: number, y: number, width: number, size: number, min: number, weight: number): void {
  let current = size;
  ctx.font = canvasFont(current, weight);
  while (ctx.measureText(s).width > width && current > min) {
    current -= 1;
    ctx.font = canvasFont(current, weight);
  }
  let shown = s;
  const chars = Array.from(s);
  while (ctx.measureText(shown).width > width && chars.length > 1) {
    chars.pop();
    shown = `${chars.join('')}…`;
  }
  ctx.fillText(shown, x, y);
}

/** Chinese wraps between any two characters: fill each line to the width, at most `maxLines` (the last ends in "…" if cut). */
export function wrapped<Img>(ctx: Context2D<Img>, s: string, x: number, y: number, width: number, lineHeight: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i += 1) {
    const next = line + chars[i];
    if (ctx.measureText(next).width > width && line) {
      if (lines.length === maxLines - 1) {
        // the last line: cut it with an ellipsis that fits
        let cut = Array.from(line);
        while (cut.length > 1 && ctx.measureText(`${cut.join('')}…`).width > width) cut = cut.slice(0, -1);
        lines.push(`${cut.join('')}…`);
        line = '';
        break;
      }
      lines.push(line);
      line = chars[i]!;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  lines.forEach((l, i) => ctx.fillText(l, x, y + i * lineHeight));
  return lines;
}

export function roundRect<Img>(ctx: Context2D<Img>, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
