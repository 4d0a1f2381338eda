import type { Product } from '../../contract/catalog';
import type { ProductCard } from '../../contract/style';
import type { Board } from '../../contract/styleQuiz';
import { colourDistance } from '../colour';
import { offerable, productCard } from './productCard';

/**
 * A board's pictures: for each piece, the catalogue product of its category that carries one of
 * its styles, nearest to its colour (CIEDE2000), never one product twice on a board. A piece the
 * catalogue cannot fill (no product of that category and style) is left out rather than shown
 * wrong; the board still rates by its title. Deterministic: the same catalogue draws the same board.
 */
export function boardPictures(board: Board, products: readonly Product[]): ProductCard[] {
  const used = new Set<string>();
  const cards: ProductCard[] = [];
  for (const piece of board.pieces) {
    const candidates = products.filter((p) => offerable(p) && p.category === piece.category && !used.has(p._id) && p.styles.some((s) => piece.styles.includes(s)));
    let best: Product | null = null;
    let bestScore = Infinity;
    for (const p of candidates) {
      // the piece's first style is what the board is about: a product of it wins over a nearer colour of another
      const styleMiss = p.styles.includes(piece.styles[0]!) ? 0 : 15;
      const score = colourDistance(piece.hex, p.colours[0]!.hex) + styleMiss;
      if (score < bestScore || (score === bestScore && best && p._id < best._id)) [best, bestScore] = [p, score];
    }
    if (!best) continue;
    used.add(best._id);
    cards.push(productCard(best));
  }
  return cards;
}

/** Every board of the quiz, by id. */
export function quizBoardPictures(boards: readonly Board[], products: readonly Product[]): Record<string, ProductCard[]> {
  return Object.fromEntries(boards.map((b) => [b.id, boardPictures(b, products)]));
}
