/**
 * A member's answer to the one NPS question (issue 19, part 5), kept in `npsAnswers`. Its id is
 * `${memberId}:${seq}` — the member's n-th answer — so two answers sent at once both try the same
 * id and one wins: the once-per-30-days rule is decided by a unique key, never by check-then-write.
 */
export interface NpsAnswer {
  _id: string;
  memberId: string;
  /** the member's n-th answer (1, 2, …) */
  seq: number;
  /** the store of the order it was asked after */
  storeId: string;
  /** the clerk who served the order (looked the member's code up at the till), else who signed them up there, else null */
  staffId: string | null;
  /** the till order (`${storeId}:${orderId}`) */
  orderKey: string;
  score: number;
  /** the member's optional short reason (null: none) */
  reason: string | null;
  answeredAt: Date;
}

export const npsAnswerId = (memberId: string, seq: number) => `${memberId}:${seq}`;
