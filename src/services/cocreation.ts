import type { ActionInput, ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { newRequestId } from './points';

export type CocreationPieces = ActionOutput<'benefits', 'pieces'>;
export type CocreationPiece = CocreationPieces['pieces'][number];
export type PieceResult = ActionOutput<'benefits', 'pieceResults'>['pieces'][number];
export type PublishForm = Omit<ActionInput<'benefits', 'publishPiece'>, 'requestId'>;
export interface Ballot {
  like: boolean;
  fit: number;
  price: number;
  comment: string;
}

/** 合身 1–5 and 价格 1–5 in the shop's words (the vote's choices and the results' averages). */
export const FIT_WORDS = ['不合身', '偏紧或偏松', '一般', '比较合身', '很合身'] as const;
export const PRICE_WORDS = ['太贵', '有点贵', '合适', '值', '很值'] as const;
export const COMMENT_MAX = 140;

/**
 * A vote's request id, kept per piece until an answer comes: a retry after a timeout sends the same
 * id, so the server answers the vote it kept rather than LIMIT_REACHED.
 */
const unsettled = new Map<string, string>();

/** The `benefits` function's 新品共创 calls: the member's pieces and vote; the manager's results, publish, close, launch. */
export const cocreationApi = serviceFor('benefits', (benefits) => ({
  pieces: () => benefits('pieces'),
  vote: async (pieceId: string, b: Ballot) => {
    const requestId = unsettled.get(pieceId) ?? newRequestId();
    unsettled.set(pieceId, requestId);
    const comment = b.comment.trim();
    const answer = await benefits('vote', { pieceId, like: b.like, fit: b.fit, price: b.price, requestId, ...(comment ? { comment } : {}) });
    if (answer.ok || answer.error.code !== 'UNAVAILABLE') unsettled.delete(pieceId);
    return answer;
  },
  results: () => benefits('pieceResults'),
  publish: (form: PublishForm, requestId: string) => benefits('publishPiece', { ...form, requestId }),
  close: (pieceId: string) => benefits('closePiece', { pieceId }),
  launch: (pieceId: string) => benefits('launchPiece', { pieceId }),
}));

/** "¥459" (money is fen everywhere). */
export function priceText(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return `¥${whole.toLocaleString('en-US')}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}
