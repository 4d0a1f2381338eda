import { failure, success } from '../../contract';
import { memberContract } from '../../contract/member';
import { deleteMemberCode, findCodeOfMember, saveMemberCode } from '../../data/memberCodes';
import { findMember, findMemberByOpenid, findMemberRecordByOpenid, insertMember, keptForMember, setMarketingOptIn, setPhone, updateProfile } from '../../data/members';
import { findStore } from '../../data/stores';
import { addCredit, deleteSubscriptionsOf, findCredits } from '../../data/subscriptions';
import { encryptPhone } from '../../platform/phoneCipher';
import { CLERK_CODE, INVITE_CODE } from '../../contract/formats';
import { findStaffByJoinCode } from '../../data/staffSales';
import { signUpAttribution } from '../../domain/staff/signUp';
import { holderOf } from '../../platform/holder';
import { birthdayEditableFrom, checkBirthdayChange, isLeaving, type Member, memberCard, newMember, notMember } from '../../domain/member';
import { composeMemberCode, issueMemberCode, MEMBER_CODE_RANDOM_DIGITS, MEMBER_CODE_TTL_SECONDS } from '../../domain/memberCode';
import { isMainlandMobile, maskPhone } from '../../domain/phone';
import { toIso } from '../../domain/time';
import { openapi, type Database } from '../../platform/cloud';
import { availableCouponsOf, findTemplate, insertCoupon, removeCoupon, templatesById } from '../../data/coupons';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { findFormerUse } from '../../data/formerUse';
import { couponFrom } from '../../domain/coupons/issue';
import { type Coupon, couponIds, type CouponTemplate } from '../../domain/coupons/template';
import type { ActionContext, Handlers } from '../../platform/handler';
import { leaveProgramme } from './leave';
import { endReferralIfOpen, findInviteCode, findProgramme, findReferral, forgetInReferrals, referralIdOf } from '../../data/referrals';
import { voidOnPhone } from '../../domain/referrals/attribution';
import { referralAtJoin } from '../../domain/referrals/join';
import { DEFAULT_PROGRAMME_ID, type ReferralProgramme } from '../../domain/referrals/programme';
import { wasMemberBefore } from '../../domain/coupons/former';
import { randomDigits, randomInt } from '../../platform/random';
import { issueDevice, lastReceipt } from './device';
import { exportMemberData } from './export';
import { consentView, joinGifts } from './views';
import { npsHandlers } from './nps';

const MEMBER_ID_DIGITS = 12;

/** A friend who binds the phone their inviter bound: the referral they joined through is void now, not at settlement. */
async function voidReferralOnSamePhone(db: Database, referralId: string, digest: string): Promise<void> {
  const referral = await findReferral(db, referralId);
  const inviter = referral?.inviterId ? await findMember(db, referral.inviterId) : null;
  const changes = voidOnPhone(referral, inviter?.phoneDigest, digest);
  if (changes) await endReferralIfOpen(db, referralId, changes);
}

/** Who an invite code names and the programme's terms: read before the member is made. */
async function invitationOf(db: Database, code: string | null): Promise<{ inviter: Member | null; programme: ReferralProgramme | null }> {
  const [found, programme] = await Promise.all([code ? findInviteCode(db, code) : null, findProgramme(db, DEFAULT_PROGRAMME_ID)]);
  return { inviter: found ? await findMember(db, found.memberId) : null, programme };
}

/**
 * The coupons joining brings: the first-order welcome, and the opt-in ¥5 for a member who opts in
 * on the join page — unless an earlier membership of this shopper had them (once ever).
 */
function joiningCoupons(m: Member, templates: Map<string, CouponTemplate>, former: { once: string[] }, now: Date): Coupon[] {
  const wanted = (m.consent.marketing.optIn ? [EVENT_TEMPLATES.join, EVENT_TEMPLATES.optIn] : [EVENT_TEMPLATES.join]).filter((id) => !former.once.includes(id));
  return wanted.flatMap((id) => {
    const t = templates.get(id);
    return t?.active ? [couponFrom(t, couponIds.once(t._id, m._id), m._id, now)] : [];
  });
}

/** The opt-in ¥5, once ever; false when the member began leaving meanwhile (then it is taken back here: their erase may have run already). */
async function issueOptInCoupon(db: Database, m: Member, now: Date): Promise<boolean> {
  const [t, former] = await Promise.all([findTemplate(db, EVENT_TEMPLATES.optIn), findFormerUse(db, m.openid)]);
  if (!t?.active || former.once.includes(t._id)) return true;
  const coupon = couponFrom(t, couponIds.once(t._id, m._id), m._id, now);
  if ((await insertCoupon(db, coupon)) !== 'created') return true;
  return keptForMember(db, m._id, () => removeCoupon(db, coupon._id));
}
/** WeChat's errcodes for a getPhoneNumber code that is invalid (40029) or already used (40163). */
const PHONE_CODE_REFUSED = [40029, 40163];
/** Random draws collide so rarely that a few tries are plenty; more means a bug. */
const MAX_DRAWS = 5;

/** 12 random digits with no leading zero: it is read out at the till and must not lose a digit in a spreadsheet. */
const newMemberId = () => String(randomInt(1, 10)) + randomDigits(MEMBER_ID_DIGITS - 1);

/** The calling member; one who is leaving is no longer one (their erase is under way). */
async function caller(ctx: ActionContext): Promise<Member | null> {
  return findMemberByOpenid(ctx.db, ctx.openid);
}

function profileView(m: Member, now: Date) {
  const editableFrom = birthdayEditableFrom(m, now);
  return {
    nickname: m.nickname,
    avatar: m.avatar,
    birthday: m.birthday,
    birthdayEditableFrom: editableFrom ? toIso(editableFrom) : null,
    phoneMasked: m.phoneMasked,
  };
}

export const memberHandlers: Handlers<typeof memberContract> = {
  ...npsHandlers,
  /** What the join page shows before the shopper agrees to anything: the store's public name and what joining brings. */
  async store(input, ctx) {
    const [store, templates] = await Promise.all([findStore(ctx.db, input.storeId), templatesById(ctx.db, [EVENT_TEMPLATES.join, EVENT_TEMPLATES.optIn])]);
    if (!store || !store.active) return failure('NOT_FOUND', `no store ${input.storeId}`);
    return success({ storeId: store._id, name: store.name, city: store.city, gifts: joinGifts(templates) });
  },

  /** Joining: a shopper's second join answers their existing card; parallel joins make one member. */
  async enroll(input, ctx) {
    const found = await findMemberRecordByOpenid(ctx.db, ctx.openid);
    // an earlier membership whose erase a crash stopped is finished first: joining again starts afresh
    if (found && isLeaving(found)) await leaveProgramme(ctx.db, found, ctx.now);
    const existing = found && !isLeaving(found) ? found : null;
    if (existing) return success({ member: memberCard(existing, ctx.now, await availableCouponsOf(ctx.db, existing._id)), created: false });
    // a ref that is not an invite code is kept nowhere: the referral is recorded as of an unknown code
    const code = input.ref !== undefined && INVITE_CODE.test(input.ref) ? input.ref : null;
    // a clerk code that is not one is looked up nowhere: the shopper is signed up to the store only
    const clerkCode = input.clerk !== undefined && CLERK_CODE.test(input.clerk) ? input.clerk : null;
    const [store, templates, former, invitation, clerk] = await Promise.all([
      findStore(ctx.db, input.storeId),
      templatesById(ctx.db, [EVENT_TEMPLATES.join, EVENT_TEMPLATES.optIn]),
      findFormerUse(ctx.db, ctx.openid),
      input.ref !== undefined ? invitationOf(ctx.db, code) : null,
      clerkCode ? findStaffByJoinCode(ctx.db, clerkCode) : null,
    ]);
    if (!store || !store.active) return failure('INVALID_INPUT', `unknown store ${input.storeId}`);
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      const drawn = newMember(newMemberId(), ctx.openid, { ...input, ref: code ?? undefined, store: { storeId: store._id, name: store.name } }, ctx.now);
      // an invitation is judged on the server and recorded either way; it never stands in the way of joining
      const referral = invitation ? referralAtJoin({ code, invitee: drawn, referralId: referralIdOf(drawn._id), ...invitation, wasMemberBefore: wasMemberBefore(former) }) : null;
      // who signed them up (issue 17): written with the member, once; a member who exists already was answered above
      const signedUpBy = signUpAttribution.decide({ storeId: store._id, clerkCode, clerk });
      const member: Member = { ...drawn, referralId: referral?.status === 'joined' ? referral._id : null, signedUpBy };
      const coupons = joiningCoupons(member, templates, former, ctx.now);
      if ((await insertMember(ctx.db, member, coupons, referral)) === 'created') {
        // the inviter may have begun leaving since they were read, their erase done before this referral existed: forget them here too
        const inviterId = referral?.inviterId;
        if (inviterId) await keptForMember(ctx.db, inviterId, () => forgetInReferrals(ctx.db, inviterId, code, ctx.now));
        return success({ member: memberCard(member, ctx.now, coupons), created: true });
      }
      // a parallel join of this shopper won (answer it), or the random memberId collided (draw again)
      const winner = await caller(ctx);
      if (winner) return success({ member: memberCard(winner, ctx.now, await availableCouponsOf(ctx.db, winner._id)), created: false });
    }
    throw new Error('could not draw a free memberId');
  },

  /** The card on the till's hot path: the member, then their available coupons (two reads). */
  async card(_input, ctx) {
    const m = await caller(ctx);
    return m ? success(memberCard(m, ctx.now, await availableCouponsOf(ctx.db, m._id))) : notMember();
  },

  /** Reads the profile; with fields, changes them (the birthday once per 12 months). */
  async profile(input, ctx) {
    const wantsChange = input.nickname !== undefined || input.avatar !== undefined || input.birthday !== undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const m = await caller(ctx);
      if (!m) return notMember();
      if (!wantsChange) return success(profileView(m, ctx.now));
      if (input.birthday !== undefined) {
        const verdict = checkBirthdayChange(m, input.birthday, ctx.now);
        if (!verdict.ok) return verdict;
      }
      if (await updateProfile(ctx.db, m, input, ctx.now)) {
        const updated = await findMember(ctx.db, m._id);
        // the member left the programme in the same moment
        return updated && !isLeaving(updated) ? success(profileView(updated, ctx.now)) : notMember();
      }
      // the birthday changed under us: judge the rule again on the fresh record
    }
    return failure('CONFLICT', 'the profile was changed at the same time, please try again');
  },

  /** Shows the consent record; with marketingOptIn, grants or revokes marketing (logged). */
  async consent(input, ctx) {
    let m = await caller(ctx);
    if (!m) return notMember();
    if (input.marketingOptIn !== undefined && input.marketingOptIn !== m.consent.marketing.optIn) {
      await setMarketingOptIn(ctx.db, m._id, input.marketingOptIn, ctx.now);
      m = await findMember(ctx.db, m._id);
      // the member left the programme in the same moment
      if (!m || isLeaving(m)) return notMember();
    }
    // opting in brings the ¥5 coupon once ever (its id is the once; asked again, e.g. after a crash, it is not doubled)
    if (input.marketingOptIn === true && m.consent.marketing.optIn && !(await issueOptInCoupon(ctx.db, m, ctx.now))) return notMember();
    return success(consentView(m));
  },

  /** A fresh till code; it retires the member's previous one in the same write. */
  async code(_input, ctx) {
    const m = await caller(ctx);
    if (!m) return notMember();
    // the code being replaced stays usable for an order a till scanned just before the phone refreshed
    const replacing = await findCodeOfMember(ctx.db, m._id);
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      const code = issueMemberCode(m._id, composeMemberCode(randomDigits(MEMBER_CODE_RANDOM_DIGITS)), ctx.now, replacing);
      if (await saveMemberCode(ctx.db, code)) {
        // the member began leaving meanwhile: no code outlives them
        if (!(await keptForMember(ctx.db, m._id, () => deleteMemberCode(ctx.db, m._id)))) return notMember();
        return success({ code: code.code, expiresAt: toIso(code.expiresAt), ttlSeconds: MEMBER_CODE_TTL_SECONDS });
      }
    }
    throw new Error('could not draw a free member code');
  },

  device: issueDevice,
  receipt: lastReceipt,

  /** Binds the phone number WeChat vouches for (the button's one-time code); stored encrypted, shown masked. */
  async bindPhone(input, ctx) {
    const m = await caller(ctx);
    if (!m) return notMember();
    let phone: string;
    try {
      const res = await openapi().phonenumber.getPhoneNumber({ code: input.code });
      phone = String(res?.phoneInfo?.purePhoneNumber ?? '');
    } catch (err) {
      // only a bad or used code is the shopper's to fix; anything else (permission, quota) is ours
      if (PHONE_CODE_REFUSED.includes((err as { errCode?: number }).errCode ?? 0)) {
        return failure('CODE_EXPIRED', 'the phone authorisation code is invalid or expired, please authorise again');
      }
      throw err;
    }
    if (!isMainlandMobile(phone)) return failure('INVALID_INPUT', 'only mainland mobile numbers can be bound');
    const masked = maskPhone(phone);
    // the digest tells two accounts of one phone apart (a referral between them does not count); it names nobody
    const digest = holderOf(`phone:${phone}`);
    await setPhone(ctx.db, m._id, encryptPhone(phone), masked, digest, ctx.now);
    if (m.referralId) await voidReferralOnSamePhone(ctx.db, m.referralId, digest);
    return success({ phoneMasked: masked });
  },

  export: exportMemberData,

  /**
   * Leaving the programme: everything held is erased (functions/member/leave.ts); a retry after a
   * crash finishes it. Idempotent: with nothing held (an erase whose answer was lost, finished
   * already) a retry answers deleted too.
   */
  async delete(_input, ctx) {
    // a member already leaving is found too: this retry finishes their erase
    const m = await findMemberRecordByOpenid(ctx.db, ctx.openid);
    if (m) await leaveProgramme(ctx.db, m, ctx.now);
    return success({ deleted: true as const });
  },

  /** The shopper accepted subscribe messages (requestSubscribeMessage): one send credit per template. */
  async subscribe(input, ctx) {
    const m = await caller(ctx);
    if (!m) return notMember();
    for (const key of new Set(input.accepted)) await addCredit(ctx.db, m._id, key, ctx.now);
    // the member began leaving meanwhile: no credit outlives them
    if (!(await keptForMember(ctx.db, m._id, () => deleteSubscriptionsOf(ctx.db, m._id)))) return notMember();
    const credits = await findCredits(ctx.db, m._id);
    return success({ reminders: credits });
  },
};

