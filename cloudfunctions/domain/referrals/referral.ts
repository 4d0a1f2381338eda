import type { ReferralStatus, ReferralVoidReason } from '../../contract/referral';

/**
 * A referral as stored: one per invitee (its id is a keyed digest of the invitee's memberId, so
 * a second attribution for one invitee is the same document, never a check-then-write). It
 * names the inviter and invitee by memberId while both belong to the programme; whoever leaves is
 * taken out of it (null), so it never names an erased member.
 */
export interface Referral {
  _id: string;
  programmeId: string;
  /** the inviter (null: the code was unknown, or the inviter left) */
  inviterId: string | null;
  /** the invitee (null once they left) */
  inviteeId: string | null;
  /** the invite code the invitee joined with (null once the inviter left: it was on their posters) */
  code: string | null;
  /** what the inviter's list shows of the invitee */
  inviteeNicknameMasked: string;
  status: ReferralStatus;
  voidReason: ReferralVoidReason | null;
  joinedAt: Date;
  /** the invitee's qualifying first paid order, and what was paid */
  orderKey: string | null;
  orderPaidFen: number | null;
  /** when the job looks at it next: the end of the return window (qualified), the end of the wait for an order (joined); null once ended */
  dueAt: Date | null;
  settledAt: Date | null;
  /** the inviter's list reads newest first by this key (`<joinedAt ms>:<id>`) */
  listKey: string;
}

export const listKeyOf = (joinedAt: Date, id: string) => `${String(joinedAt.getTime()).padStart(13, '0')}:${id}`;

/** Where a referral still waits for something (the job looks at it when due). */
export const isOpen = (r: Pick<Referral, 'status'>) => r.status === 'joined' || r.status === 'qualified';
