/**
 * Draws the tab bar icons (WeChat wants PNG files, 81×81, ≤ 40 KB) from the SVG below, with
 * Debian's Chromium. Run after changing a shape: `npx tsx scripts/make-tab-icons.ts`.
 */
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const INACTIVE = '#8A8178';
const ACTIVE = '#1F1B16';
/** A five-pointed star, point up: outer radius `R`, inner `r`. */
function star(cx: number, cy: number, R: number, r: number): string {
  const corners = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? R : r;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + radius * Math.cos(angle)).toFixed(2)} ${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${corners.join('L')}Z`;
}

const SHAPES: Record<string, (color: string) => string> = {
  // a membership card with its magnetic stripe and a code block
  card: (c) =>
    `<rect x="10" y="18" width="61" height="45" rx="8" fill="none" stroke="${c}" stroke-width="5"/>` +
    `<rect x="10" y="29" width="61" height="7" fill="${c}"/>` +
    `<rect x="20" y="46" width="18" height="7" rx="2" fill="${c}"/>`,
  // a coin seen from the front: its rim and a star struck in the middle
  points: (c) =>
    `<circle cx="40.5" cy="40.5" r="27" fill="none" stroke="${c}" stroke-width="5"/>` +
    `<path d="${star(40.5, 42, 14, 6)}" fill="none" stroke="${c}" stroke-width="4.5" stroke-linejoin="round"/>`,
  // a person: head and shoulders
  me: (c) =>
    `<circle cx="40.5" cy="29" r="12" fill="none" stroke="${c}" stroke-width="5"/>` +
    `<path d="M16 68c2-13 12-20 24.5-20S63 55 65 68" fill="none" stroke="${c}" stroke-width="5" stroke-linecap="round"/>`,
};

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, color] of [['', INACTIVE], ['-on', ACTIVE]] as const) {
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${shape(color)}</svg></body></html>`,
      );
      const file = join(__dirname, '..', 'src', 'assets', `tab-${name}${suffix}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      console.log('wrote', file);
    }
  }
  await browser.close();
}

void main();
