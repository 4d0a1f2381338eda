import type { TierCode } from '../../../contract';
import { shopDateTimeLabel } from '../../time';
import { type EventTier, type PrivateEvent, type SignUpState, tiersText } from './event';

/** What a member's standing towards one event is: the page's badge and what its button does. */
export type JoinState = 'signedUp' | 'waiting' | 'tierLocked' | 'notYet' | 'closed' | 'full' | 'open';

/** The facts one member's view of one event is judged on. */
export interface JoinFacts {
  event: Pick<PrivateEvent, 'tiers' | 'signUpFrom' | 'signUpUntil' | 'capacity' | 'seatsTaken'>;
  tier: TierCode;
  /** how the member reaches the lowest tier the event is open to ("近12个月再消费 ¥601 升级忠诚者") */
  unlockRoute: string | null;
  /** the member's sign-up, if any (a cancelled one counts as none) */
  signUp: SignUpState | null;
  /** 1-based place on the waiting list when waiting */
  waitingPosition: number | null;
  now: Date;
}

export interface JoinVerdict {
  state: JoinState;
  /** the badge in shop words: 可报名 / 已报名 / 候补第 3 位 / 已满 / 未到报名时间 / 等级不符 */
  text: string;
  /** for tierLocked: how to unlock; for notYet: when it opens; for full: that the waiting list is open */
  hint: string | null;
}

/** One rule: a verdict when it decides, null to pass to the next (Vendure's small rule objects). */
export interface JoinRule {
  code: string;
  decide(f: JoinFacts): JoinVerdict | null;
}

export const alreadySigned: JoinRule = {
  code: 'already-signed',
  decide: (f) =>
    f.signUp === 'seat'
      ? { state: 'signedUp', text: '已报名', hint: null }
      : f.signUp === 'waiting'
        ? { state: 'waiting', text: `候补第 ${f.waitingPosition ?? 1} 位`, hint: '有人取消时按顺序递补，递补成功即为报名成功' }
        : null,
};

export const tierAllowed: JoinRule = {
  code: 'tier',
  decide: (f) =>
    f.event.tiers.includes(f.tier as EventTier)
      ? null
      : { state: 'tierLocked', text: '等级不符', hint: `仅限${tiersText(f.event.tiers)}${f.unlockRoute ? `，${f.unlockRoute}即可报名` : ''}` },
};

export const signUpWindow: JoinRule = {
  code: 'window',
  decide: (f) => {
    if (f.now.getTime() < f.event.signUpFrom.getTime()) return { state: 'notYet', text: '未到报名时间', hint: `${shopDateTimeLabel(f.event.signUpFrom)} 开始报名` };
    if (f.now.getTime() >= f.event.signUpUntil.getTime()) return { state: 'closed', text: '报名已截止', hint: null };
    return null;
  },
};

export const seatsLeft: JoinRule = {
  code: 'capacity',
  decide: (f) =>
    f.event.seatsTaken >= f.event.capacity ? { state: 'full', text: '已满', hint: '可排队候补，有人取消时按顺序递补' } : { state: 'open', text: '可报名', hint: null },
};

/** In order: a sign-up held, then who may come, then the window, then the seats. */
export const JOIN_RULES: readonly JoinRule[] = [alreadySigned, tierAllowed, signUpWindow, seatsLeft];

export function joinVerdict(f: JoinFacts): JoinVerdict {
  for (const rule of JOIN_RULES) {
    const verdict = rule.decide(f);
    if (verdict) return verdict;
  }
  throw new Error('the capacity rule always decides');
}

/** Whether a sign-up may be taken (a full event takes it onto the waiting list). */
export const mayJoin = (v: JoinVerdict) => v.state === 'open' || v.state === 'full';
