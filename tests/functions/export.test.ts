import type { Member } from '../../cloudfunctions/domain/member';
import { runJobs } from '../support/ledger';
import { createHarness, START, type Harness } from '../support/harness';
import { buy, deliver, orderBody, SECRETS, tillCode } from '../support/pos';

/** member.export: everything held about the member, beyond the record itself (privacy.test.ts has the record). */
describe('the export carries everything held about the member (member.export)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('keeper', { nickname: '阿悦' });
  });

  const exported = async (openid = 'keeper') => {
    const answer = await h.call('member', openid, { action: 'export' });
    if (!answer.ok) throw new Error(`export failed: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  /** Writes a field of the stored member as another part of the programme would. */
  const setMemberFields = async (fields: Partial<Member>) => {
    const doc = h.cloud.db.find('members', { _id: memberId })[0]!;
    await h.cloud.db.apply([{ c: 'members', id: memberId, doc: { ...doc, ...fields } }]);
  };

  describe('services and what the store keeps', () => {
    it('lists the stylist bookings, event sign-ups and co-creation votes as made, and the notes and tags staff keep, by store name and never by clerk', async () => {
      await setMemberFields({ tier: 'loyal' });
      const published = await h.call('benefits', 'stylist-S001', { action: 'publishSlots', day: '20261126', start: '14:00', minutes: 45, count: 1 });
      const slotId = published.ok && published.data.slots[0].slotId;
      expect(await h.call('benefits', 'keeper', { action: 'book', slotId, scene: '面试', budget: 150_000, requestId: 'req-export-1' })).toMatchObject({ ok: true });
      expect(await h.call('benefits', 'keeper', { action: 'signUp', eventId: 'S001-demo-salon-1220' })).toMatchObject({ ok: true });
      expect(await h.call('benefits', 'keeper', { action: 'vote', pieceId: 'cc-2027-cardigan', like: true, fit: 4, price: 3, comment: '袖子再长一点', requestId: 'req-export-2' })).toMatchObject({ ok: true });
      expect(await h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '喜欢宽松版型', kind: 'note', requestId: 'req-export-3' })).toMatchObject({ ok: true });
      expect(await h.call('staff', 'staff-S001', { action: 'addTag', memberId, tagId: 'shopping-new' })).toMatchObject({ ok: true });

      const data = await exported();
      expect(data.bookings).toEqual([
        expect.objectContaining({ storeName: '悦衣库 上海静安店', stylistName: '陈造型', startAt: '2026-11-26T06:00:00.000Z', scene: '面试', budgetFen: 150_000, state: 'booked', cancelReason: null }),
      ]);
      expect(data.eventSignUps).toEqual([
        { eventId: 'S001-demo-salon-1220', title: '冬季新品私享会·围巾的十种系法', storeName: '悦衣库 上海静安店', startsAt: expect.any(String), state: 'seat', signedUpAt: START, checkedInAt: null },
      ]);
      expect(data.cocreationVotes).toEqual([{ pieceId: 'cc-2027-cardigan', pieceName: '云朵羊毛短开衫', like: true, fit: 4, price: 3, comment: '袖子再长一点', votedAt: START }]);
      expect(data.staffNotes).toEqual([{ storeName: '悦衣库 上海静安店', kind: 'note', text: '喜欢宽松版型', at: START }]);
      expect(data.staffTags).toEqual([{ tag: expect.any(String), storeName: '悦衣库 上海静安店', at: START }]);
      expect(JSON.stringify(data)).not.toMatch(/staff-S001|stylist-S001/);
    });
  });

  describe('orders and refunds', () => {
    it('shows an order with its basket, the amounts before and after the coupon, the coupon used, the store, the paid time and the points earned', async () => {
      const welcome = `welcome-80:${memberId}:once`;
      const body = orderBody(h, await tillCode(h, 'keeper'), 50_000, {
        items: [
          { sku: 'YYCOA011', qty: 1, priceFen: 40_000 },
          { sku: 'SCARF-02', qty: 2, priceFen: 5_000 },
        ],
        couponIds: [welcome],
      });
      expect((await deliver(h, 'orders', body)).status).toBe(200);

      expect((await exported()).orders).toEqual([
        {
          orderId: body.orderId,
          storeId: 'S001',
          storeName: '悦衣库 上海静安店',
          paidAt: START,
          // a SKU of the catalogue carries its name; one the catalogue does not know, none
          items: [
            { sku: 'YYCOA011', name: '双面羊毛大衣·墨黑', qty: 1, priceFen: 40_000 },
            { sku: 'SCARF-02', name: null, qty: 2, priceFen: 5_000 },
          ],
          listedFen: 50_000,
          discountFen: 10_000,
          paidFen: 40_000,
          coupons: [{ couponId: welcome, name: '首单8折券', discountFen: 10_000 }],
          pointsEarned: 400,
          refundedFen: 0,
          pointsClawedBack: 0,
        },
      ]);
    });

    it('shows a refund made at another store with the store that took the goods back, and the order shows what was refunded so far', async () => {
      const { body } = await buy(h, 'keeper', 39_900);
      h.clock.advance(3_600_000);
      const refund = await deliver(h, 'refunds', { orderId: body.orderId, refundId: 'R-HZ-1', amountFen: 9_900, orderStoreId: 'S001' }, { storeId: 'S002', secret: SECRETS.S002 });
      expect(refund.status).toBe(200);

      const data = await exported();
      expect(data.refunds).toEqual([
        {
          refundId: 'R-HZ-1',
          storeId: 'S002',
          storeName: '悦衣库 杭州湖滨店',
          orderId: body.orderId,
          orderStoreId: 'S001',
          amountFen: 9_900,
          at: '2026-11-25T03:00:00.000Z',
          pointsClawedBack: 99,
          couponsReturned: [],
        },
      ]);
      expect(data.orders).toEqual([expect.objectContaining({ orderId: body.orderId, paidFen: 39_900, refundedFen: 9_900, pointsClawedBack: 99 })]);
    });

    it('shows a whole refund of an order with a coupon giving the coupon back', async () => {
      const welcome = `welcome-80:${memberId}:once`;
      const body = orderBody(h, await tillCode(h, 'keeper'), 20_000, { couponIds: [welcome] });
      await deliver(h, 'orders', body);
      await deliver(h, 'refunds', { orderId: body.orderId, refundId: 'R-ALL', amountFen: 16_000 });

      const data = await exported();
      expect(data.orders).toEqual([expect.objectContaining({ listedFen: 20_000, discountFen: 4_000, paidFen: 16_000, refundedFen: 16_000, coupons: [{ couponId: welcome, name: '首单8折券', discountFen: 4_000 }] })]);
      expect(data.refunds).toEqual([expect.objectContaining({ refundId: 'R-ALL', storeId: 'S001', amountFen: 16_000, pointsClawedBack: 160, couponsReturned: [welcome] })]);
    });

    it('lists several orders newest first', async () => {
      const first = await buy(h, 'keeper', 10_000);
      h.clock.advance(86_400_000);
      const second = await buy(h, 'keeper', 20_000);
      expect((await exported()).orders.map((o: { orderId: string }) => o.orderId)).toEqual([second.body.orderId, first.body.orderId]);
    });

    it("holds nothing of another member's orders", async () => {
      await h.join('stranger');
      await buy(h, 'stranger', 12_300);
      const data = await exported();
      expect(data.orders).toEqual([]);
      expect(data.refunds).toEqual([]);
    });
  });

  describe('reminders', () => {
    it('shows the credits held and each message sent, field by field under its own name', async () => {
      await buy(h, 'keeper', 10_000);
      await h.call('member', 'keeper', { action: 'subscribe', accepted: ['pointsExpiring', 'birthdayGift'] });
      h.clock.set('2027-12-10T02:00:00.000Z');
      await runJobs(h, { action: 'run', job: 'points-reminders' });

      const data = await exported();
      expect(data.reminders).toEqual({ pointsExpiring: 0, couponExpiring: 0, birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
      expect(data.messages).toEqual([
        {
          template: 'pointsExpiring',
          title: '积分到期提醒',
          status: 'sent',
          at: '2027-12-10T02:00:00.000Z',
          lines: [
            { label: '积分数量', value: '100' },
            { label: '到期时间', value: '2027-12-31' },
            { label: '温馨提示', value: '积分到期后将失效，欢迎到店选购' },
          ],
        },
      ]);
    });

    it('exports every one of 1,005 messages, past the 1,000 one read gives', async () => {
      const at = h.clock.now();
      await h.cloud.db.apply(
        Array.from({ length: 1_005 }, (_, i) => ({
          c: 'messages',
          id: `couponExpiring:${memberId}:${String(i).padStart(4, '0')}`,
          doc: { _id: `couponExpiring:${memberId}:${String(i).padStart(4, '0')}`, memberId, template: 'couponExpiring', status: 'sent', data: { thing1: { value: `券${i}` } }, page: 'packages/coupons/index', at },
        })),
      );
      const messages = (await exported()).messages as Array<{ lines: Array<{ value: string }> }>;
      expect(messages).toHaveLength(1_005);
      expect(new Set(messages.map((m) => m.lines[0]!.value)).size).toBe(1_005);
    });
  });

  describe('qualifying spend and tiers', () => {
    it('shows the spend per day net of refunds, the quarter and 12-month figures, and when the member qualified', async () => {
      const { body } = await buy(h, 'keeper', 100_000);
      h.clock.advance(86_400_000);
      await buy(h, 'keeper', 30_000);
      await deliver(h, 'refunds', { orderId: body.orderId, refundId: 'R1', amountFen: 10_000 });

      const data = await exported();
      expect(data.spend).toEqual({
        days: [
          { day: '2026-11-25', fen: 90_000 },
          { day: '2026-11-26', fen: 30_000 },
        ],
        quarterFen: 120_000,
        yearFen: 120_000,
        settledReferrals: [],
      });
      expect(data.tier).toEqual({
        tier: 'grower',
        name: '成长者',
        since: START,
        qualifiedAt: { grower: '2026-11-26T02:00:00.000Z', loyal: null },
        keptUntil: '2027-11-26T02:00:00.000Z',
        // the order that made the member 成长者 wrote it into the tier history
        history: [{ from: 'explorer', fromName: '探索者', to: 'grower', toName: '成长者', at: START, reason: 'order' }],
      });
      expect(data.purchases).toEqual({ firstOrderAt: START, lastOrderAt: '2026-11-26T02:00:00.000Z', lastWinBackAt: null, winBackDueAt: '2026-12-26T02:00:00.000Z' });
    });

    it('shows the tier history the member document keeps, with the tier names', async () => {
      await setMemberFields({
        tierHistory: [
          { from: 'explorer', to: 'grower', at: new Date('2026-11-25T02:00:00.000Z'), reason: 'order' },
          { from: 'grower', to: 'explorer', at: new Date('2026-11-26T02:00:00.000Z'), reason: 'refund' },
        ],
      });
      expect((await exported()).tier.history).toEqual([
        { from: 'explorer', fromName: '探索者', to: 'grower', toName: '成长者', at: '2026-11-25T02:00:00.000Z', reason: 'order' },
        { from: 'grower', fromName: '成长者', to: 'explorer', toName: '探索者', at: '2026-11-26T02:00:00.000Z', reason: 'refund' },
      ]);
    });

    it('gives a new member empty records, not missing ones', async () => {
      const data = await exported();
      expect(data).toMatchObject({
        orders: [],
        refunds: [],
        messages: [],
        spend: { days: [], quarterFen: 0, yearFen: 0, settledReferrals: [] },
        tier: { tier: 'explorer', name: '探索者', keptUntil: null, qualifiedAt: { grower: null, loyal: null }, history: [] },
        purchases: { firstOrderAt: null, lastOrderAt: null },
      });
    });
  });
});
