import { hexToBytes, offlineCodeAt, stepAt } from '../../cloudfunctions/contract/tillCode';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { deliver, orderBody, type PosAnswer, tillCode } from '../support/pos';

const STAFF = 'staff-S001';
const DAY = 86_400_000;

interface Device {
  handle: string;
  secret: string;
}

describe('the offline till code (member.device, 67… codes at the till and the counter)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('shopper', { nickname: '小雅' });
  });

  async function newDevice(openid = 'shopper'): Promise<Device> {
    const answer = await h.call('member', openid, { action: 'device' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  }
  /** The code the phone shows now (its clock agrees with ours), with no request. */
  const codeOf = (d: Device, at = h.clock.now().getTime()) => offlineCodeAt({ handle: d.handle, secret: hexToBytes(d.secret) }, stepAt(at));
  const pay = (code: string, amountFen = 10_000, extra: Record<string, unknown> = {}, storeId = 'S001') => deliver(h, 'orders', orderBody(h, code, amountFen, extra), storeId === 'S001' ? {} : { storeId, secret: `dev-secret-${storeId}` });
  const lookup = (code: string, clerk = STAFF) => h.call('staff', clerk, { action: 'lookup', code });
  /** A well-formed offline code for the device with a wrong password. */
  const wrongCode = (d: Device, n = 0) => {
    const right = codeOf(d).slice(10);
    const otp = String((Number(right) + 1 + n) % 100_000_000).padStart(8, '0');
    return `67${d.handle}${otp}`;
  };

  describe('member.device', () => {
    it('issues a random handle and a 32-byte secret that works for 7 days, with our time and the step length', async () => {
      const answer = await h.call('member', 'shopper', { action: 'device' });
      expect(answer).toEqual({
        ok: true,
        data: {
          handle: expect.stringMatching(/^\d{8}$/),
          secret: expect.stringMatching(/^[0-9a-f]{64}$/),
          issuedAt: '2026-11-25T02:00:00.000Z',
          rotateBy: '2026-12-02T02:00:00.000Z',
          serverTime: '2026-11-25T02:00:00.000Z',
          stepSeconds: 30,
        },
      });
    });

    it('stores no secret: the device record holds the handle, member and dates only', async () => {
      const d = await newDevice();
      const stored = h.cloud.db.find('tillDevices', {});
      expect(stored).toEqual([{ _id: d.handle, memberId, issuedAt: expect.any(Date), rotateBy: expect.any(Date), replacedAt: null, lastUsedStep: null, lastUsedFor: null }]);
      expect(JSON.stringify(h.cloud.db.find('tillDevices', {}))).not.toContain(d.secret);
    });

    it('never leaves two current devices, however many opens run in parallel', async () => {
      await Promise.all(Array.from({ length: 10 }, () => newDevice()));
      expect(h.cloud.db.count('tillDevices', { memberId })).toBe(10);
      expect(h.cloud.db.count('tillDevices', { memberId, replacedAt: null })).toBeLessThanOrEqual(1);
      // the next open is the one current device
      const last = await newDevice();
      expect(h.cloud.db.find('tillDevices', { memberId, replacedAt: null }).map((d) => d._id)).toEqual([last.handle]);
    });

    it('is NOT_MEMBER for a shopper who has not joined', async () => {
      expect(await h.call('member', 'stranger', { action: 'device' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    });

    it('costs 4 requests: the member, the device added under its handle, the older ones marked replaced, the member still there', async () => {
      expect((await h.measure('member', 'shopper', { action: 'device' })).requests).toBe(4);
    });
  });

  describe('at the till', () => {
    it('pays with an offline code once and refuses it after (CODE_EXPIRED, 422)', async () => {
      const code = codeOf(await newDevice());
      expect(await pay(code, 39_900)).toMatchObject({ status: 200, body: { ok: true, data: { memberId, pointsEarned: 399 } } });
      expect(await pay(code, 20_000)).toMatchObject({ status: 422, body: { ok: false, error: { code: 'CODE_EXPIRED' } } });
      expect(h.cloud.db.count('orders', { memberId })).toBe(1);
    });

    it('refuses an older code after a newer one was used', async () => {
      const d = await newDevice();
      const older = codeOf(d);
      h.clock.advance(30_000);
      expect((await pay(codeOf(d))).status).toBe(200);
      expect(await pay(older, 10_000, { paidAt: new Date(h.clock.now().getTime() - 20_000).toISOString() })).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    });

    it('records one order of 10 sent in parallel with one code', async () => {
      const code = codeOf(await newDevice());
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => pay(code, 10_000 + i)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(422)]);
      expect(h.cloud.db.count('orders', { memberId })).toBe(1);
      expect(h.cloud.db.find('members', { _id: memberId })[0]).toMatchObject({ points: answers.find((a) => a.status === 200)!.body.data.pointsEarned });
    });

    it('quotes the member’s wallet for an offline code without using it', async () => {
      const code = codeOf(await newDevice());
      const quote = await deliver(h, 'quotes', { memberCode: code, amountFen: 10_000, items: [{ sku: 'SKU-1', qty: 1, priceFen: 10_000 }] });
      expect(quote).toMatchObject({ status: 200, body: { ok: true, data: { memberId } } });
      expect((await pay(code)).status).toBe(200);
    });

    it('accepts a phone whose clock is 30 s off ours, either way', async () => {
      const d = await newDevice();
      expect((await pay(codeOf(d, h.clock.now().getTime() + 30_000))).status).toBe(200);
      h.clock.advance(30_000);
      expect((await pay(codeOf(d, h.clock.now().getTime() + 30_000))).status).toBe(200);
      h.clock.advance(60_000);
      expect(await pay(codeOf(d, h.clock.now().getTime() - 90_000))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    });

    it('still pays with server codes (66…) for tills and app builds that use them', async () => {
      const code = await tillCode(h, 'shopper');
      expect(code.startsWith('66')).toBe(true);
      expect(await pay(code)).toMatchObject({ status: 200, body: { ok: true, data: { memberId, pointsEarned: 100 } } });
    });
  });

  describe('at the counter (staff.lookup)', () => {
    it('resolves an offline code without using it: the till can pay with it after', async () => {
      const code = codeOf(await newDevice());
      const first = await lookup(code);
      expect(first).toMatchObject({ ok: true, data: { member: { memberId, nickname: '小雅' } } });
      expect((await lookup(code)).ok).toBe(true);
      expect((await pay(code)).status).toBe(200);
      // used now: the clerk hears so too
      expect(await lookup(code)).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    });
  });

  describe('revocation', () => {
    it('a new member.device revokes the old device’s codes (a till that scanned one just before keeps its grace)', async () => {
      const old = await newDevice();
      const scanned = codeOf(old);
      h.clock.advance(5_000);
      const fresh = await newDevice();
      // the clerk knows only the device on the phone now
      expect(await lookup(scanned)).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
      expect((await pay(scanned, 10_000, { paidAt: new Date(h.clock.now().getTime() - 5_000).toISOString() })).status).toBe(200);
      // after the grace the old device gives nothing, the new one pays
      h.clock.advance(60_000);
      expect(await pay(codeOf(old))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
      expect((await pay(codeOf(fresh))).status).toBe(200);
    });

    it('leaves no device after member.delete: its codes name nobody', async () => {
      const d = await newDevice();
      expect(await h.call('member', 'shopper', { action: 'delete', confirm: true })).toMatchObject({ ok: true });
      expect(h.cloud.db.count('tillDevices', {})).toBe(0);
      expect(await pay(codeOf(d))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    });

    it('refuses a device that has not been online for 7 days', async () => {
      const d = await newDevice();
      h.clock.advance(7 * DAY);
      expect(await pay(codeOf(d))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED', message: expect.stringContaining('7 days') } } });
    });

    it('the sweep removes devices that ended a day ago and old wrong-guess counters', async () => {
      const d = await newDevice();
      await newDevice();
      await pay(wrongCode(d));
      expect(h.cloud.db.count('codeGuesses', {})).toBe(1);
      h.clock.advance(DAY + 60_000);
      expect(await runJobs(h, { action: 'run', job: 'sweep' })).toMatchObject({ ok: true });
      expect(h.cloud.db.find('tillDevices', {}).map((x) => x._id)).not.toContain(d.handle);
      expect(h.cloud.db.count('tillDevices', {})).toBe(1);
      expect(h.cloud.db.count('codeGuesses', {})).toBe(0);
    });
  });

  describe('the wrong-guess limit', () => {
    it('refuses a till’s 11th wrong code of a minute, and then a right one, with LIMIT_REACHED (429); another store is unaffected; the next minute works', async () => {
      const d = await newDevice();
      // a minute's start, so the 11 tries all fall in it
      h.clock.set('2026-11-25T02:01:00.000Z');
      const wrong: PosAnswer[] = [];
      for (let i = 0; i < 10; i += 1) wrong.push(await pay(wrongCode(d, i)));
      expect(wrong.map((a) => a.status)).toEqual(Array(10).fill(422));
      expect(await pay(wrongCode(d, 10))).toMatchObject({ status: 429, body: { ok: false, error: { code: 'LIMIT_REACHED' } } });
      expect(await pay(codeOf(d))).toMatchObject({ status: 429, body: { ok: false, error: { code: 'LIMIT_REACHED' } } });
      expect(h.cloud.db.count('orders', {})).toBe(0);
      // S002's tills count apart
      expect((await pay(codeOf(d), 10_000, {}, 'S002')).status).toBe(200);
      h.clock.advance(60_000);
      expect((await pay(codeOf(d))).status).toBe(200);
    });

    it('looks at no more than 10 of 40 wrong codes a till sends at once: the rest are refused unseen (429)', async () => {
      const d = await newDevice();
      h.clock.set('2026-11-25T02:01:00.000Z');
      const burst = await Promise.all([...Array.from({ length: 40 }, (_, i) => pay(wrongCode(d, i))), pay(codeOf(d))]);
      const statuses = burst.slice(0, 40).map((a) => a.status);
      const seen = statuses.filter((s) => s === 422).length;
      expect(seen).toBeLessThanOrEqual(10);
      expect(seen + statuses.filter((s) => s === 429).length).toBe(40);
      // the right code pays if it had a slot, else waits for the next minute like the rest
      expect([200, 429]).toContain(burst[40]!.status);
      // the minute's count is the wrong codes looked at, never past the limit
      expect(h.cloud.db.find('codeGuesses', {}).map((c) => [c.count, c.wrong])).toEqual([[seen, seen]]);
      h.clock.advance(60_000);
      expect((await pay(codeOf(d))).status).toBe(200);
    });

    it('gives a right code’s slot back: 30 right codes in a minute at a busy store all pay', async () => {
      h.clock.set('2026-11-25T02:01:00.000Z');
      const paid: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        await h.join(`busy-${i}`);
        const d = await newDevice(`busy-${i}`);
        paid.push((await pay(codeOf(d))).status);
      }
      expect(paid).toEqual(Array(30).fill(200));
      expect(h.cloud.db.find('codeGuesses', {}).map((c) => c.count)).toEqual([0]);
    });

    it('pays 40 right codes a store sends at once: they wait for a free slot rather than being refused', async () => {
      h.clock.set('2026-11-25T02:01:00.000Z');
      const devices = [];
      for (let i = 0; i < 40; i += 1) {
        await h.join(`rush-${i}`);
        devices.push(await newDevice(`rush-${i}`));
      }
      const paid = await Promise.all(devices.map((d) => pay(codeOf(d))));
      expect(paid.map((a) => a.status)).toEqual(Array(40).fill(200));
      expect(h.cloud.db.find('codeGuesses', {}).map((c) => [c.count, c.wrong])).toEqual([[0, 0]]);
    });

    it('counts unknown server codes and unknown handles too; a wrong code writes nothing but the counter', async () => {
      h.clock.set('2026-11-25T02:01:00.000Z');
      const before = h.cloud.db.count('orders', {});
      expect((await pay('660000000000000000')).status).toBe(422);
      expect((await pay('670000000000000000')).status).toBe(422);
      expect(h.cloud.db.find('codeGuesses', {})).toEqual([{ _id: `till:S001:${Math.floor(h.clock.now().getTime() / 60_000)}`, count: 2, wrong: 2, at: h.clock.now() }]);
      expect(h.cloud.db.count('orders', {})).toBe(before);
    });

    it('refuses a clerk’s 6th wrong code of a minute, and then a right one, with LIMIT_REACHED', async () => {
      const d = await newDevice();
      h.clock.set('2026-11-25T02:01:00.000Z');
      for (let i = 0; i < 5; i += 1) expect(await lookup(wrongCode(d, i))).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
      expect(await lookup(wrongCode(d, 5))).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      expect(await lookup(codeOf(d))).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      // the till of the store is not the clerk: it still pays
      expect((await pay(codeOf(d))).status).toBe(200);
      h.clock.advance(60_000);
      expect((await lookup(codeOf(d))).ok).toBe(true);
    });
  });

  describe('member.receipt', () => {
    it('is null before any order and NOT_MEMBER for a shopper who has not joined', async () => {
      expect(await h.call('member', 'shopper', { action: 'receipt' })).toEqual({ ok: true, data: { receipt: null } });
      expect(await h.call('member', 'stranger', { action: 'receipt' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    });

    it('shows the last order a code of the member paid: payable, the coupons by name, points, balance and the tier change', async () => {
      const wallet = await h.call('coupon', 'shopper', { action: 'list', status: 'available' });
      const welcome = (wallet.ok ? (wallet.data.coupons as Array<{ couponId: string; templateId: string }>) : []).find((c) => c.templateId === 'welcome-80')!;
      const code = codeOf(await newDevice());
      const body = orderBody(h, code, 150_000, { couponIds: [welcome.couponId] });
      const paid = await deliver(h, 'orders', body);
      expect(paid.status).toBe(200);
      expect(await h.call('member', 'shopper', { action: 'receipt' })).toEqual({
        ok: true,
        data: {
          receipt: {
            receiptId: `S001:${body.orderId}`,
            usedAt: h.clock.now().toISOString(),
            storeName: '悦衣库 上海静安店',
            payableFen: 120_000,
            discountFen: 30_000,
            coupons: ['首单8折券'],
            pointsEarned: 1_200,
            balance: 1_200,
            tierBefore: 'explorer',
            tier: 'grower',
          },
        },
      });
    });

    it('follows server codes too, and a retried delivery changes nothing', async () => {
      const first = orderBody(h, await tillCode(h, 'shopper'), 10_000);
      await deliver(h, 'orders', first);
      h.clock.advance(60_000);
      const second = orderBody(h, codeOf(await newDevice()), 20_000);
      await deliver(h, 'orders', second);
      h.clock.advance(1_000);
      expect((await deliver(h, 'orders', first)).status).toBe(200);
      expect(await h.call('member', 'shopper', { action: 'receipt' })).toMatchObject({ ok: true, data: { receipt: { receiptId: `S001:${second.orderId}`, payableFen: 20_000, balance: 300 } } });
    });

    it('costs 1 request (the member by openid carries it)', async () => {
      expect((await h.measure('member', 'shopper', { action: 'receipt' })).requests).toBe(1);
    });

    it('is erased when the member leaves', async () => {
      await deliver(h, 'orders', orderBody(h, codeOf(await newDevice()), 10_000));
      await h.call('member', 'shopper', { action: 'delete', confirm: true });
      expect(JSON.stringify(h.cloud.db.find('members', {}))).not.toContain('receiptId');
    });
  });

  it('shows the device in the member’s export without the secret', async () => {
    const d = await newDevice();
    const exported = await h.call('member', 'shopper', { action: 'export' });
    expect(exported).toMatchObject({ ok: true, data: { tillDevices: [{ handle: d.handle, issuedAt: '2026-11-25T02:00:00.000Z', rotateBy: '2026-12-02T02:00:00.000Z', replacedAt: null }], lastReceipt: null } });
    expect(JSON.stringify(exported)).not.toContain(d.secret);
  });
});
