/**
 * A store's last five weeks made the way they happen, through the dev gateway on the dev clock:
 * shoppers join S001 (3 a weekday, 6 a weekend day; a third through 林小悦's own code), half pay at the signed till with their
 * first-order coupon, some come back; yesterday only one joined, so the nightly alerts job raises
 * 新会员骤降. For the ops e2e test and the screenshots script.
 */
import { post } from '../../support/devServer';
import { SECRET_S001, signedHeaders } from '../../support/pos';
import { newOpenid, type Stage } from './app';

const DAY = 86_400_000;
export const MANAGER = 'manager-S001';

/** The day the store's weeks end on (the dev clock's "today"): a fixed Monday, so the figures and the night's alert are the same whenever the test runs (no holiday near). */
export const TODAY = '2026-12-07';

/** `hour`:00 in Shanghai `back` days before TODAY. */
export function dayAt(back: number, hour = 11): Date {
  return new Date(new Date(`${TODAY}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime() - back * DAY);
}

export async function clock(stage: Stage, at: Date | null): Promise<void> {
  const { status } = await post(`${stage.server.url}api/dev/clock`, { now: at ? at.toISOString() : null });
  if (status !== 200) throw new Error(`clock answered ${status}`);
}

let orders = 0;
/** The member pays `amountFen` at S001's till now (dev clock), with their first-order coupon if asked. */
async function pay(stage: Stage, openid: string, amountFen: number, at: Date, withCoupon: boolean): Promise<void> {
  const code = (await stage.fn('member', { action: 'code' }, openid)).data.code as string;
  let couponIds: string[] | undefined;
  if (withCoupon) {
    const wallet = await stage.fn('coupon', { action: 'list', status: 'available' }, openid);
    const first = (wallet.data?.coupons ?? []).find((c: { name: string }) => /首单/.test(c.name));
    if (first) couponIds = [first.couponId];
  }
  const body = JSON.stringify({ orderId: `SHOT${Date.now().toString(36)}${(orders += 1)}`, memberCode: code, amountFen, items: [{ sku: 'YYBAG011', qty: 1, priceFen: amountFen }], paidAt: at.toISOString(), ...(couponIds ? { couponIds } : {}) });
  const res = await fetch(`${stage.server.url}api/pos/orders`, { method: 'POST', body, headers: signedHeaders(body, { storeId: 'S001', secret: SECRET_S001, timestamp: at.getTime() }) });
  if (res.status !== 200) throw new Error(`till answered ${res.status}: ${await res.text()}`);
}

/** Five weeks of S001: busier weekends, about a third through the clerk's code, yesterday a quiet day (one join: ≥ 50 % below any weekday's usual). */
export async function storeWeeks(stage: Stage): Promise<{ joined: number; alertsRaised: number }> {
  const scene = (await stage.fn('staff', { action: 'joinCode' }, 'staff-S001')).data.scene as string;
  const clerk = new URLSearchParams(scene).get('c')!;
  let k = 0;
  for (let back = 35; back >= 1; back -= 1) {
    const at = dayAt(back);
    const weekend = [0, 6].includes(new Date(at.getTime() + 8 * 3_600_000).getUTCDay());
    const joins = back === 1 ? 1 : (weekend ? 6 : 3) + (back % 3 === 0 ? 1 : 0);
    await clock(stage, at);
    for (let i = 0; i < joins; i += 1) {
      k += 1;
      const openid = newOpenid(`ops${k}`);
      const viaClerk = k % 3 === 0;
      await stage.fn('member', { action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: true, nickname: `会员${k}`, ...(viaClerk ? { clerk } : {}) }, openid);
      if (k % 2 === 0) {
        const paidAt = new Date(at.getTime() + 30 * 60_000);
        await clock(stage, paidAt);
        await pay(stage, openid, 29_900 + (k % 5) * 10_000, paidAt, true);
        if (k % 6 === 0 && back > 3) {
          const again = new Date(paidAt.getTime() + 2 * DAY);
          await clock(stage, again);
          await pay(stage, openid, 45_900, again, false);
        }
        await clock(stage, at);
      }
    }
  }
  // the night's run, at 02:00 today: judges yesterday
  await clock(stage, dayAt(0, 2));
  const run = await post(`${stage.server.url}api/dev/jobs/alerts`, {});
  await clock(stage, dayAt(0, 10));
  return { joined: k, alertsRaised: run.body?.data?.runs?.[0]?.changed ?? 0 };
}

