import { contract, type Envelope } from '../../cloudfunctions/contract';
import { jobsContract } from '../../cloudfunctions/contract/jobs';
import { posContract } from '../../cloudfunctions/contract/pos';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { functionMains } from '../../local/functions';
import { ask, CALLERS, type Caller, JOBS_TRIGGER, leaks, world, type World } from '../support/callers';
import { OPS_ACCESS } from '../support/opsAccess';
import { buy, deliver, orderBody, tillCode } from '../support/pos';
import { AUTHORISATION } from '../support/staffAccess';
import { BASE } from '../unit/styleFixtures';

/**
 * Who may call what (issue 20): every action of every function × every kind of caller — no
 * identity, a member, another member, a clerk of this store (S001) and of another (S002), a
 * stylist, a manager, the timer, a till of this store and a till of another — with the answer
 * each gets. Rows that name a member's things (a wardrobe piece, a booking, an order) name m1's:
 * m2 must not reach them. Rows without one act on the caller's own data. The staff and ops rows
 * are their own tables' (tests/support/staffAccess.ts, opsAccess.ts), widened to these callers.
 * Each row runs on one fresh world (about 0.25 s): the file took 35 s on this 2-core machine
 * with four other test runs beside it (load 11), so it stays under a minute in CI.
 */

jest.setTimeout(120_000);

type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'NOT_MEMBER' | 'INVALID_INPUT' | 'NOT_CLAIMABLE' | 'INSUFFICIENT_POINTS' | 'CONFLICT' | 'LIMIT_REACHED';

interface Row {
  fn: string;
  action: string;
  with?: string;
  /** the row's input, made afresh for each caller (each may use up what it is given) */
  input(w: World): Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}

/**
 * The answers that do not depend on the action: a function called from the mini program gets
 * no action from a timer event or a till's HTTP request (its data is neither), so both are
 * refused as input before anything is read.
 */
const NOT_CALLS = { timer: 'INVALID_INPUT', till: 'INVALID_INPUT', otherTill: 'INVALID_INPUT' } as const;

/** A member's own action: m2 acts on their own data (`otherMember`), staff who are not members are told so. */
const shopper = (otherMember: Expected = 'ok'): Record<Caller, Expected> => ({
  nobody: 'UNAUTHENTICATED',
  member: 'ok',
  otherMember,
  clerk: 'NOT_MEMBER',
  otherClerk: 'NOT_MEMBER',
  stylist: 'NOT_MEMBER',
  manager: 'NOT_MEMBER',
  ...NOT_CALLS,
});
/** Open to anyone the cloud context names (the join page, before membership). */
const anyone: Record<Caller, Expected> = { nobody: 'UNAUTHENTICATED', member: 'ok', otherMember: 'ok', clerk: 'ok', otherClerk: 'ok', stylist: 'ok', manager: 'ok', ...NOT_CALLS };
/** A store's own staff work (S001's); members are refused by role. */
const staffOf = (roles: { clerk: Expected; otherClerk: Expected; stylist: Expected; manager: Expected }): Record<Caller, Expected> => ({ nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', otherMember: 'FORBIDDEN', ...roles, ...NOT_CALLS });
const managers = staffOf({ clerk: 'FORBIDDEN', otherClerk: 'FORBIDDEN', stylist: 'FORBIDDEN', manager: 'ok' });

/** The staff and ops tables were written for six callers: a second member is refused as the first is (by role), S002's clerk as S001's is where that table has no other clerk. */
const widened = (fn: string, rows: Array<{ action: string; with?: string; input(w: never): unknown; expect: Record<string, string> }>): Row[] =>
  rows.map((r) => {
    const e = r.expect;
    return {
      fn,
      action: r.action,
      with: r.with,
      input: r.input as Row['input'],
      expect: {
        nobody: e.nobody,
        member: e.member,
        otherMember: e.member,
        clerk: e.clerk,
        otherClerk: e.otherStoreClerk ?? e.clerk,
        stylist: e.stylist,
        manager: e.manager,
        ...(e.member === 'INVALID_INPUT' ? { timer: 'INVALID_INPUT', till: 'INVALID_INPUT', otherTill: 'INVALID_INPUT' } : NOT_CALLS),
      } as Record<Caller, Expected>,
    };
  });

/** Once per world: what several callers of one row share (set up before the first of them asks). */
function once<T>(make: (w: World) => Promise<T>): (w: World) => Promise<T> {
  const made = new WeakMap<World, Promise<T>>();
  return (w) => {
    if (!made.has(w)) made.set(w, make(w));
    return made.get(w)!;
  };
}

async function ok<T = any>(w: World, fn: keyof typeof contract, openid: string, data: Record<string, unknown>): Promise<T> {
  const answer = await w.h.call(fn, openid, data);
  if (!answer.ok) throw new Error(`${fn}.${String(data.action)}: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

const PHOTO = 'cloud://styleclub-dev.local/wardrobe/abc123.jpg';
const OWN_PIECE = { image: PHOTO, name: '白衬衫', category: 'top', colours: [{ name: '白色', hex: '#ffffff' }], wearSeason: '四季', styles: ['通勤'], scenes: ['职场'] };
/** A piece m1 added by hand, fresh for each caller. */
const m1Piece = async (w: World): Promise<string> => (await ok(w, 'style', 'm1', { action: 'addItem', ...OWN_PIECE, requestId: w.fresh() })).item.id;
/** Both members answered the whole quiz. */
const quizAnswered = once(async (w) => {
  for (const openid of ['m1', 'm2']) await ok(w, 'style', openid, { action: 'saveAnswers', attempt: 1, answers: BASE });
});
/** Both members finished the quiz and hold a report. */
const quizDone = once(async (w) => {
  await quizAnswered(w);
  for (const openid of ['m1', 'm2']) await ok(w, 'style', openid, { action: 'submit', attempt: 1 });
});
const TOMORROW = '20261126';
let slotMinute = 0;
/** A free slot of S001's stylist tomorrow, fresh for each caller. */
async function freshSlot(w: World): Promise<string> {
  // half-hour slots from 10:00, never overlapping the ones before (a row asks at most 20)
  slotMinute = (slotMinute + 1) % 24;
  const start = `${String(10 + Math.floor(slotMinute / 2)).padStart(2, '0')}:${slotMinute % 2 ? '30' : '00'}`;
  const day = await ok(w, 'benefits', 'stylist-S001', { action: 'publishSlots', day: TOMORROW, start, minutes: 30, count: 1 });
  return (day.slots as Array<{ slotId: string; time: string; booking: unknown }>).find((s) => !s.booking && s.time.startsWith(start))!.slotId;
}
/** A booking of m1's tomorrow, fresh for each caller (m1 holds at most two: the one before is cancelled). */
async function m1Booking(w: World): Promise<string> {
  const mine = await ok(w, 'benefits', 'm1', { action: 'myBookings' });
  for (const b of mine.upcoming as Array<{ bookingId: string }>) await ok(w, 'benefits', 'm1', { action: 'cancelBooking', bookingId: b.bookingId });
  return (await ok(w, 'benefits', 'm1', { action: 'book', slotId: await freshSlot(w), scene: '通勤', requestId: w.fresh() })).booking.bookingId;
}
/** Ten bookings tomorrow by ten 成长者, and the clock past them all: each caller takes one to mark a no-show. */
const pastBookings = once(async (w) => {
  const day = await ok(w, 'benefits', 'stylist-S001', { action: 'publishSlots', day: TOMORROW, start: '10:00', minutes: 30, count: 10 });
  const ids: string[] = [];
  for (const [i, slot] of (day.slots as Array<{ slotId: string }>).entries()) {
    const memberId = await w.h.join(`visitor-${i}`);
    const doc = w.h.cloud.db.find(COLLECTIONS.members, { _id: memberId })[0]!;
    await w.h.cloud.db.apply([{ c: COLLECTIONS.members, id: memberId, doc: { ...doc, tier: 'grower' } }]);
    ids.push((await ok(w, 'benefits', `visitor-${i}`, { action: 'book', slotId: slot.slotId, scene: '通勤', requestId: w.fresh() })).booking.bookingId);
  }
  w.h.clock.set('2026-11-26T10:00:00.000Z'); // 18:00 in Shanghai
  return ids;
});
/** An event of S001 tomorrow evening that m1 signed up for, and the clock at its door (30 minutes before). */
const eventAtTheDoor = once(async (w) => {
  const event = await ok(w, 'benefits', 'manager-S001', {
    action: 'createEvent',
    title: '冬季新品品鉴会',
    picture: '/static/products/YYBAG011.svg',
    description: '店长带你看冬季新品',
    startsAt: '2026-11-26T11:00:00.000Z',
    endsAt: '2026-11-26T13:00:00.000Z',
    capacity: 5,
    tiers: ['grower', 'loyal'],
    signUpFrom: '2026-11-25T00:00:00.000Z',
    signUpUntil: '2026-11-26T10:00:00.000Z',
    requestId: w.fresh(),
  });
  await ok(w, 'benefits', 'm1', { action: 'signUp', eventId: event.event.eventId });
  w.h.clock.set('2026-11-26T10:30:00.000Z');
  return event.event.eventId as string;
});
const DEMO_EVENT = 'S001-demo-salon-1220';
const LOYAL_PIECE = 'cc-2027-cardigan';
/** A piece the S001 manager published, fresh for each caller. */
const freshPiece = async (w: World): Promise<string> =>
  (await ok(w, 'benefits', 'manager-S001', { action: 'publishPiece', name: '测试新品', story: '一件测试用的新品', images: ['/static/products/YYTEE011.svg'], category: 'top', targetPriceFen: 19900, openDays: 14, requestId: w.fresh() })).piece.pieceId;
/** The cheapest reward, and enough points for m1 to redeem it once. */
const cheapestReward = once(async (w) => {
  const { rewards } = await ok<{ rewards: Array<{ rewardId: string; pointsCost: number }> }>(w, 'points', 'm1', { action: 'rewards' });
  const cheapest = rewards.reduce((a, b) => (b.pointsCost < a.pointsCost ? b : a));
  await buy(w.h, 'm1', cheapest.pointsCost * 100);
  return cheapest.rewardId;
});
/** An S001 order of m1's, fresh for each caller (a till may refund it). */
async function freshOrder(w: World): Promise<string> {
  const body = orderBody(w.h, await tillCode(w.h, 'm1'), 19900);
  const paid = await deliver(w.h, 'orders', body);
  if (paid.status !== 200) throw new Error(JSON.stringify(paid.body));
  return body.orderId;
}

/** A coupon m2 holds (their welcome gift): never usable on m1's order or at m1's counter. */
const m2Coupon = (w: World): string => w.h.cloud.db.find(COLLECTIONS.coupons, { memberId: w.otherMemberId, status: 'available' })[0]!._id as string;
/** A piece m2 added by hand. */
const m2Piece = async (w: World): Promise<string> => (await ok(w, 'style', 'm2', { action: 'addItem', ...OWN_PIECE, requestId: w.fresh() })).item.id;
/** Staff of S001 at work on m1, refused by what they name. */
const staffRefused = (code: Expected): Record<Caller, Expected> => staffOf({ clerk: code, otherClerk: code, stylist: code, manager: code });

/** The pos routes: only a till reaches them (anything else has no route: 404); either store's till takes any member's code. */
const tills = (otherTill: Expected, till: Expected = 'ok'): Record<Caller, Expected> => ({ nobody: 'NOT_FOUND', member: 'NOT_FOUND', otherMember: 'NOT_FOUND', clerk: 'NOT_FOUND', otherClerk: 'NOT_FOUND', stylist: 'NOT_FOUND', manager: 'NOT_FOUND', timer: 'NOT_FOUND', till, otherTill });
/** The jobs: the timer (or the brand's operator, below); never the mini program, signed in or not; never a till (its request is no call). */
const timerOnly: Record<Caller, Expected> = { nobody: 'FORBIDDEN', member: 'FORBIDDEN', otherMember: 'FORBIDDEN', clerk: 'FORBIDDEN', otherClerk: 'FORBIDDEN', stylist: 'FORBIDDEN', manager: 'FORBIDDEN', timer: 'ok', till: 'INVALID_INPUT', otherTill: 'INVALID_INPUT' };

const ROWS: Row[] = [
  // member
  { fn: 'member', action: 'store', input: () => ({ storeId: 'S001' }), expect: anyone },
  { fn: 'member', action: 'enroll', with: 'staff may join as shoppers too', input: () => ({ storeId: 'S001', privacyAccepted: true }), expect: anyone },
  { fn: 'member', action: 'card', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'profile', input: () => ({ nickname: '新名字' }), expect: shopper() },
  { fn: 'member', action: 'consent', input: () => ({ marketingOptIn: true }), expect: shopper() },
  { fn: 'member', action: 'code', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'device', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'receipt', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'bindPhone', input: (w) => ({ code: w.h.cloud.openapi.issuePhoneCode('13812345678') }), expect: shopper() },
  { fn: 'member', action: 'export', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'delete', with: 'leaving is idempotent: one who is no member is told it is done', input: () => ({ confirm: true }), expect: anyone },
  { fn: 'member', action: 'subscribe', input: () => ({ accepted: ['pointsExpiring'] }), expect: shopper() },
  { fn: 'member', action: 'npsQuestion', input: () => ({}), expect: shopper() },
  { fn: 'member', action: 'answerNps', with: "m1's order: m2 does not find it", input: (w) => ({ orderKey: `S001:${w.orderId}`, score: 9 }), expect: shopper('NOT_FOUND') },
  // points
  { fn: 'points', action: 'summary', input: () => ({}), expect: shopper() },
  { fn: 'points', action: 'history', input: () => ({}), expect: shopper() },
  { fn: 'points', action: 'rewards', input: () => ({}), expect: shopper() },
  { fn: 'points', action: 'redeem', with: 'm2 holds no points', input: async (w) => ({ rewardId: await cheapestReward(w), requestId: w.fresh() }), expect: shopper('INSUFFICIENT_POINTS') },
  // coupon
  { fn: 'coupon', action: 'list', input: () => ({ status: 'available' }), expect: shopper() },
  { fn: 'coupon', action: 'center', input: () => ({}), expect: shopper() },
  { fn: 'coupon', action: 'claim', input: () => ({ templateId: 'winter-300-50' }), expect: shopper() },
  { fn: 'coupon', action: 'birthday', input: () => ({}), expect: shopper() },
  { fn: 'coupon', action: 'claimBirthday', with: "m1's birthday is tomorrow, m2 gave none", input: () => ({}), expect: shopper('NOT_CLAIMABLE') },
  // referral
  { fn: 'referral', action: 'mine', input: () => ({}), expect: shopper() },
  { fn: 'referral', action: 'invitees', input: () => ({}), expect: shopper() },
  { fn: 'referral', action: 'inviter', input: async (w) => ({ ref: (await ok(w, 'referral', 'm1', { action: 'mine' })).code }), expect: anyone },
  { fn: 'referral', action: 'posterCode', input: () => ({}), expect: shopper() },
  // style: the quiz and reports
  { fn: 'style', action: 'quiz', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'saveAnswers', input: () => ({ attempt: 1, answers: { scenes: BASE.scenes } }), expect: shopper() },
  { fn: 'style', action: 'submit', with: 'answers saved by the caller', input: async (w) => (await quizAnswered(w), { attempt: 1 }), expect: shopper() },
  { fn: 'style', action: 'report', input: async (w) => (await quizDone(w), {}), expect: shopper() },
  { fn: 'style', action: 'history', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'retake', input: async (w) => (await quizDone(w), { attempt: 1 }), expect: shopper() },
  { fn: 'style', action: 'tags', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'summary', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'setPreferences', input: () => ({ sizes: { top: 'M' } }), expect: shopper() },
  { fn: 'style', action: 'catalog', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'viewProduct', input: () => ({ sku: 'YYBAG011' }), expect: shopper() },
  // style: the wardrobe (m1's pieces: m2 does not find them)
  { fn: 'style', action: 'wardrobe', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'wardrobeItem', input: async (w) => ({ id: await m1Piece(w) }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'addItem', input: (w) => ({ ...OWN_PIECE, requestId: w.fresh() }), expect: shopper() },
  { fn: 'style', action: 'editItem', input: async (w) => ({ id: await m1Piece(w), name: '改名的衬衫' }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'archiveItem', input: async (w) => ({ id: await m1Piece(w), archived: true }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'removeItem', input: async (w) => ({ id: await m1Piece(w) }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'wear', input: async (w) => ({ ids: [await m1Piece(w)] }), expect: shopper('NOT_FOUND') },
  // style: outfits
  { fn: 'style', action: 'todayOutfits', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'swapPiece', with: "m1's piece: m2 does not find it", input: async (w) => ({ pieceIds: [await m1Piece(w), 'YYTRO021', 'YYSNE011'], slot: 'top' }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'completeLook', with: "m1's piece: m2 does not find it", input: async (w) => ({ id: await m1Piece(w) }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'saveOutfit', with: "m1's piece: m2 does not find it", input: async (w) => ({ pieceIds: [await m1Piece(w), 'YYTRO021', 'YYSNE011'], scene: '休闲' }), expect: shopper('NOT_FOUND') },
  { fn: 'style', action: 'savedOutfits', input: () => ({}), expect: shopper() },
  {
    fn: 'style',
    action: 'removeOutfit',
    input: async (w) => ({ id: (await ok(w, 'style', 'm1', { action: 'saveOutfit', pieceIds: [await m1Piece(w), 'YYTRO021', 'YYSNE011'], scene: '休闲' })).outfit.id }),
    expect: shopper('NOT_FOUND'),
  },
  { fn: 'style', action: 'inspiration', input: () => ({}), expect: shopper() },
  { fn: 'style', action: 'outfitLists', input: () => ({}), expect: shopper() },
  {
    fn: 'style',
    action: 'openOutfitList',
    with: "a list sent to m1: m2 does not find it",
    input: async (w) => ({ id: (await ok(w, 'staff', 'stylist-S001', { action: 'sendOutfitList', memberId: w.memberId, title: '周末通勤', note: '', items: ['YYTEE011', 'YYTRO021'], requestId: w.fresh() })).listId }),
    expect: shopper('NOT_FOUND'),
  },
  // benefits: stylist 1v1
  { fn: 'benefits', action: 'bookingOptions', input: () => ({}), expect: shopper() },
  { fn: 'benefits', action: 'book', input: async (w) => ({ slotId: await freshSlot(w), scene: '通勤', requestId: w.fresh() }), expect: shopper() },
  { fn: 'benefits', action: 'myBookings', input: () => ({}), expect: shopper() },
  { fn: 'benefits', action: 'cancelBooking', input: async (w) => ({ bookingId: await m1Booking(w) }), expect: shopper('NOT_FOUND') },
  { fn: 'benefits', action: 'moveBooking', input: async (w) => ({ bookingId: await m1Booking(w), slotId: await freshSlot(w) }), expect: shopper('NOT_FOUND') },
  { fn: 'benefits', action: 'publishSlots', input: () => ({ day: '20261127', start: '15:00', minutes: 45, count: 1 }), expect: staffOf({ clerk: 'FORBIDDEN', otherClerk: 'FORBIDDEN', stylist: 'ok', manager: 'ok' }) },
  { fn: 'benefits', action: 'mySlots', input: () => ({}), expect: staffOf({ clerk: 'FORBIDDEN', otherClerk: 'FORBIDDEN', stylist: 'ok', manager: 'ok' }) },
  {
    fn: 'benefits',
    action: 'markVisit',
    with: "a no-show at S001's stylist's slot",
    input: async (w) => ({ bookingId: (await pastBookings(w)).shift(), outcome: 'noShow' }),
    expect: staffOf({ clerk: 'FORBIDDEN', otherClerk: 'FORBIDDEN', stylist: 'ok', manager: 'ok' }),
  },
  // benefits: private events
  { fn: 'benefits', action: 'events', input: () => ({}), expect: shopper() },
  { fn: 'benefits', action: 'signUp', input: () => ({ eventId: DEMO_EVENT }), expect: shopper() },
  { fn: 'benefits', action: 'cancelSignUp', with: "m1's seat: m2 holds none", input: async (w) => (await w.h.call('benefits', 'm1', { action: 'signUp', eventId: DEMO_EVENT }), { eventId: DEMO_EVENT }), expect: shopper('NOT_FOUND') },
  { fn: 'benefits', action: 'myPass', with: "m1's seat: m2 holds none", input: async (w) => (await w.h.call('benefits', 'm1', { action: 'signUp', eventId: DEMO_EVENT }), { eventId: DEMO_EVENT }), expect: shopper('NOT_FOUND') },
  {
    fn: 'benefits',
    action: 'createEvent',
    input: (w) => ({ title: '春装预览沙龙', picture: '/static/products/YYBAG011.svg', description: '店长带你提前看春装', startsAt: '2026-12-05T11:00:00.000Z', endsAt: '2026-12-05T13:00:00.000Z', capacity: 5, tiers: ['grower', 'loyal'], signUpFrom: '2026-11-25T00:00:00.000Z', signUpUntil: '2026-12-04T16:00:00.000Z', requestId: w.fresh() }),
    expect: managers,
  },
  { fn: 'benefits', action: 'storeEvents', input: () => ({}), expect: managers },
  { fn: 'benefits', action: 'eventSignUps', input: () => ({ eventId: DEMO_EVENT }), expect: managers },
  { fn: 'benefits', action: 'checkIn', with: 'm1 at the door of an S001 event', input: async (w) => ({ eventId: await eventAtTheDoor(w), code: await tillCode(w.h, 'm1') }), expect: managers },
  { fn: 'benefits', action: 'eventFigures', input: () => ({ eventId: DEMO_EVENT }), expect: managers },
  // benefits: co-creation
  { fn: 'benefits', action: 'pieces', input: () => ({}), expect: shopper() },
  { fn: 'benefits', action: 'vote', input: (w) => ({ pieceId: LOYAL_PIECE, like: true, fit: 4, price: 3, requestId: w.fresh() }), expect: shopper() },
  { fn: 'benefits', action: 'publishPiece', input: (w) => ({ name: '测试新品', story: '一件测试用的新品', images: ['/static/products/YYTEE011.svg'], category: 'top', targetPriceFen: 19900, openDays: 14, requestId: w.fresh() }), expect: managers },
  { fn: 'benefits', action: 'closePiece', input: async (w) => ({ pieceId: await freshPiece(w) }), expect: managers },
  { fn: 'benefits', action: 'launchPiece', input: async (w) => ({ pieceId: await freshPiece(w) }), expect: managers },
  { fn: 'benefits', action: 'pieceResults', input: () => ({}), expect: managers },
  // nobody reaches another member's things through their own request, the staff's or the till's
  { fn: 'benefits', action: 'book', with: "a piece of m1's wardrobe to bring: m2 may not name it", input: async (w) => ({ slotId: await freshSlot(w), scene: '通勤', pieces: [await m1Piece(w)], requestId: w.fresh() }), expect: shopper('NOT_FOUND') },
  { fn: 'staff', action: 'sendOutfitList', with: "an outfit list for m1 that names m2's piece", input: async (w) => ({ memberId: w.memberId, title: '周末通勤', note: '', items: ['YYTEE011', 'YYTRO021'], wardrobe: [await m2Piece(w)], requestId: w.fresh() }), expect: staffRefused('NOT_FOUND') },
  { fn: 'staff', action: 'useCouponAtCounter', with: "m1's code with m2's coupon", input: async (w) => ({ code: await tillCode(w.h, 'm1'), couponId: m2Coupon(w), orderNo: `R-${w.fresh()}` }), expect: staffRefused('NOT_FOUND') },
  { fn: 'pos', action: 'quotes', with: "m1's code with m2's coupon", input: async (w) => ({ memberCode: await tillCode(w.h, 'm1'), amountFen: 50000, items: [{ sku: 'YYTEE011', qty: 1, priceFen: 50000 }], couponIds: [m2Coupon(w)] }), expect: tills('NOT_CLAIMABLE', 'NOT_CLAIMABLE') },
  { fn: 'pos', action: 'orders', with: "m1's code with m2's coupon", input: async (w) => orderBody(w.h, await tillCode(w.h, 'm1'), 50000, { couponIds: [m2Coupon(w)] }), expect: tills('NOT_CLAIMABLE', 'NOT_CLAIMABLE') },
  // staff and ops: their own tables, every caller
  ...widened('staff', AUTHORISATION),
  ...widened('ops', OPS_ACCESS),
  // jobs: timer-only work
  { fn: 'jobs', action: 'run', with: 'every job', input: () => ({ job: 'all' }), expect: timerOnly },
  { fn: 'jobs', action: 'run', with: 'one job', input: () => ({ job: 'points-expiry' }), expect: timerOnly },
  // pos: the tills
  { fn: 'pos', action: 'quotes', input: async (w) => ({ memberCode: await tillCode(w.h, 'm1'), amountFen: 19900, items: [{ sku: 'YYTEE011', qty: 1, priceFen: 19900 }] }), expect: tills('ok') },
  { fn: 'pos', action: 'orders', input: async (w) => orderBody(w.h, await tillCode(w.h, 'm1'), 19900), expect: tills('ok') },
  { fn: 'pos', action: 'refunds', with: "an S001 order: S002's till does not find it under its own orders", input: async (w) => ({ orderId: await freshOrder(w), refundId: w.fresh(), amountFen: 100 }), expect: tills('NOT_FOUND') },
  { fn: 'pos', action: 'refunds', with: 'an S001 order named with orderStoreId: the goods come back at either store', input: async (w) => ({ orderId: await freshOrder(w), refundId: w.fresh(), amountFen: 100, orderStoreId: 'S001' }), expect: tills('ok') },
];

/** Refusals of the caller or the request itself: nothing may be written on the way to them. */
const TURNED_AWAY = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_MEMBER', 'INVALID_INPUT'];

const OPENIDS = ['m1', 'm2', 'staff-S001', 'staff-S002', 'stylist-S001', 'manager-S001', 'manager-S002'];

describe('who may call what: every action of every function × every kind of caller', () => {
  describe.each(ROWS.map((r) => [`${r.fn}.${r.action}${r.with ? ` (${r.with})` : ''}`, r] as const))('%s', (_name, row) => {
    it('answers each caller as the table says, writes nothing for a caller it turns away, and never answers with an openid or another member\'s phone', async () => {
      const w = await world();
      const got: Record<string, string> = {};
      for (const [caller, via] of Object.entries(CALLERS) as Array<[Caller, (typeof CALLERS)[Caller]]>) {
        const data = { action: row.action, ...(await row.input(w)) };
        const version = w.h.cloud.db.currentVersion();
        const answer: Envelope<unknown> = await ask(w, row.fn, via, data);
        got[caller] = answer.ok ? 'ok' : answer.error.code;
        // a caller turned away (who they are, what they sent) leaves the database as it was
        if (!answer.ok && TURNED_AWAY.includes(answer.error.code)) expect({ caller, wrote: w.h.cloud.db.currentVersion() !== version }).toEqual({ caller, wrote: false });
        // a member's export is everything held about them, their own phone and openid too; never anyone else's
        const own = 'openid' in CALLERS[caller] && row.action === 'export' ? CALLERS[caller].openid : null;
        expect(leaks(answer, OPENIDS.filter((o) => o !== own), { phone: own === null })).toEqual([]);
      }
      expect(got).toEqual(row.expect);
    });
  });

  it('has a row for every action of every function: the called ones, the timer\'s and the tills\'', () => {
    const everyAction = [
      ...Object.entries(contract).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`)),
      ...Object.keys(jobsContract).map((a) => `jobs.${a}`),
      ...Object.keys(posContract).map((a) => `pos.${a}`),
    ];
    expect([...new Set(ROWS.map((r) => `${r.fn}.${r.action}`))].sort()).toEqual(everyAction.sort());
  });
});

describe('timer-only work checks its trigger source', () => {
  const tick = (over: Record<string, unknown>) => ({ Type: 'Timer', TriggerName: JOBS_TRIGGER, Time: '2026-11-25T02:00:00Z', ...over });
  const jobs = (w: World, openid: string | null, event: unknown, source: string | null = 'wx_trigger') => w.h.cloud.call(openid, () => functionMains().jobs!(event), source);

  it.each([
    ['a trigger the jobs function does not have', { TriggerName: 'everyMinute' }],
    ['no trigger name at all', { TriggerName: undefined }],
    ['a trigger name that is not text', { TriggerName: { $ne: null } }],
  ])('a timer event naming %s is FORBIDDEN before anything is read', async (_name, over) => {
    const w = await world();
    const version = w.h.cloud.db.currentVersion();
    const { result, requests } = await jobs(w, null, tick(over));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(requests).toBe(0);
    expect(w.h.cloud.db.currentVersion()).toBe(version);
  });

  it('a shopper who sends the jobs function a timer event of its own trigger from the mini program is FORBIDDEN', async () => {
    const w = await world();
    const { result, requests } = await jobs(w, 'm1', tick({ Message: 'all' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(requests).toBe(0);
  });

  it.each([
    ['the mini program with no one signed in', 'wx_client'],
    ['WeChat DevTools', 'wx_devtools'],
    ['a function the mini program called', 'wx_client,scf'],
    ['an unknown WeChat source', 'wx_unknown'],
  ])('a run started by %s is FORBIDDEN, whether it is shaped as a call or as a tick, before anything is read', async (_name, source) => {
    const w = await world();
    const version = w.h.cloud.db.currentVersion();
    for (const event of [{ action: 'run', job: 'all' }, tick({ Message: 'all' })]) {
      const { result, requests } = await jobs(w, null, event, source);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(requests).toBe(0);
    }
    expect(w.h.cloud.db.currentVersion()).toBe(version);
  });

  it('the brand\'s operator (the console or the server HTTP API, no identity) runs a job by name', async () => {
    const w = await world();
    for (const source of [null, 'wx_http']) {
      const { result } = await jobs(w, null, { action: 'run', job: 'sweep' }, source);
      expect(result).toMatchObject({ ok: true, data: { runs: [{ job: 'sweep', done: true }] } });
    }
  });

  it('its own trigger runs the job its message names', async () => {
    const w = await world();
    const { result } = await jobs(w, null, tick({ Message: 'sweep' }));
    expect(result).toMatchObject({ ok: true, data: { runs: [{ job: 'sweep', done: true }] } });
  });
});
