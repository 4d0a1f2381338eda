import type { WardrobePiece } from '../../cloudfunctions/contract/outfits';
import { costPerWear, FORGOTTEN_AFTER_DAYS, forgottenPieces } from '../../cloudfunctions/domain/outfits';
import { piece } from './outfitFixtures';

/** 被遗忘的宝贝 and 单次穿着成本, table by table. */

/** Noon, 20 May 2027, shop time. */
const NOW = new Date('2027-05-20T04:00:00Z');
/** An instant `days` shop days before NOW, at `hour` shop time. */
const ago = (days: number, hour = 12) => new Date(Date.UTC(2027, 4, 20 - days, hour - 8)).toISOString();

describe('forgotten pieces', () => {
  it.each<[string, Partial<WardrobePiece>, number | null]>([
    ['worn yesterday', { lastWornAt: ago(1) }, null],
    ['worn 41 days ago', { lastWornAt: ago(41) }, null],
    ['worn exactly 6 weeks ago', { lastWornAt: ago(42) }, 42],
    ['worn 100 days ago', { lastWornAt: ago(100) }, 100],
    ['worn 42 days ago late at night (23:30 shop time): still that day', { lastWornAt: ago(42, 23.5) }, 42],
    ['worn 41 days ago just after midnight: 41 days', { lastWornAt: ago(41, 0.25) }, null],
    ['never worn, arrived 43 days ago', { addedAt: ago(43) }, 43],
    ['never worn, arrived 10 days ago', { addedAt: ago(10) }, null],
    ['arrived long ago but worn last week: the wear counts', { addedAt: ago(400), lastWornAt: ago(7) }, null],
    ['no date at all', { addedAt: undefined }, null],
    ['a catalogue product is not the member’s', { source: 'catalogue', addedAt: ago(90) }, null],
  ])('%s → %s idle days', (_, over, idle) => {
    const p = piece({ category: 'top', addedAt: undefined, ...over });
    const found = forgottenPieces([p], NOW);
    expect(found.map((f) => f.idleDays)).toEqual(idle === null ? [] : [idle]);
    if (idle !== null) expect(found[0]!.neverWorn).toBe(!over.lastWornAt);
  });

  it('lists the longest forgotten first, ties by id', () => {
    const [a, b, c] = [piece({ category: 'top', lastWornAt: ago(50) }), piece({ category: 'bottom', lastWornAt: ago(90) }), piece({ category: 'shoes', lastWornAt: ago(50) })];
    expect(forgottenPieces([c, a, b], NOW).map((f) => f.piece.id)).toEqual([b.id, a.id, c.id]);
  });

  it('means six weeks', () => expect(FORGOTTEN_AFTER_DAYS).toBe(42));
});

describe('cost per wear', () => {
  it.each<[string, Partial<WardrobePiece>, number | null]>([
    ['¥399 worn 3 times', { source: 'purchase', priceFen: 39900, wears: 3 }, 13300],
    ['¥100 worn 3 times rounds to the fen', { source: 'purchase', priceFen: 10000, wears: 3 }, 3333],
    ['¥0.05 worn 2 times rounds half up', { source: 'purchase', priceFen: 5, wears: 2 }, 3],
    ['worn once: the price', { source: 'purchase', priceFen: 25900, wears: 1 }, 25900],
    ['never worn', { source: 'purchase', priceFen: 25900, wears: 0 }, null],
    ['wears unknown', { source: 'purchase', priceFen: 25900 }, null],
    ['the member’s own piece with a price they typed', { source: 'own', priceFen: 25900, wears: 4 }, null],
    ['a catalogue product', { source: 'catalogue', priceFen: 25900, wears: 4 }, null],
    ['a purchase without a price', { source: 'purchase', wears: 4 }, null],
  ])('%s → %s fen', (_, over, fen) => {
    expect(costPerWear(piece({ category: 'top', ...over }))).toBe(fen);
  });
});
