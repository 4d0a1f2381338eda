import { batchesNaming, campaignsByIds } from '../../data/campaigns';
import { allVotesOf, piecesByIds } from '../../data/cocreation';
import { allBookingsOf } from '../../data/bookings';
import { allSignUpsOf, eventsByIds } from '../../data/events';
import { allNotesAbout } from '../../data/staffNotes';
import { staffTagsOfMember, tagGroups } from '../../data/staffTags';
import { bookingRecords, signUpRecords, staffNoteRecords, staffTagRecords } from '../../domain/export/serviceRecords';
import { npsAnswersOf } from '../../data/nps';
import { success } from '../../contract';
import type { memberContract } from '../../contract/member';
import { allCouponsOf } from '../../data/coupons';
import { allEntriesOf } from '../../data/ledger';
import { findCodeOfMember } from '../../data/memberCodes';
import { devicesOfMember } from '../../data/tillDevices';
import { receiptView } from '../../domain/till/receipt';
import { findMemberByOpenid } from '../../data/members';
import { ordersOfMember, refundPlace, refundsOfMember } from '../../data/orders';
import { productNames } from '../../data/products';
import { styleRecordsOf } from '../../data/style';
import { styleRecord } from '../../domain/export/styleRecords';
import { storesById } from '../../data/stores';
import { findCredits, messagesOf } from '../../data/subscriptions';
import { couponView, inWallet } from '../../domain/coupons/view';
import { messageRecords } from '../../domain/export/messageRecords';
import { purchaseRecord, spendRecord, tierRecord } from '../../domain/export/standingRecords';
import { orderRecords, refundRecords } from '../../domain/export/tillRecords';
import { notMember, pointsNow } from '../../domain/member';
import { historyLine } from '../../domain/points/history';
import { accountNow } from '../../domain/points/summary';
import { tierOf } from '../../domain/tiers';
import { toIso } from '../../domain/time';
import type { ActionHandler } from '../../platform/handler';
import { findDefinitions, placementOf } from '../../data/segments';
import { segmentName } from '../../domain/ops/segments/view';
import { decryptPhone } from '../../platform/phoneCipher';
import { consentView } from './views';

/**
 * Everything held about the member, phone in the clear, for them to keep (PIPL right of access):
 * the record, till code and offline-code devices (never a secret: none is stored), the last receipt, consent, points, coupons, orders with their baskets, refunds, reminder
 * credits and messages, qualifying spend and tier history, stylist bookings and event sign-ups,
 * and what store staff noted and tagged about them. What the shopper used of once-ever
 * offers (formerUse) is kept under a digest of their openid that names nobody: not theirs to export.
 */
export const exportMemberData: ActionHandler<(typeof memberContract)['export']> = async (_input, ctx) => {
  const m = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!m) return notMember();
  const [code, devices, entries, credits, coupons, orders, refunds, messages, style, votes, bookings, signUps, notes, tags, nps, campaignBatches] = await Promise.all([
    findCodeOfMember(ctx.db, m._id),
    devicesOfMember(ctx.db, m._id),
    allEntriesOf(ctx.db, m._id),
    findCredits(ctx.db, m._id),
    allCouponsOf(ctx.db, m._id),
    ordersOfMember(ctx.db, m._id),
    refundsOfMember(ctx.db, m._id),
    messagesOf(ctx.db, m._id),
    styleRecordsOf(ctx.db, m._id),
    allVotesOf(ctx.db, m._id),
    allBookingsOf(ctx.db, m._id),
    allSignUpsOf(ctx.db, m._id),
    allNotesAbout(ctx.db, m._id),
    staffTagsOfMember(ctx.db, m._id),
    npsAnswersOf(ctx.db, m._id),
    batchesNaming(ctx.db, m._id),
  ]);
  const placement = await placementOf(ctx.db, m._id);
  const segmentDefs = placement ? (await findDefinitions(ctx.db)).definitions : [];
  const placedRefunds = refunds.map((r) => ({ ...r, ...refundPlace(r) }));
  const storeIds = [...orders.map((o) => o.storeId), ...placedRefunds.map((r) => r.storeId), ...bookings.map((b) => b.storeId), ...signUps.map((s) => s.storeId), ...notes.map((n) => n.storeId), ...tags.map((t) => t.addedBy.storeId)];
  const [stores, names, events, groups, pieces] = await Promise.all([
    storesById(ctx.db, storeIds),
    productNames(ctx.db, orders.flatMap((o) => o.items.map((i) => i.sku))),
    signUps.length > 0 ? eventsByIds(ctx.db, [...new Set(signUps.map((s) => s.eventId))]) : Promise.resolve([]),
    tags.length > 0 ? tagGroups(ctx.db) : Promise.resolve([]),
    votes.length > 0 ? piecesByIds(ctx.db, votes.map((v) => v.pieceId)) : Promise.resolve([]),
  ]);
  const pieceNames = new Map(pieces.map((p) => [p._id, p.name]));
  const campaignNames = new Map((await campaignsByIds(ctx.db, [...new Set(campaignBatches.map((b) => b.campaignId))])).map((c) => [c._id, c.name]));
  const storeNames = new Map([...stores].map(([id, s]) => [id, s.name]));
  const account = accountNow(m, ctx.now);
  return success({
    exportedAt: toIso(ctx.now),
    member: {
      memberId: m._id,
      wechatOpenid: m.openid,
      nickname: m.nickname,
      avatar: m.avatar,
      birthday: m.birthday,
      phone: m.phone ? decryptPhone(m.phone) : null,
      tier: m.tier,
      tierName: tierOf(m.tier).name,
      points: pointsNow(m, ctx.now),
      homeStore: m.homeStore,
      memberSince: toIso(m.joinedAt),
      tierSince: toIso(m.tierSince),
      birthdayChangedAt: m.birthdaySetAt ? toIso(m.birthdaySetAt) : null,
      lastUpdatedAt: toIso(m.updatedAt),
      joinRef: m.joinRef,
    },
    tillCode: code ? { code: code.code, issuedAt: toIso(code.issuedAt), expiresAt: toIso(code.expiresAt), usedAt: code.usedAt ? toIso(code.usedAt) : null } : null,
    tillDevices: devices.map((d) => ({ handle: d._id, issuedAt: toIso(d.issuedAt), rotateBy: toIso(d.rotateBy), replacedAt: d.replacedAt ? toIso(d.replacedAt) : null })),
    lastReceipt: m.lastReceipt ? receiptView(m.lastReceipt) : null,
    consent: consentView(m),
    points: {
      balance: account.balance,
      debt: account.debt,
      lots: account.lots.map((l) => ({ earned: l.earned, remaining: l.remaining, earnedAt: toIso(l.earnedAt), expiresAt: toIso(l.expiresAt) })),
      history: entries.map(historyLine),
    },
    reminders: credits,
    // as the wallet has them, newest first
    coupons: coupons
      .filter(inWallet)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .map((c) => couponView(c, !!m.firstOrderAt, ctx.now, m)),
    orders: orderRecords(orders, storeNames, names),
    refunds: refundRecords(placedRefunds, storeNames),
    messages: messageRecords(messages),
    spend: spendRecord(m, ctx.now),
    tier: tierRecord(m),
    style: styleRecord(style, ctx.now, storeNames),
    purchases: purchaseRecord(m),
    cocreationVotes: votes.map((v) => ({ pieceId: v.pieceId, pieceName: pieceNames.get(v.pieceId), like: v.like, fit: v.fit, price: v.price, comment: v.comment, votedAt: toIso(v.votedAt) })),
    bookings: bookingRecords(bookings, storeNames),
    eventSignUps: signUpRecords(signUps, new Map(events.map((e) => [e._id, e])), storeNames),
    staffNotes: staffNoteRecords(notes, storeNames),
    staffTags: staffTagRecords(tags, groups, storeNames),
    npsAnswers: nps.sort((a, b) => b.seq - a.seq).map((a) => ({ orderKey: a.orderKey, storeId: a.storeId, score: a.score, reason: a.reason, answeredAt: toIso(a.answeredAt) })),
    campaigns: campaignBatches.map((b) => ({ campaignId: b.campaignId, name: campaignNames.get(b.campaignId) ?? b.campaignId, group: b.treated.includes(m._id) ? ('treated' as const) : ('control' as const), plannedAt: toIso(b.plannedAt) })),
    segment: placement
      ? {
          segment: placement.segment,
          segmentName: segmentName(segmentDefs, placement.segment),
          r: placement.r,
          f: placement.f,
          m: placement.m,
          daysSinceLastOrder: placement.daysSinceLastOrder,
          purchaseDays12m: placement.orders12m,
          spend12mFen: placement.spend12m,
          scoredOn: placement.scoredOn,
          weekAgoSegment: placement.weekAgo?.segment ?? null,
        }
      : null,
  });
};
