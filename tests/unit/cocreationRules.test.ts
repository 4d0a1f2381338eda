import type { TierCode } from '../../cloudfunctions/contract';
import { newVote } from '../../cloudfunctions/domain/benefits/cocreation/plans';
import type { Piece } from '../../cloudfunctions/domain/benefits/cocreation/records';
import { pieceResult } from '../../cloudfunctions/domain/benefits/cocreation/results';
import { commentOf, voteProblem } from '../../cloudfunctions/domain/benefits/cocreation/rules';
import { pieceView } from '../../cloudfunctions/domain/benefits/cocreation/view';

/** Who may vote on an upcoming piece, when, with what comment; one vote each is the vote's id. */

const NOW = new Date('2026-12-01T02:00:00.000Z');
const DAY = 86_400_000;
const piece = (over: Partial<Piece> = {}): Piece => ({
  _id: 'cc-1', name: '云朵开衫', story: '故事', images: ['/static/products/YYKNI011.svg'], category: 'top', targetPriceFen: 45900, tiers: ['loyal'],
  openFrom: new Date(NOW.getTime() - DAY), openUntil: new Date(NOW.getTime() + DAY), status: 'open', createdAt: NOW, createdBy: null, closedAt: null, launchedAt: null, passesIssued: 0, ...over,
});
const UNLOCK = '忠诚者专享 · 近12个月再消费 ¥1,201 升级忠诚者';

describe('vote rules', () => {
  const cases: Array<[string, { tier: TierCode; piece: Piece | null; comment?: string; now?: Date }, string | null]> = [
    ['a 忠诚者 votes on an open piece', { tier: 'loyal', piece: piece() }, null],
    ['a 成长者 is refused a piece for 忠诚者 only', { tier: 'grower', piece: piece() }, 'FORBIDDEN'],
    ['a 成长者 votes where the brand opened the piece to 成长者', { tier: 'grower', piece: piece({ tiers: ['grower', 'loyal'] }) }, null],
    ['an 探索者 is refused even a piece open to 成长者', { tier: 'explorer', piece: piece({ tiers: ['grower', 'loyal'] }) }, 'FORBIDDEN'],
    ['no such piece', { tier: 'loyal', piece: null }, 'NOT_FOUND'],
    ['a closed piece', { tier: 'loyal', piece: piece({ status: 'closed' }) }, 'NOT_CLAIMABLE'],
    ['a launched piece', { tier: 'loyal', piece: piece({ status: 'launched' }) }, 'NOT_CLAIMABLE'],
    ['before the window opens', { tier: 'loyal', piece: piece({ openFrom: new Date(NOW.getTime() + 1) }) }, 'NOT_CLAIMABLE'],
    ['at the instant the window ends', { tier: 'loyal', piece: piece({ openUntil: NOW }) }, 'NOT_CLAIMABLE'],
    ['a comment of 140 characters after trimming', { tier: 'loyal', piece: piece(), comment: `  ${'好'.repeat(140)}\n` }, null],
    ['a comment of 141 characters', { tier: 'loyal', piece: piece(), comment: '好'.repeat(141) }, 'INVALID_INPUT'],
    ['140 emoji count as 140 characters', { tier: 'loyal', piece: piece(), comment: '👍🏻'.repeat(140) }, null],
    ['the tier is told before the window (an 探索者 learns how to unlock, not that it closed)', { tier: 'explorer', piece: piece({ status: 'closed' }) }, 'FORBIDDEN'],
  ];
  it.each(cases)('%s', (_name, f, expected) => {
    const problem = voteProblem({ tier: f.tier, piece: f.piece, comment: f.comment, now: f.now ?? NOW, unlock: UNLOCK });
    expect(problem?.code ?? null).toBe(expected);
  });

  it('a refusal by tier says how to become 忠诚者', () => {
    expect(voteProblem({ tier: 'grower', piece: piece(), comment: undefined, now: NOW, unlock: UNLOCK })).toEqual({ code: 'FORBIDDEN', message: UNLOCK });
  });

  it.each([
    [undefined, null],
    ['   ', null],
    ['  很好看 ', '很好看'],
  ])('a comment %p is kept as %p', (typed, kept) => expect(commentOf(typed)).toBe(kept));

  it('one vote each: the vote of a member on a piece always has the same id', () => {
    const a = newVote({ pieceId: 'cc-1', like: true, fit: 3, price: 3, requestId: 'r-00000001' }, '100000000001', 'loyal', NOW);
    const b = newVote({ pieceId: 'cc-1', like: false, fit: 1, price: 5, requestId: 'r-00000002' }, '100000000001', 'loyal', new Date(NOW.getTime() + DAY));
    expect(a._id).toBe('cc-1:100000000001');
    expect(b._id).toBe(a._id);
  });
});

describe('what the member sees', () => {
  it.each<[string, TierCode, Piece, boolean, string | null]>([
    ['a 忠诚者 may vote', 'loyal', piece(), true, null],
    ['a 成长者 is shown how to unlock', 'grower', piece(), false, UNLOCK],
    ['a closed piece says so', 'loyal', piece({ status: 'closed' }), false, '投票已截止'],
  ])('%s', (_name, tier, p, mayVote, locked) => {
    expect(pieceView(p, null, tier, UNLOCK, NOW)).toMatchObject({ mayVote, locked, myVote: null, priority: null });
  });

  it('after voting: the vote and the priority line, no vote button', () => {
    const vote = newVote({ pieceId: 'cc-1', like: true, fit: 4, price: 2, comment: '好', requestId: 'r-00000001' }, '100000000001', 'loyal', NOW);
    expect(pieceView(piece(), vote, 'loyal', null, NOW)).toMatchObject({ mayVote: false, locked: null, myVote: { like: true, fit: 4, price: 2, comment: '好' }, priority: '新品上市时你将优先试穿' });
  });
});

describe('a comment as kept', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, null],
    ['   ', null],
    [' 袖子再长一点 ', '袖子再长一点'],
    ['到货请打13812345678', '到货请打138****5678'],
    ['订单号 2138123456789 不是手机号', '订单号 2138123456789 不是手机号'],
  ])('%p is kept as %p', (typed, kept) => {
    expect(commentOf(typed)).toBe(kept);
  });
});

describe('results', () => {
  it('sum the tiers, round the averages to one place, and mask nicknames', () => {
    const r = pieceResult(
      piece(),
      [
        { pieceId: 'cc-1', tier: 'loyal', votes: 3, likes: 2, fitSum: 10, priceSum: 7 },
        { pieceId: 'cc-1', tier: 'grower', votes: 1, likes: 0, fitSum: 2, priceSum: 5 },
        { pieceId: 'other', tier: 'loyal', votes: 9, likes: 9, fitSum: 45, priceSum: 45 },
      ],
      [{ tier: 'loyal', like: true, comment: '好看', votedAt: NOW, nickname: '安小雅' }, { tier: 'grower', like: false, comment: null, votedAt: NOW, nickname: null }],
    );
    expect(r.total).toEqual({ votes: 4, likeShare: 0.5, avgFit: 3, avgPrice: 3 });
    expect(r.byTier).toEqual([
      { tier: 'grower', tierName: '成长者', votes: 1, likeShare: 0, avgFit: 2, avgPrice: 5 },
      { tier: 'loyal', tierName: '忠诚者', votes: 3, likeShare: 0.667, avgFit: 3.3, avgPrice: 2.3 },
    ]);
    expect(r.comments).toEqual([{ nickname: '安**', tierName: '忠诚者', like: true, text: '好看', at: NOW.toISOString() }]);
  });

  it('mask a phone number typed in a comment, even in a vote kept unmasked', () => {
    const r = pieceResult(piece(), [], [{ tier: 'loyal', like: true, comment: '有货请打13812345678，或 +86 139-0000-1111 不算', votedAt: NOW, nickname: '安小雅' }]);
    expect(r.comments[0]!.text).toBe('有货请打138****5678，或 +86 139-0000-1111 不算');
  });

  it('a piece without votes has no averages', () => {
    expect(pieceResult(piece(), [], []).total).toEqual({ votes: 0, likeShare: 0, avgFit: null, avgPrice: null });
  });
});
