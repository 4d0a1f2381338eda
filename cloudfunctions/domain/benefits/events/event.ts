import type { TierCode } from '../../../contract';

/** Who may come: 忠诚者 only, or 成长者 too (a manager opens it wider). */
export type EventTier = Extract<TierCode, 'grower' | 'loyal'>;

/** A private event (私享会) a store's manager runs. */
export interface PrivateEvent {
  /** `<storeId>-<requestId>`: the manager's retry creates nothing twice */
  _id: string;
  storeId: string;
  storeName: string;
  address: string;
  title: string;
  /** a cloud file id the manager uploaded, or one of the catalogue's pictures (/static/products/…) */
  picture: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  tiers: EventTier[];
  signUpFrom: Date;
  signUpUntil: Date;
  /** seats held, only ever changed by conditional increments (never above capacity) */
  seatsTaken: number;
  createdBy: { staffId: string; name: string };
  createdAt: Date;
}

export type SignUpState = 'seat' | 'waiting' | 'cancelled';

/** One member's sign-up for one event (`<eventId>:<memberId>`). */
export interface EventSignUp {
  _id: string;
  eventId: string;
  storeId: string;
  memberId: string;
  state: SignUpState;
  /** when the sign-up was taken (ms): the waiting list moves up in (seq, _id) order */
  seq: number;
  createdAt: Date;
  changedAt: Date;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  /** why the brand cancelled it (a tier that no longer admits the member); absent when the member cancelled */
  cancelReason?: string;
}

/** The words a sign-up cancelled by a fall in tier keeps (the member's export shows them). */
export const SIGN_UP_TIER_LOST_REASON = '因会员等级调整，报名已取消';

export const eventIdOf = (storeId: string, requestId: string) => `${storeId}-${requestId}`;
export const signUpIdOf = (eventId: string, memberId: string) => `${eventId}:${memberId}`;

/** The tier names who may come, in shop words: "忠诚者" or "成长者、忠诚者". */
export const TIER_NAMES: Record<EventTier, string> = { grower: '成长者', loyal: '忠诚者' };
export const tiersText = (tiers: readonly EventTier[]) => (['grower', 'loyal'] as const).filter((t) => tiers.includes(t)).map((t) => TIER_NAMES[t]).join('、');

/** Members check in from this long before the start until the end. */
export const CHECK_IN_OPENS_MS = 2 * 3_600_000;
/** Sales to attendees count this many days from the start (the brand's figure). */
export const SALES_WINDOW_DAYS = 7;
