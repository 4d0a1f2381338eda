import type { Piece } from './records';

/** The pieces as the seed file writes them (ISO texts → instants, the state fields a new piece starts with). */
export function piecesFromSeed(seed: { pieces: Array<Record<string, unknown>> }): Piece[] {
  return seed.pieces.map((raw) => {
    const openFrom = new Date(raw.openFrom as string);
    return {
      ...(raw as unknown as Piece),
      openFrom,
      openUntil: new Date(raw.openUntil as string),
      status: 'open',
      createdAt: openFrom,
      createdBy: null,
      closedAt: null,
      launchedAt: null,
      passesIssued: 0,
    };
  });
}
