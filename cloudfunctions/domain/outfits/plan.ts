import type { Product } from '../../contract/catalog';
import type { Outfit, OutfitPlan, Slot, WardrobePiece } from '../../contract/outfits';
import type { StyleReport } from '../../contract/styleQuiz';
import type { Scene } from '../../contract/styleWords';
import { poolOf } from './candidates';
import { choose } from './choose';
import { bodiesOf, dressed, type Scored } from './combine';
import { type Day, dayOf, type RecentOutfit } from './day';
import { lookReason, pieceRefusal } from './judge';
import { piecesOf, slotsOf } from './pieces';
import { whyNoOutfit } from './problems';

export type { RecentOutfit } from './day';

export interface PlanInput {
  /** the member's pieces (purchases and their own); any order, ids unique (a repeated id is read once) */
  wardrobe: readonly WardrobePiece[];
  /** the store's products, to fill a slot the wardrobe cannot */
  catalogue: readonly Product[];
  report: StyleReport | null;
  scene: Scene;
  /** the shop day planned for: any instant in it, from the caller's clock */
  date: Date;
  temperatureC: number;
  /** what was worn on the last days (yesterday's at least) */
  recentOutfits: readonly RecentOutfit[];
  /** how many outfits, 1–10 (default 3) */
  count?: number;
  /** the same seed and input give the same outfits; another seed may pick differently among near-equal ones */
  seed: number | string;
}

export const DEFAULT_COUNT = 3;
/** How many bodies per outfit asked for are dressed (outer layer, accessory) before the final choice. */
const SHORTLIST_PER_OUTFIT = 4;

function outfitOf(s: Scored, day: Day): Outfit {
  return {
    slots: slotsOf(s.look),
    score: Math.max(0, Math.min(100, Math.round(100 * s.score))),
    reason: lookReason(s.look, day),
    fromCatalogue: piecesOf(s.look).filter(([, p]) => p.source === 'catalogue').map(([, p]) => p.id),
  };
}

/** One id, one piece: the first of a repeated id is kept. */
function unique(pieces: readonly WardrobePiece[]): WardrobePiece[] {
  const seen = new Set<string>();
  return pieces.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

function plan(input: PlanInput, anchor: WardrobePiece | null): OutfitPlan {
  const wardrobe = unique(input.wardrobe).filter((p) => p.id !== anchor?.id);
  const day = dayOf(input, anchor ? [...wardrobe, anchor] : wardrobe);
  const count = Math.max(1, Math.min(10, Math.floor(input.count ?? DEFAULT_COUNT)));
  if (anchor) {
    const why = pieceRefusal(anchor, anchor.category, day);
    if (why) return { outfits: [], problem: { code: 'pieceUnfit', slot: anchor.category, message: `这件${why}` } };
  }
  const anchorSlot: Slot | null = anchor?.category ?? null;
  let pool = poolOf(wardrobe, input.catalogue, day, { anchor: anchor ?? undefined });
  let made = bodiesOf(pool, day, anchorSlot);
  if (made.bodies.length === 0 && made.repeatedYesterday > 0) {
    // yesterday's outfit is all the wardrobe makes: let the store offer a piece to change it
    pool = poolOf(wardrobe, input.catalogue, day, { anchor: anchor ?? undefined, catalogueEverywhere: true });
    made = bodiesOf(pool, day, anchorSlot);
  }
  // a varied shortlist of bodies first, so the outfits differ in more than a bag
  const looks = choose(made.bodies, SHORTLIST_PER_OUTFIT * count, day.seed).flatMap((body) => dressed(body, pool, day, anchorSlot) ?? []);
  const outfits = choose(looks, count, day.seed).map((s) => outfitOf(s, day));
  if (outfits.length > 0) return { outfits, problem: null };
  const nothingOwnedOrSold = !anchor && wardrobe.length === 0 && input.catalogue.length === 0;
  return { outfits: [], problem: whyNoOutfit({ pool, day, nothingOwnedOrSold, repeatedYesterday: made.repeatedYesterday, anchor: anchorSlot }) };
}

/**
 * 今日穿搭: `count` outfits for the day, the scene and the member, from the wardrobe with the
 * store's products where the wardrobe lacks a piece. Pure: the clock's date, the temperature and
 * the seed come in. When nothing can be made the list is empty and `problem` says why.
 */
export function planOutfits(input: PlanInput): OutfitPlan {
  return plan(input, null);
}

/** The scene a piece is most likely worn for: the first of its scenes the member dresses for most, else its first, else 休闲. */
export function sceneFor(piece: WardrobePiece, report: StyleReport | null): Scene {
  const theirs = report?.scenes.map((s) => s.scene).find((s) => piece.scenes.includes(s));
  return theirs ?? piece.scenes[0] ?? '休闲';
}

/**
 * 搭配这件: outfits built around one piece (the member's, or a catalogue product as a piece), by the
 * same rules; the rest from the wardrobe, with the store where the wardrobe lacks. Without a scene,
 * the piece's own (sceneFor). A piece that may not be worn today (the season, the scene, a colour
 * kept from the face) gives no outfits and says why.
 */
export function completeTheLook(anchor: WardrobePiece, input: Omit<PlanInput, 'scene'> & { scene?: Scene }): OutfitPlan {
  return plan({ ...input, scene: input.scene ?? sceneFor(anchor, input.report) }, anchor);
}
