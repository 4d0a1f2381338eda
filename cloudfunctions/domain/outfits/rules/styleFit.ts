import type { WardrobePiece } from '../../../contract/outfits';
import { type Style, STYLES } from '../../../contract/styleWords';
import type { Day } from '../day';
import { type Look, piecesOf } from '../pieces';
import { mean, type OutfitRule } from './rule';

const shareOf = (style: Style, day: Day) => day.report?.style.shares.find((s) => s.style === style)?.share ?? 0;

/** The style most of the look's pieces carry: ties go to the member's larger share, then to the vocabulary's order. */
export function commonStyle(pieces: readonly WardrobePiece[], day: Day): { style: Style; count: number } | null {
  const counts = new Map<Style, number>();
  for (const p of pieces) for (const s of p.styles) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best: { style: Style; count: number; share: number } | null = null;
  for (const style of STYLES) {
    const count = counts.get(style) ?? 0;
    if (count === 0) continue;
    const share = shareOf(style, day);
    if (!best || count > best.count || (count === best.count && share > best.share)) best = { style, count, share };
  }
  return best && { style: best.style, count: best.count };
}

const styled = (look: Look) => piecesOf(look).map(([, p]) => p).filter((p) => p.styles.length > 0);

/**
 * 风格: the pieces hold together (the share of them carrying one common style) and, with a report,
 * speak the member's styles (each piece's best style against their main one). Pieces with no
 * style said are left out of both.
 */
export const styleFit: OutfitRule = {
  code: 'style-fit',
  description: '单品风格彼此一致，并贴近会员的风格占比',
  weight: 0.2,
  score(look, day) {
    const pieces = styled(look);
    if (pieces.length === 0) return 0.5;
    const coherence = commonStyle(pieces, day)!.count / pieces.length;
    if (!day.report) return coherence;
    const main = Math.max(1, day.report.style.primary.share);
    const yours = mean(pieces.map((p) => Math.min(1, Math.max(...p.styles.map((s) => shareOf(s, day))) / main)));
    return 0.5 * coherence + 0.5 * yours;
  },
  note(look, day) {
    const pieces = styled(look);
    const common = commonStyle(pieces, day);
    if (!common || pieces.length < 2) return null;
    const word = common.style.endsWith('风') ? common.style : `${common.style}风`; // 国风 is already a 风
    return common.count === pieces.length ? `同为${word}` : common.count * 2 > pieces.length ? `${word}为主` : null;
  },
};
