import type { StyleReport } from '../../../../../cloudfunctions/contract';
import { canvasFont as font, type Context2D, fitted, spaced } from '../../../../services/canvas';
import { COLOUR_SEASON_NAMES, SEASON_FAMILY_NAMES, seasonFamily } from '../../../../../cloudfunctions/contract/styleVocabulary';
import { colourTraits } from '../readings';

/**
 * The report as a picture to keep or send on: the season on the brand's dark block, the colours to
 * wear as swatches with their names, the neutrals and metals, the two styles. No member data but
 * the report itself, and nothing about rewards (sharing is never rewarded). Coordinates are poster
 * units (POSTER.width wide); the caller scales the context to the canvas's device pixels first.
 */
export const POSTER = { width: 300, height: 480 } as const;

const INK = '#1f1b16';
const INK_SOFT = '#8a8178';
const GOLD = '#d9b878';
const SIDE = 24;

/** The poster's words, worded once (the tests read them too). */
export function posterText(report: StyleReport) {
  const { primary, secondary } = report.style;
  return {
    title: '我的风格报告',
    season: COLOUR_SEASON_NAMES[report.colour.season],
    family: SEASON_FAMILY_NAMES[seasonFamily(report.colour.season)],
    traits: colourTraits(report.colour.sentence),
    wearTitle: '适合我的颜色',
    basicsTitle: '百搭中性色与金属',
    styles: `${primary.style} ${primary.share}% · ${secondary.style} ${secondary.share}%`,
    leaning: report.style.axes.map((a) => a.words).join(' · '),
    footer: '悦衣会员 · 风格测试',
  };
}

/** A circle of a colour, outlined when it is pale enough to vanish on the paper. */
function dot<Img>(ctx: Context2D<Img>, x: number, y: number, r: number, hex: string): void {
  ctx.fillStyle = hex;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = 'rgba(31,27,22,0.16)';
  ctx.lineWidth = 0.75;
  ctx.stroke();
}

/** Draws the whole poster. */
export function drawReportPoster<Img>(ctx: Context2D<Img>, report: StyleReport): void {
  const { width: W, height: H } = POSTER;
  const text = posterText(report);
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  ctx.fillStyle = '#fffdf9';
  ctx.fillRect(0, 0, W, H);

  // the brand's dark block with the season
  const heroH = 168;
  const gradient = ctx.createLinearGradient(0, 0, W, heroH);
  gradient.addColorStop(0, '#17150f');
  gradient.addColorStop(1, '#4a3f2f');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, W, heroH);
  ctx.fillStyle = GOLD;
  spaced(ctx, '悦衣库', SIDE, 40, font(20, 700), 6);
  ctx.fillStyle = 'rgba(255,255,255,0.72)';
  ctx.font = font(11);
  ctx.fillText(text.title, SIDE, 60);
  ctx.fillStyle = '#ffffff';
  fitted(ctx, text.season, SIDE, 112, W - 2 * SIDE - 70, 40, 28, 700);
  ctx.fillStyle = GOLD;
  ctx.font = font(13, 600);
  ctx.fillText(text.family, W - SIDE - 52, 110);
  ctx.fillStyle = 'rgba(255,255,255,0.82)';
  fitted(ctx, text.traits, SIDE, 142, W - 2 * SIDE, 12, 10, 400);

  // the colours to wear: four to a row, names under them
  ctx.fillStyle = INK;
  ctx.font = font(13, 600);
  ctx.fillText(text.wearTitle, SIDE, 196);
  const wear = report.palette.wear.slice(0, 8);
  const cell = (W - 2 * SIDE) / 4;
  wear.forEach((c, i) => {
    const cx = SIDE + cell * (i % 4) + cell / 2;
    const cy = 228 + Math.floor(i / 4) * 62;
    dot(ctx, cx, cy, 19, c.hex);
    // darker than the other small print: a colour's name is what the picture is kept for
    ctx.fillStyle = '#5c544b';
    ctx.font = font(10);
    const w = ctx.measureText(c.name).width;
    ctx.fillText(c.name, cx - w / 2, cy + 33);
  });

  // neutrals and metals as a row of smaller dots
  const basicsY = wear.length > 4 ? 360 : 300;
  ctx.fillStyle = INK;
  ctx.font = font(12, 600);
  ctx.fillText(text.basicsTitle, SIDE, basicsY);
  [...report.palette.neutrals, ...report.palette.metals].slice(0, 9).forEach((c, i) => {
    dot(ctx, SIDE + 11 + i * 28, basicsY + 20, 10, c.hex);
  });

  // the styles, and how the member dresses
  const stylesY = basicsY + 62;
  ctx.fillStyle = INK;
  fitted(ctx, text.styles, SIDE, stylesY, W - 2 * SIDE, 15, 11, 600);
  ctx.fillStyle = INK_SOFT;
  fitted(ctx, text.leaning, SIDE, stylesY + 18, W - 2 * SIDE, 11, 9, 400);

  ctx.fillStyle = GOLD;
  ctx.fillRect(SIDE, H - 26, 24, 2);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(10);
  ctx.fillText(text.footer, SIDE + 32, H - 22);
  ctx.restore();
}
