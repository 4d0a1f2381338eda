import type { ActionName, ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { programFunction } from './taro';

/** A fake `benefits` function for the 新品共创 page tests: each action answers from the table (an envelope, or a function of the request's data); one left out answers INTERNAL. */
type Action = ActionName<'benefits'>;
type Answer<A extends Action> = { ok: true; data: ActionOutput<'benefits', A> } | { ok: false; error: { code: ErrorCode; message: string } };
export type BenefitsAnswers = { [A in Action]?: Answer<A> | ((data: Record<string, any>) => Answer<A>) };

export const ok = <T>(data: T) => ({ ok: true as const, data });
export const fail = (code: ErrorCode) => ({ ok: false as const, error: { code, message: `${code}: the function's own words, never shown` } });

export function programBenefits(answers: BenefitsAnswers): void {
  programFunction('benefits', async ({ data }) => {
    const answer = answers[data.action as Action];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

type Piece = ActionOutput<'benefits', 'pieces'>['pieces'][number];
export const PIECE: Piece = {
  pieceId: 'cc-2027-cardigan',
  name: '云朵羊毛短开衫',
  story: '把经典羊毛混纺开衫改短 6 厘米，配贝母扣。',
  images: ['/static/products/YYKNI011.svg'],
  category: 'top',
  categoryName: '上装',
  targetPriceFen: 45900,
  openUntil: '2027-02-28T15:59:59.000Z',
  mayVote: true,
  locked: null,
  myVote: null,
  priority: null,
};
export const VOTED: Piece = { ...PIECE, mayVote: false, myVote: { like: true, fit: 4, price: 2, comment: '袖子再长一点', votedAt: '2026-12-01T02:00:00.000Z' }, priority: '新品上市时你将优先试穿' };
export const UNLOCK = '忠诚者专享 · 近12个月再消费 ¥1,201 升级忠诚者，或再成功邀请 2 位好友升级忠诚者';

type Result = ActionOutput<'benefits', 'pieceResults'>['pieces'][number];
export const RESULT: Result = {
  pieceId: 'cc-2027-loafer',
  name: '软底通勤乐福鞋',
  image: '/static/products/YYLOA012.svg',
  status: 'open',
  openUntil: '2027-02-28T15:59:59.000Z',
  tiers: ['grower', 'loyal'],
  total: { votes: 3, likeShare: 0.667, avgFit: 4, avgPrice: 2.3 },
  byTier: [
    { tier: 'grower', tierName: '成长者', votes: 1, likeShare: 1, avgFit: 4, avgPrice: 4 },
    { tier: 'loyal', tierName: '忠诚者', votes: 2, likeShare: 0.5, avgFit: 4, avgPrice: 1.5 },
  ],
  comments: [{ nickname: '安**', tierName: '忠诚者', like: true, text: '想要雾霾蓝', at: '2026-12-01T02:00:00.000Z' }],
  passesIssued: 0,
};
