import type * as z from 'zod/mini';
import { benefitsContract } from './benefits';
import { couponContract } from './coupon';
import { memberContract } from './member';
import { opsContract } from './ops';
import { pointsContract } from './points';
import { referralContract } from './referral';
import { staffContract } from './staff';
import { styleContract } from './style';

export * from './errors';
export * from './envelope';
export * from './fields';
export type { JoinGift, MemberCard, TillReceipt } from './member';
export type { MemberSummary } from './staff';
export type { LedgerKind, LedgerLine, PointsSummary } from './points';
export type { Invitee, ReferralMine, ReferralStatus, ReferralTerms, ReferralVoidReason } from './referral';
export type { BirthdayGift, CenterEntry, CouponChannel, CouponFace, CouponView, Reward, WalletStatus } from './coupon';
export type { AnswersProblem, CompleteAnswers, QuizAnswers, QuizProgress, StyleQuiz, StyleReport, StyleWeights } from './styleQuiz';
export type { ClimateNorms, Outfit, OutfitPlan, OutfitProblem, OutfitSlots, PieceSource, WardrobePiece } from './outfits';

export interface ActionSpec {
  input: z.ZodMiniType;
  output: z.ZodMiniType;
}
export type FunctionContract = Record<string, ActionSpec>;

/** Every callable function and its actions. The app's client and the handlers are typed from here. */
export const contract = {
  member: memberContract,
  points: pointsContract,
  coupon: couponContract,
  referral: referralContract,
  staff: staffContract,
  style: styleContract,
  benefits: benefitsContract,
  ops: opsContract,
} as const satisfies Record<string, FunctionContract>;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type Spec<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends ActionSpec ? Contract[F][A] : never;
/** What the caller sends (before defaults and trimming). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>;
