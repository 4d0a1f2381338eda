import { createHarness, type Harness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';

/**
 * 新品共创 (issue 18): 忠诚者 vote once per upcoming piece, are tagged 产品共创型用户 and first in line
 * for its 新品优先试穿; the brand's managers publish, close, launch and read the results by tier.
 */

/** The answer, loosely typed: the tests read what they assert. */
const call = (h: Harness, ...rest: Parameters<Harness['call']>): Promise<any> => h.call(...rest);

let seq = 0;
const requestId = () => `req-${Date.now().toString(36)}-${(seq += 1)}`;
const vote = (h: Harness, openid: string, pieceId: string, extra: Record<string, unknown> = {}) =>
  call(h, 'benefits', openid, { action: 'vote', pieceId, like: true, fit: 4, price: 3, requestId: requestId(), ...extra });

/** Joins a shopper and, with a till order, brings them to a tier: 成长者 (¥1,000 this quarter) or 忠诚者 (¥3,000.01 in 12 months). */
async function memberOf(h: Harness, openid: string, tier: 'explorer' | 'grower' | 'loyal', nickname = '小雅') {
  const memberId = await h.join(openid, { nickname });
  if (tier !== 'explorer') {
    const paid = await deliver(h, 'orders', orderBody(h, await tillCode(h, openid), tier === 'loyal' ? 300_001 : 100_000));
    expect(paid.body.ok).toBe(true);
  }
  return memberId;
}

const LOYAL_ONLY = 'cc-2027-cardigan';
const GROWERS_TOO = 'cc-2027-loafer';

describe('new-product co-creation (benefits function)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('a 忠诚者', () => {
    it('sees the open pieces with images, story and target price, and may vote on each', async () => {
      await memberOf(h, 'ann', 'loyal');
      const answer = await call(h, 'benefits', 'ann', { action: 'pieces' });
      expect(answer).toMatchObject({ ok: true, data: { tier: 'loyal', unlock: null } });
      const pieces = answer.data.pieces as Array<Record<string, any>>;
      expect(pieces.length).toBeGreaterThanOrEqual(4);
      for (const p of pieces) {
        expect(p).toMatchObject({ mayVote: true, locked: null, myVote: null, priority: null });
        expect(p.images[0]).toMatch(/^\/static\/products\/[A-Z0-9]+\.svg$/);
        expect(p.story.length).toBeGreaterThan(10);
      }
    });

    it('votes with a trimmed comment and then sees the vote and 「新品上市时你将优先试穿」', async () => {
      await memberOf(h, 'ann', 'loyal');
      const voted = await vote(h, 'ann', LOYAL_ONLY, { like: false, fit: 2, price: 1, comment: '  袖子再长一点就好  ' });
      expect(voted).toMatchObject({ ok: true, data: { piece: { pieceId: LOYAL_ONLY, mayVote: false, myVote: { like: false, fit: 2, price: 1, comment: '袖子再长一点就好' }, priority: '新品上市时你将优先试穿' } } });
      const pieces = (await call(h, 'benefits', 'ann', { action: 'pieces' })).data.pieces as Array<Record<string, any>>;
      expect(pieces.find((p) => p.pieceId === LOYAL_ONLY)).toMatchObject({ myVote: { fit: 2 }, priority: '新品上市时你将优先试穿' });
    });

    it('keeps ONE vote of ten parallel votes on one piece; the others answer LIMIT_REACHED', async () => {
      const memberId = await memberOf(h, 'ann', 'loyal');
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => vote(h, 'ann', LOYAL_ONLY, { fit: (i % 5) + 1 })));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(9).fill('LIMIT_REACHED'));
      expect(h.cloud.db.find('cocreationVotes', { pieceId: LOYAL_ONLY })).toEqual([expect.objectContaining({ _id: `${LOYAL_ONLY}:${memberId}` })]);
    });

    it('retrying the same vote request answers the vote as kept and writes nothing new', async () => {
      await memberOf(h, 'ann', 'loyal');
      const same = { requestId: 'retry-1234', fit: 5 };
      const [a, b] = await Promise.all([vote(h, 'ann', LOYAL_ONLY, same), vote(h, 'ann', LOYAL_ONLY, same)]);
      expect(a).toMatchObject({ ok: true, data: { piece: { myVote: { fit: 5 } } } });
      expect(b).toEqual(a);
      expect(h.cloud.db.find('cocreationVotes', {})).toHaveLength(1);
    });

    it('taking part shows 产品共创型用户 among the tags of 我的风格档案', async () => {
      await memberOf(h, 'ann', 'loyal');
      const before = await call(h, 'style', 'ann', { action: 'tags' });
      expect(before.data.tags.map((t: { code: string }) => t.code)).not.toContain('cocreation');
      await vote(h, 'ann', LOYAL_ONLY);
      const after = await call(h, 'style', 'ann', { action: 'tags' });
      expect(after.data.tags).toContainEqual(expect.objectContaining({ code: 'cocreation', label: '共创参与', values: ['产品共创型用户'], group: 'programme', source: 'programme' }));
    });

    it('is refused a comment over 140 characters, and nothing is written', async () => {
      await memberOf(h, 'ann', 'loyal');
      expect(await vote(h, 'ann', LOYAL_ONLY, { comment: '好'.repeat(141) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await vote(h, 'ann', LOYAL_ONLY, { fit: 6 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.find('cocreationVotes', {})).toHaveLength(0);
      expect(await vote(h, 'ann', LOYAL_ONLY, { comment: ` ${'好'.repeat(140)} ` })).toMatchObject({ ok: true });
    });

    it.each([
      ['a NUL character', 'a\u0000b'],
      ['a right-to-left override', '好看\u202e价格'],
      ['a zero-width space', '好\u200b看'],
      ['a bell', '好\u0007看'],
    ])('is refused a comment with %s as INVALID_INPUT, and nothing is written', async (_name, comment) => {
      await memberOf(h, 'ann', 'loyal');
      expect(await vote(h, 'ann', LOYAL_ONLY, { comment })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.find('cocreationVotes', {})).toHaveLength(0);
    });

    it('may leave the comment empty, and then has none', async () => {
      await memberOf(h, 'ann', 'loyal');
      expect(await vote(h, 'ann', LOYAL_ONLY, { comment: '   ' })).toMatchObject({ ok: true, data: { piece: { myVote: { comment: null } } } });
    });

    it('cannot vote on a piece the brand closed', async () => {
      await memberOf(h, 'ann', 'loyal');
      expect(await call(h, 'benefits', 'manager-S001', { action: 'closePiece', pieceId: LOYAL_ONLY })).toMatchObject({ ok: true, data: { piece: { status: 'closed' } } });
      expect(await vote(h, 'ann', LOYAL_ONLY)).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '这款新品的投票已截止' } });
      const pieces = (await call(h, 'benefits', 'ann', { action: 'pieces' })).data.pieces as Array<{ pieceId: string }>;
      expect(pieces.map((p) => p.pieceId)).not.toContain(LOYAL_ONLY);
    });
  });

  describe("the member's data", () => {
    it('their export carries their votes, and leaving erases them', async () => {
      const memberId = await memberOf(h, 'ann', 'loyal');
      await vote(h, 'ann', LOYAL_ONLY, { comment: '好看' });
      const exported = await call(h, 'member', 'ann', { action: 'export' });
      expect(exported.data.cocreationVotes).toEqual([expect.objectContaining({ pieceId: LOYAL_ONLY, like: true, fit: 4, price: 3, comment: '好看' })]);
      expect(await call(h, 'member', 'ann', { action: 'delete', confirm: true })).toMatchObject({ ok: true });
      expect(h.cloud.db.find('cocreationVotes', { memberId })).toEqual([]);
    });
  });

  describe('tiers', () => {
    it('an 探索者 sees the pieces locked with how to become 忠诚者, and a vote is FORBIDDEN', async () => {
      await memberOf(h, 'eve', 'explorer');
      const answer = await call(h, 'benefits', 'eve', { action: 'pieces' });
      expect(answer.data.unlock).toBe('忠诚者专享 · 近12个月再消费 ¥3,001 升级忠诚者，或再成功邀请 3 位好友升级忠诚者');
      for (const p of answer.data.pieces) expect(p).toMatchObject({ mayVote: false, locked: answer.data.unlock });
      expect(await vote(h, 'eve', LOYAL_ONLY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: answer.data.unlock } });
      expect(h.cloud.db.find('cocreationVotes', {})).toHaveLength(0);
    });

    it('a 成长者 may vote only where the brand opened the piece to 成长者, and is told what is left elsewhere', async () => {
      await memberOf(h, 'gus', 'grower');
      const pieces = (await call(h, 'benefits', 'gus', { action: 'pieces' })).data.pieces as Array<Record<string, any>>;
      expect(pieces.filter((p) => p.mayVote).map((p) => p.pieceId)).toEqual([GROWERS_TOO]);
      expect(pieces.find((p) => p.pieceId === LOYAL_ONLY)!.locked).toContain('近12个月再消费 ¥2,001');
      expect(await vote(h, 'gus', LOYAL_ONLY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await vote(h, 'gus', GROWERS_TOO)).toMatchObject({ ok: true });
    });

    it('a shopper who has not joined is NOT_MEMBER; no identity is UNAUTHENTICATED', async () => {
      expect(await call(h, 'benefits', 'stranger', { action: 'pieces' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await call(h, 'benefits', null, { action: 'pieces' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe("the brand's actions", () => {
    const PUBLISH = { action: 'publishPiece', name: '测试新品', story: '一件测试用的新品', images: ['/static/products/YYTEE011.svg'], category: 'top', targetPriceFen: 19900, openDays: 14, requestId: 'publish-001' };
    const ACTIONS: Array<Record<string, unknown>> = [PUBLISH, { action: 'closePiece', pieceId: LOYAL_ONLY }, { action: 'launchPiece', pieceId: LOYAL_ONLY }, { action: 'pieceResults' }];

    it.each(ACTIONS.map((a) => [a.action as string, a]))('%s is FORBIDDEN to a member, a clerk and a stylist, UNAUTHENTICATED without identity', async (_name, data) => {
      await memberOf(h, 'ann', 'loyal');
      for (const caller of ['ann', 'staff-S001', 'stylist-S001', 'staff-S002']) expect(await call(h, 'benefits', caller, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(h, 'benefits', null, data)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(h.cloud.db.find('cocreationPieces', { status: { $ne: 'open' } })).toHaveLength(0);
      expect(h.cloud.db.find('cocreationPieces', { _id: 'cc-publish-001' })).toHaveLength(0);
    });

    it('a manager publishes a piece once however often the request is retried, and members see it', async () => {
      await memberOf(h, 'ann', 'loyal');
      const [a, b] = await Promise.all([call(h, 'benefits', 'manager-S001', PUBLISH), call(h, 'benefits', 'manager-S001', PUBLISH)]);
      expect(a).toMatchObject({ ok: true, data: { piece: { pieceId: 'cc-publish-001', status: 'open', tiers: ['loyal'], total: { votes: 0 } } } });
      expect(b).toEqual(a);
      const pieces = (await call(h, 'benefits', 'ann', { action: 'pieces' })).data.pieces as Array<{ pieceId: string }>;
      expect(pieces.map((p) => p.pieceId)).toContain('cc-publish-001');
    });

    it.each([
      ['a name with a NUL character', { name: '测试\u0000新品' }],
      ['a name with a right-to-left override', { name: '\u202e品新试测' }],
      ['a story with a zero-width joiner', { story: '一件\u200d测试用的新品' }],
      ['a story with an escape character', { story: '一件\u001b[31m测试' }],
      ['a blank name', { name: '   ' }],
    ])('refuses to publish %s as INVALID_INPUT, and nothing is written', async (_name, over) => {
      expect(await call(h, 'benefits', 'manager-S001', { ...PUBLISH, ...over })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.find('cocreationPieces', { _id: 'cc-publish-001' })).toHaveLength(0);
    });

    it.each([
      ['name', { name: '另一款新品' }],
      ['story', { story: '另一个故事' }],
      ['price', { targetPriceFen: 29900 }],
      ['picture', { images: ['/static/products/YYCOA011.svg'] }],
      ['category', { category: 'bottom' }],
      ['window', { openDays: 7 }],
      ['set of tiers', { alsoGrowers: true }],
    ])('answers CONFLICT when a used request id comes again with another %s, and keeps the piece published', async (_field, over) => {
      const first = await call(h, 'benefits', 'manager-S001', PUBLISH);
      expect(first.ok).toBe(true);
      expect(await call(h, 'benefits', 'manager-S001', { ...PUBLISH, ...over })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(h.cloud.db.find('cocreationPieces', { _id: 'cc-publish-001' })).toEqual([expect.objectContaining({ name: '测试新品', story: '一件测试用的新品', targetPriceFen: 19900, tiers: ['loyal'] })]);
    });

    it('answers the same piece when the same request comes again a day later, writing nothing twice', async () => {
      const first = await call(h, 'benefits', 'manager-S001', PUBLISH);
      h.clock.advance(86_400_000);
      expect(await call(h, 'benefits', 'manager-S001', PUBLISH)).toEqual(first);
      expect(h.cloud.db.find('cocreationPieces', { _id: 'cc-publish-001' })).toHaveLength(1);
    });

    it('results show votes, likes, average fit and price by tier, and masked comments', async () => {
      await memberOf(h, 'ann', 'loyal', '安小雅');
      await memberOf(h, 'bob', 'loyal', '博文');
      await memberOf(h, 'gus', 'grower', '高山');
      await vote(h, 'ann', GROWERS_TOO, { like: true, fit: 5, price: 2, comment: '想要雾霾蓝' });
      await vote(h, 'bob', GROWERS_TOO, { like: false, fit: 3, price: 1 });
      await vote(h, 'gus', GROWERS_TOO, { like: true, fit: 4, price: 4, comment: '鞋底软就买' });
      const answer = await call(h, 'benefits', 'manager-S001', { action: 'pieceResults', pieceId: GROWERS_TOO });
      expect(answer.ok).toBe(true);
      const [piece] = answer.data.pieces;
      expect(piece.total).toEqual({ votes: 3, likeShare: 0.667, avgFit: 4, avgPrice: 2.3 });
      expect(piece.byTier).toEqual([
        { tier: 'grower', tierName: '成长者', votes: 1, likeShare: 1, avgFit: 4, avgPrice: 4 },
        { tier: 'loyal', tierName: '忠诚者', votes: 2, likeShare: 0.5, avgFit: 4, avgPrice: 1.5 },
      ]);
      expect(piece.comments.map((c: Record<string, unknown>) => [c.nickname, c.tierName, c.text])).toEqual(expect.arrayContaining([['安**', '忠诚者', '想要雾霾蓝'], ['高*', '成长者', '鞋底软就买']]));
      expect(piece.comments).toHaveLength(2);
      const all = await call(h, 'benefits', 'manager-S001', { action: 'pieceResults' });
      expect(all.data.pieces.length).toBeGreaterThanOrEqual(5);
      expect(JSON.stringify(all.data)).not.toMatch(/ann|bob|gus/);
    });

    it('a phone number typed in a comment is masked for the managers who read the results, and is not kept in full', async () => {
      await memberOf(h, 'ann', 'loyal', '安小雅');
      expect(await vote(h, 'ann', LOYAL_ONLY, { comment: '到货了请打13812345678通知我' })).toMatchObject({ ok: true });
      const answer = await call(h, 'benefits', 'manager-S001', { action: 'pieceResults', pieceId: LOYAL_ONLY });
      expect(answer.data.pieces[0].comments).toEqual([expect.objectContaining({ text: '到货了请打138****5678通知我' })]);
      expect(JSON.stringify(answer)).not.toContain('13812345678');
      expect(JSON.stringify(h.cloud.db.find('cocreationVotes', {}))).not.toContain('13812345678');
    });

    it('a one-character nickname shows as a star in the results, never the name itself', async () => {
      await memberOf(h, 'ann', 'loyal', 'A');
      await memberOf(h, 'bob', 'loyal', '雅');
      await vote(h, 'ann', LOYAL_ONLY, { comment: '好看' });
      await vote(h, 'bob', LOYAL_ONLY, { comment: '想要' });
      const answer = await call(h, 'benefits', 'manager-S001', { action: 'pieceResults', pieceId: LOYAL_ONLY });
      expect(answer.data.pieces[0].comments.map((c: { nickname: string }) => c.nickname)).toEqual(['*', '*']);
      expect(JSON.stringify(answer.data)).not.toMatch(/A\*|雅/);
    });

    it('launching a piece gives each voter one 新品优先试穿权 for it, in vote order; launching again issues none', async () => {
      const ann = await memberOf(h, 'ann', 'loyal');
      await memberOf(h, 'bob', 'loyal');
      const bob = (await call(h, 'member', 'bob', { action: 'card' })).data.memberId as string;
      await vote(h, 'ann', LOYAL_ONLY);
      h.clock.advance(60_000);
      await vote(h, 'bob', LOYAL_ONLY);
      const launched = await call(h, 'benefits', 'manager-S001', { action: 'launchPiece', pieceId: LOYAL_ONLY });
      expect(launched).toMatchObject({ ok: true, data: { issued: 2, remaining: false, piece: { status: 'launched', passesIssued: 2 } } });
      const passes = h.cloud.db.find('coupons', { templateId: 'referral-pass' });
      expect(passes.map((c) => [c.memberId, c.channel, c.name, (c.discount as { title: string }).title]).sort()).toEqual(
        [ann, bob].sort().map((m) => [m, 'cocreation', '新品优先试穿权', '优先试穿·云朵羊毛短开衫']),
      );
      const again = await call(h, 'benefits', 'manager-S001', { action: 'launchPiece', pieceId: LOYAL_ONLY });
      expect(again).toMatchObject({ ok: true, data: { issued: 0, piece: { passesIssued: 2 } } });
      expect(h.cloud.db.find('coupons', { templateId: 'referral-pass' })).toHaveLength(2);
      expect((await call(h, 'coupon', 'ann', { action: 'list', status: 'available' })).data.coupons.map((c: { name: string }) => c.name)).toContain('新品优先试穿权');
    });

    it('a piece with 250 voters launches in two calls of at most 200, each voter getting one pass', async () => {
      const at = h.clock.now();
      await h.cloud.db.apply(
        Array.from({ length: 250 }, (_, i) => {
          const memberId = String(500000000000 + i);
          const id = `${LOYAL_ONLY}:${memberId}`;
          return { c: 'cocreationVotes', id, doc: { _id: id, pieceId: LOYAL_ONLY, memberId, tier: 'loyal', like: true, fit: 3, price: 3, comment: null, requestId: `seed-${i}-req`, votedAt: new Date(at.getTime() + i), passId: null } };
        }),
      );
      const first = await call(h, 'benefits', 'manager-S001', { action: 'launchPiece', pieceId: LOYAL_ONLY });
      expect(first).toMatchObject({ ok: true, data: { issued: 200, remaining: true } });
      // the first 200 by vote time were first in line
      const passOf = (i: number) => h.cloud.db.find('cocreationVotes', { _id: `${LOYAL_ONLY}:${500000000000 + i}` })[0]!.passId;
      expect([passOf(0), passOf(199), passOf(200), passOf(249)].map(Boolean)).toEqual([true, true, false, false]);
      const second = await call(h, 'benefits', 'manager-S001', { action: 'launchPiece', pieceId: LOYAL_ONLY });
      expect(second).toMatchObject({ ok: true, data: { issued: 50, remaining: false, piece: { passesIssued: 250 } } });
      expect(new Set(h.cloud.db.find('coupons', { templateId: 'referral-pass' }).map((c) => c.memberId)).size).toBe(250);
    });
  });
});
