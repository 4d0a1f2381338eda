import { stockBuckets } from '../../cloudfunctions/domain/coupons/stockBuckets';
import { createHarness } from '../support/harness';
import { answers, colour, rate } from '../unit/styleFixtures';

/** A complete quiz, saved in one step for the bench (the app saves a step at a time: each save is one row's cost). */
const STYLE_ANSWERS = answers({ boards: rate(['parisAfternoon', 'frenchKnit']), colour: colour('green gold tans auburn warmBrown low') });
import { deliver, orderBody, type PosAnswer } from '../support/pos';
import { hexToBytes, offlineCodeAt, stepAt } from '../../cloudfunctions/contract/tillCode';

/** One measured action: the database requests it sent next to the fewest the design needs. */
export interface RequestRow {
  action: string;
  minimum: number;
  reason: string;
  actual: number;
  docsExamined: number;
  /** 'ok' or the error code the call answered */
  answer: string;
  overMinimum: boolean;
}

const ENROLL = { action: 'enroll', storeId: 'S001', privacyAccepted: true, birthday: '11-27' };

/** Design minimums: the fewest database requests each action can make, and why. */
export const MINIMUMS = {
  'member.enroll (new)': {
    minimum: 8,
    reason: 'find member by openid, the store, the welcome templates and the shopper’s former use (parallel reads); one transaction: start, member add (the unique index on openid decides races), welcome coupon add, commit',
  },
  'member.enroll (existing)': { minimum: 2, reason: 'find member by openid, then their available coupons (the card it answers carries the wallet in brief)' },
  'member.card': { minimum: 2, reason: 'find member by openid (the member doc carries the home store name and the tier figures), then their available coupons on the member index (the wallet in brief: what the till takes, what ends soon)' },
  'member.code': {
    minimum: 4,
    reason: 'find member, read the code it replaces (kept for a till that scanned it a moment ago), one doc(memberId).set that retires it for lookups, then the member once more (one who began leaving meanwhile keeps no code)',
  },
  'member.device': {
    minimum: 4,
    reason: 'find member, the device added under its random handle (its id: a handle held already is drawn again), the member\u2019s older devices marked replaced (one conditional update), the member once more (one who began leaving meanwhile keeps no device); the secret is derived, never read or written',
  },
  'member.receipt': { minimum: 1, reason: 'find member by openid (the member document carries the last receipt, written in the order\u2019s transaction)' },
  'staff.lookup': { minimum: 8, reason: 'staff, then the code beside a slot of the clerk\u2019s minute of wrong codes (a compare-and-set; the minute\u2019s first code also makes its counter), the slot given back (the code named a member), the member, the look written to the audit log, their coupons (the passes the clerk can check off at the counter)' },
  'staff.lookup (offline code)': { minimum: 7, reason: 'staff, then the device by its handle (the password is checked in memory against the derived secret) beside a slot of the clerk\u2019s minute (its counter there already), the slot given back, the member, the look written to the audit log, their coupons' },
  'pos.orders (first, with the welcome coupon)': {
    minimum: 22,
    reason:
      'the 14 of an order, + the wrong-code counter of the store\u2019s minute made (the minute\u2019s first code), + the basket\u2019s categories beside the order and code reads (a category coupon counts only its pieces), + the coupon read and its use (in the transaction), + the second-item template, coupon and former-use reads and its add (the first paid order brings it once ever, in the same commit)',
  },
  'pos.orders (new)': {
    minimum: 14,
    reason:
      'store secret, nonce insert (the unique key refuses replays), order + code reads beside a slot of the store\u2019s minute of wrong codes (a compare-and-set: a till past its minute\u2019s wrong codes is refused whatever it sends), the slot given back; one transaction: start, code and member reads (both may have changed since), order add, ledger add (one earn line), member update (balance, lots, spend, tier), code marked used, commit',
  },
  'pos.orders (offline code)': {
    minimum: 14,
    reason:
      'the 14 of an order: the device read by its handle in place of the code (the password checked in memory against the derived secret), and in the transaction the device read again and its lastUsedStep written in place of the code\u2019s',
  },
  'pos.quotes': { minimum: 8, reason: 'store secret, nonce insert, the code beside a slot of the store\u2019s minute of wrong codes, the slot given back, then the member, their coupons and the basket\u2019s categories (a category coupon counts only its pieces) in parallel' },
  'pos.orders (retried delivery)': {
    minimum: 7,
    reason: 'store secret, nonce insert, then the order read answers the first result (the code read, a slot of the minute taken and given back and, with coupons named, the basket\u2019s categories go alongside it)',
  },
  'pos.refunds': {
    minimum: 13,
    reason: 'store secret, nonce insert, refund + order reads in parallel, the member’s unused tier gifts (a query: it cannot run in the transaction); one transaction: start, order and member reads, refund add, order update (refunded total), ledger add, member update, commit',
  },
  'points.summary': { minimum: 2, reason: 'find member by openid (it carries the account cache), the subscribe credits' },
  'points.history': { minimum: 2, reason: 'find member by openid, one page of the ledger (one more line than asked tells if there is a next page)' },
  'points.rewards': { minimum: 2, reason: 'find member by openid, the reward templates' },
  'points.redeem': { minimum: 9, reason: 'find member, the reward template; one transaction: start, the spend key (a retry answers the first), member, ledger add, member update, coupon add, commit' },
  'coupon.list': { minimum: 3, reason: 'find member by openid, then their coupons (one query; tabs and counts split in memory) and their reminder credits in parallel' },
  'coupon.center': { minimum: 5, reason: 'find member, the campaign templates, then their stock, the member’s coupons and the shopper’s former use in parallel' },
  'coupon.claim (limited stock)': {
    minimum: 7,
    reason: 'find member, the template and the former use (parallel), the claim slot insert (the unique id is the per-member limit), the conditional stock decrement, the coupon made available, the member once more (one who began leaving meanwhile keeps no coupon)',
  },
  'coupon.claim (stock in buckets)': {
    minimum: 8,
    reason: 'the 7 of a limited claim, + what each of the stock’s buckets has left (one read by _id), so the conditional decrement goes to a bucket with units left, the member’s own first',
  },
  'coupon.claim (unlimited)': { minimum: 5, reason: 'find member, the template and the former use (parallel), the claim slot insert, the member once more (one who began leaving meanwhile keeps no coupon)' },
  'coupon.birthday': { minimum: 4, reason: 'find member, then the tier’s gift template, this year’s birthday coupon and the former use in parallel' },
  'referral.mine (first: draws the code)': {
    minimum: 6,
    reason: 'the 4 of referral.mine, + the drawn code claimed by its unique id (inviteCodes insert) and given to the member only if they have none (one conditional update: parallel first calls keep one code)',
  },
  'referral.mine': {
    minimum: 4,
    reason: 'find member by openid (it carries the code and the settled referrals for the 忠诚者 progress), then their referrals’ statuses (one query on the inviter_list index, status and reason only) and the programme in parallel, then its reward templates (their ids are in the programme)',
  },
  'referral.invitees': { minimum: 2, reason: 'find member by openid, one page of their referrals newest first on the inviter_list index (one more than asked tells if there is a next page)' },
  'referral.inviter': { minimum: 4, reason: 'the code, then its member (masked nickname; one who is leaving is not found), the programme, its reward templates (the join page shows what both get)' },
  'member.enroll (with a ref)': {
    minimum: 13,
    reason:
      'the 8 of a new enroll, + the code and the programme read beside the other reads, then the inviter (attribution is judged on them), + the referral added in the member’s own transaction (one per invitee by its keyed id), + the inviter read once more after the commit (an inviter whose erase ran meanwhile is forgotten here)',
  },
  'style.quiz (first: makes the profile)': {
    minimum: 7,
    reason: 'the 4 of style.quiz, + the profile added on first use (its id is the memberId: two first opens make one), the member still there (a profile made while they leave is taken back), the profile read back',
  },
  'style.quiz': { minimum: 4, reason: 'find member, then the style profile (answers so far), the catalogue on sale (the boards are drawn from it) and the latest report in parallel' },
  'style.saveAnswers': { minimum: 4, reason: 'find member, the profile (the save is checked against what it completes), one conditional update of the attempt’s dotted answer fields, the profile read back (a parallel save’s answers come with it)' },
  'style.submit (first: report and coupon)': {
    minimum: 15,
    reason:
      'find member, profile and weights in parallel, the report added under the attempt’s id (parallel submits make one), the attempt closed, the member still there; the 穿搭诊断 coupon: its id, then the template and former use, the insert, the member still there; then the report view (the report, the history, the catalogue, the coupon in parallel)',
  },
  'style.report': { minimum: 6, reason: 'find member, the latest report’s attempt, then the report, the history, the catalogue on sale (products that fit) and the coupon in parallel' },
  'style.wardrobe (first: the till\u2019s pieces arrive)': {
    minimum: 9,
    reason: 'find member, then the orders and the wardrobe in parallel, the catalogue for the lines not in it yet, one add per new piece (keyed by its order line), the member still there, the wardrobe read back, the stores the pieces came from',
  },
  'style.wardrobe': { minimum: 4, reason: 'find member, then the orders and the wardrobe in parallel (nothing new: no catalogue read, no write), the stores the pieces came from' },
  'style.wear (an outfit of 2)': { minimum: 8, reason: 'find member, each piece read (in parallel), one compare-and-set per piece (the day added only if absent), each read back, the stores for the view' },
  'style.todayOutfits': {
    minimum: 7,
    reason: 'find member, then in parallel the wardrobe brought up to date (orders and pieces: 2), the catalogue on sale, the latest report and the home store (its city for the weather), then the saved outfits (each outfit says whether it is saved); the plan itself is pure, in memory',
  },
  'style.tags': { minimum: 5, reason: 'find member, then the profile, the latest report, the last 12 months’ orders and the latest 新品共创 vote (产品共创型用户) in parallel (the orders’ products and stores after, only when there are orders)' },
  'benefits.bookingOptions': {
    minimum: 6,
    reason: 'find member, their bookings (the rules: two upcoming, no-show pause), then the free slots counted per store (one aggregation, however many stores) with their wardrobe, then the store names with the chosen store’s free slots',
  },
  'benefits.book': {
    minimum: 9,
    reason: 'find member, their bookings, then this request’s booking (a retry answers it) with the slot, their seats, one seat added (its unique id decides: at most two), the slot taken by a conditional update (one of any number of racers), the booking added, the store name for the answer',
  },
  'benefits.myBookings': { minimum: 4, reason: 'find member, their bookings, then the store names with the reminder credits' },
  'benefits.events': { minimum: 3, reason: 'find member, then the home store’s events to come with their own sign-ups' },
  'benefits.signUp': {
    minimum: 12,
    reason:
      'find member, then the event with their sign-up, the sign-up added to the waiting list, the seats filled in order (a seat taken by a conditional increment, the head of the list, the sign-up moved to the seat; then one more seat taken, nobody waiting, given back), the event and the sign-up read back for the answer',
  },
} as const;

/** Runs each action once on a fresh seeded stand-in and counts the requests it sent. */
export async function measureRequests(): Promise<RequestRow[]> {
  const h = await createHarness();
  const rows: RequestRow[] = [];
  const record = (action: keyof typeof MINIMUMS, m: { answer: { ok: boolean; error?: { code: string } }; requests: number; docsExamined: number }) => {
    const { minimum, reason } = MINIMUMS[action];
    const answer = m.answer.ok ? 'ok' : (m.answer.error?.code ?? 'error');
    rows.push({ action, minimum, reason, actual: m.requests, docsExamined: m.docsExamined, answer, overMinimum: m.requests > minimum });
  };

  const recordPos = (action: keyof typeof MINIMUMS, a: PosAnswer) =>
    record(action, { answer: a.body as { ok: boolean; error?: { code: string } }, requests: a.requests, docsExamined: a.docsExamined });

  // a few other members first, so reads by openid are not answered from an empty collection
  for (let i = 0; i < 20; i += 1) await h.join(`bench-req-other-${i}`);

  const enrollNew = await h.measure('member', 'bench-req-1', ENROLL);
  record('member.enroll (new)', enrollNew);
  if (!enrollNew.answer.ok || enrollNew.answer.data.created !== true) throw new Error(`enroll (new) did not create: ${JSON.stringify(enrollNew.answer)}`);
  const enrollAgain = await h.measure('member', 'bench-req-1', ENROLL);
  record('member.enroll (existing)', enrollAgain);
  if (!enrollAgain.answer.ok || enrollAgain.answer.data.created !== false) throw new Error(`enroll (existing) created again: ${JSON.stringify(enrollAgain.answer)}`);
  record('member.card', await h.measure('member', 'bench-req-1', { action: 'card' }));
  // a first code, then a second that must retire the first: the second is the one measured
  await h.measure('member', 'bench-req-1', { action: 'code' });
  const code = await h.measure('member', 'bench-req-1', { action: 'code' });
  record('member.code', code);
  if (!code.answer.ok) throw new Error(`code failed: ${JSON.stringify(code.answer)}`);
  record('staff.lookup', await h.measure('staff', 'staff-S001', { action: 'lookup', code: code.answer.data.code }));

  // the till: a first order with the welcome coupon, its retried delivery, a partial refund, a repeat customer's order, a quote
  const wallet = await h.measure('coupon', 'bench-req-1', { action: 'list', status: 'available' });
  record('coupon.list', wallet);
  const welcome = wallet.answer.ok ? (wallet.answer.data.coupons as Array<{ couponId: string; templateId: string }>).find((c) => c.templateId === 'welcome-80') : undefined;
  if (!welcome) throw new Error(`no welcome coupon: ${JSON.stringify(wallet.answer)}`);
  const order = { ...orderBody(h, code.answer.data.code, 39900), couponIds: [welcome.couponId] };
  const paid = await deliver(h, 'orders', order);
  recordPos('pos.orders (first, with the welcome coupon)', paid);
  recordPos('pos.orders (retried delivery)', await deliver(h, 'orders', order));
  recordPos('pos.refunds', await deliver(h, 'refunds', { orderId: order.orderId, refundId: 'BENCH-R1', amountFen: 10000 }));
  const next = await h.measure('member', 'bench-req-1', { action: 'code' });
  if (!next.answer.ok) throw new Error(`code failed: ${JSON.stringify(next.answer)}`);
  recordPos('pos.quotes', await deliver(h, 'quotes', { memberCode: next.answer.data.code, amountFen: 59900, items: [{ sku: 'YY-1', qty: 1, priceFen: 59900 }] }));
  recordPos('pos.orders (new)', await deliver(h, 'orders', orderBody(h, next.answer.data.code, 59900)));
  // the offline code: the phone's device (on every online open), a code computed with no request, looked up and paid, then the receipt
  await h.measure('member', 'bench-req-1', { action: 'device' });
  const device = await h.measure('member', 'bench-req-1', { action: 'device' });
  record('member.device', device);
  if (!device.answer.ok) throw new Error(`device failed: ${JSON.stringify(device.answer)}`);
  h.clock.advance(30_000);
  const offline = offlineCodeAt({ handle: device.answer.data.handle, secret: hexToBytes(device.answer.data.secret) }, stepAt(h.clock.now().getTime()));
  record('staff.lookup (offline code)', await h.measure('staff', 'staff-S001', { action: 'lookup', code: offline }));
  recordPos('pos.orders (offline code)', await deliver(h, 'orders', orderBody(h, offline, 29900)));
  record('member.receipt', await h.measure('member', 'bench-req-1', { action: 'receipt' }));
  record('points.summary', await h.measure('points', 'bench-req-1', { action: 'summary' }));
  record('points.history', await h.measure('points', 'bench-req-1', { action: 'history' }));
  record('points.rewards', await h.measure('points', 'bench-req-1', { action: 'rewards' }));
  record('points.redeem', await h.measure('points', 'bench-req-1', { action: 'redeem', rewardId: 'reward-20' }));
  record('coupon.center', await h.measure('coupon', 'bench-req-1', { action: 'center' }));
  record('coupon.claim (limited stock)', await h.measure('coupon', 'bench-req-1', { action: 'claim', templateId: 'new-arrival-trial' }));
  record('coupon.claim (unlimited)', await h.measure('coupon', 'bench-req-1', { action: 'claim', templateId: 'winter-300-50' }));
  // a flash campaign whose 50,000 units are kept in buckets (domain/coupons/stockBuckets)
  const trial = h.cloud.db.find('couponTemplates', { _id: 'new-arrival-trial' })[0]!;
  const flash = { ...trial, _id: 'bench-flash', stock: 50_000 };
  await h.cloud.db.apply([{ c: 'couponTemplates', id: flash._id, doc: flash }, ...stockBuckets(flash as { _id: string; stock: number }).map((b) => ({ c: 'couponStock', id: b._id, doc: { ...b } }))]);
  record('coupon.claim (stock in buckets)', await h.measure('coupon', 'bench-req-1', { action: 'claim', templateId: 'bench-flash' }));
  record('coupon.birthday', await h.measure('coupon', 'bench-req-1', { action: 'birthday' }));

  // inviting friends: bench-req-1 draws a code, a few friends join with it, then one more joins measured
  const mineFirst = await h.measure('referral', 'bench-req-1', { action: 'mine' });
  record('referral.mine (first: draws the code)', mineFirst);
  if (!mineFirst.answer.ok) throw new Error(`referral.mine failed: ${JSON.stringify(mineFirst.answer)}`);
  const ref = mineFirst.answer.data.code as string;
  for (let i = 0; i < 5; i += 1) await h.join(`bench-req-friend-${i}`, { ref, nickname: `好友${i}` });
  const joined = await h.measure('member', 'bench-req-friend-new', { ...ENROLL, ref });
  record('member.enroll (with a ref)', joined);
  if (!joined.answer.ok || joined.answer.data.created !== true) throw new Error(`enroll with a ref did not create: ${JSON.stringify(joined.answer)}`);
  record('referral.mine', await h.measure('referral', 'bench-req-1', { action: 'mine' }));
  record('referral.invitees', await h.measure('referral', 'bench-req-1', { action: 'invitees' }));
  record('referral.inviter', await h.measure('referral', 'bench-req-visitor', { action: 'inviter', ref }));

  // the style quiz: a new member opens it, saves one step, finishes it, reads the report and their tags
  await h.join('bench-req-style');
  record('style.quiz (first: makes the profile)', await h.measure('style', 'bench-req-style', { action: 'quiz' }));
  record('style.quiz', await h.measure('style', 'bench-req-style', { action: 'quiz' }));
  record('style.saveAnswers', await h.measure('style', 'bench-req-style', { action: 'saveAnswers', attempt: 1, answers: STYLE_ANSWERS }));
  record('style.submit (first: report and coupon)', await h.measure('style', 'bench-req-style', { action: 'submit', attempt: 1 }));
  record('style.report', await h.measure('style', 'bench-req-style', { action: 'report' }));
  record('style.tags', await h.measure('style', 'bench-req-style', { action: 'tags' }));
  const boughtCode = await h.measure('member', 'bench-req-style', { action: 'code' });
  if (!boughtCode.answer.ok) throw new Error('code failed');
  await deliver(h, 'orders', orderBody(h, boughtCode.answer.data.code, 39_800, { items: [{ sku: 'YYTEE011', qty: 1, priceFen: 9_900 }, { sku: 'YYTRO011', qty: 1, priceFen: 29_900 }] }));
  record('style.wardrobe (first: the till\u2019s pieces arrive)', await h.measure('style', 'bench-req-style', { action: 'wardrobe' }));
  const shelf = await h.measure('style', 'bench-req-style', { action: 'wardrobe' });
  record('style.wardrobe', shelf);
  if (!shelf.answer.ok) throw new Error('wardrobe failed');
  record('style.todayOutfits', await h.measure('style', 'bench-req-style', { action: 'todayOutfits' }));
  record('style.wear (an outfit of 2)', await h.measure('style', 'bench-req-style', { action: 'wear', ids: shelf.answer.data.items.map((i: { id: string }) => i.id) }));

  // tier benefits (issue 18): bench-req-1 spent ¥1,197 this quarter (成长者) and books tomorrow's 14:00; a 忠诚者 signs up for the demo 私享会
  const tomorrow = new Date(h.clock.now().getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const published = await h.call('benefits', 'stylist-S001', { action: 'publishSlots', day: tomorrow, start: '14:00', minutes: 45, count: 2 });
  if (!published.ok) throw new Error(`publishSlots failed: ${JSON.stringify(published)}`);
  record('benefits.bookingOptions', await h.measure('benefits', 'bench-req-1', { action: 'bookingOptions' }));
  const booked = await h.measure('benefits', 'bench-req-1', { action: 'book', slotId: published.data.slots[0].slotId, scene: '面试', requestId: 'bench-book-1' });
  record('benefits.book', booked);
  if (!booked.answer.ok) throw new Error(`book failed: ${JSON.stringify(booked.answer)}`);
  record('benefits.myBookings', await h.measure('benefits', 'bench-req-1', { action: 'myBookings' }));
  const loyalId = await h.join('bench-req-loyal');
  const loyal = h.cloud.db.find('members', { _id: loyalId })[0]!;
  await h.cloud.db.apply([{ c: 'members', id: loyalId, doc: { ...loyal, tier: 'loyal' } }]);
  record('benefits.events', await h.measure('benefits', 'bench-req-loyal', { action: 'events' }));
  const signed = await h.measure('benefits', 'bench-req-loyal', { action: 'signUp', eventId: 'S001-demo-salon-1220' });
  record('benefits.signUp', signed);
  if (!signed.answer.ok) throw new Error(`signUp failed: ${JSON.stringify(signed.answer)}`);
  return rows;
}
