import { forgetInBatches } from '../../data/campaigns';
import { couponsOfMember, deleteCouponsOf } from '../../data/coupons';
import { recordFormerUse } from '../../data/formerUse';
import { deleteEntriesOf } from '../../data/ledger';
import { deleteMemberCode } from '../../data/memberCodes';
import { deleteDevicesOf } from '../../data/tillDevices';
import { deleteMember, markLeaving } from '../../data/members';
import { deleteSubscriptionsOf } from '../../data/subscriptions';
import { deleteInviteCodesOf, forgetInReferrals } from '../../data/referrals';
import { deleteStyleOf } from '../../data/style';
import { deleteWardrobeOf } from '../../data/wardrobe';
import { deleteOutfitsOf } from '../../data/outfits';
import { deleteBookingsOf } from '../../data/bookings';
import { deleteStaffNotesOf } from '../../data/staffNotes';
import { deleteVotesOf } from '../../data/cocreation';
import { releaseSignUpsOf } from '../benefits/eventSeats';
import { deleteTodosOf } from '../../data/todos';
import { deleteStaffTagsOf } from '../../data/staffTags';
import { deleteNpsAnswersOf } from '../../data/nps';
import { deletePlacementOf } from '../../data/segments';
import { formerUseOf } from '../../domain/coupons/former';
import type { Member } from '../../domain/member';
import type { Database } from '../../platform/cloud';

/**
 * Leaving the programme, crash-safe and race-safe (ARCHITECTURE "How a write happens", 5):
 * 1. the member is marked leaving: every plan refuses them from then on, and a till order, refund
 *    or spend that read them before conflicts with the mark and starts again;
 * 2. what they used of the once-ever offers goes to former use (once per membership), read after
 *    the mark, so a claim that got in before it counts;
 * 3. everything keyed to them is erased — till code and offline-code devices, ledger, credits and messages, coupons — and
 *    the member record last, so a crash anywhere leaves a leaving member whose erase the
 *    shopper's retry, their next join or the sweep job finishes;
 * 4. writers outside the member's transaction (claims, credits, codes, job grants) check after
 *    writing and take their write back when they find the member leaving (data/members isStillMember).
 * Till orders and refunds stay with the store, keyed by a memberId nobody can trace any more.
 */
export async function leaveProgramme(db: Database, m: Member, now: Date): Promise<void> {
  if (!m.leavingSince) await markLeaving(db, m._id, now);
  await recordFormerUse(db, m.openid, m._id, formerUseOf(await couponsOfMember(db, m._id)), now);
  await deleteMemberCode(db, m._id);
  await deleteDevicesOf(db, m._id);
  await deleteEntriesOf(db, m._id);
  await deleteSubscriptionsOf(db, m._id);
  await deleteCouponsOf(db, m._id);
  await deleteInviteCodesOf(db, m._id);
  await forgetInReferrals(db, m._id, m.inviteCode ?? null, now);
  await deleteStyleOf(db, m._id);
  await deleteWardrobeOf(db, m._id);
  await deleteOutfitsOf(db, m._id);
  // what store staff wrote about them (issue 17); the audit log keeps only a memberId nobody can trace any more
  await deleteStaffNotesOf(db, m._id);
  await deleteTodosOf(db, m._id);
  await deleteStaffTagsOf(db, m._id);
  // stylist bookings (issue 18): the slots they held are free again
  await deleteBookingsOf(db, m._id);
  // their 新品共创 votes (issue 18): the brand's results lose them with the rest
  await deleteVotesOf(db, m._id);
  // where the segments job placed them (issue 19): campaigns read their audiences from it
  await deletePlacementOf(db, m._id);
  // their private-event sign-ups (issue 18): a seat they held goes to the first waiting
  await releaseSignUpsOf(db, m._id, now);
  // their NPS answers (issue 19): the store's score loses them with the rest
  await deleteNpsAnswersOf(db, m._id);
  // the campaign batches that named them, treated or held out (issue 19): the results lose them with the rest
  await forgetInBatches(db, m._id);
  await deleteMember(db, m._id);
  // a code or device fetch that passed its own check just before the mark may have written one since
  await deleteMemberCode(db, m._id);
  await deleteDevicesOf(db, m._id);
}
