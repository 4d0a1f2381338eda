import type { StaffWithCode } from './joinCode';

/** Who signed a new member up: the store whose code was scanned, and the clerk whose own code it was (null: a plain store code). */
export interface SignUp {
  storeId: string;
  staffId: string | null;
}

export interface SignUpFacts {
  /** the store the member joins at (the scene's `s=`, checked to exist) */
  storeId: string;
  /** whether the scene carried a clerk code at all */
  clerkCode: string | null;
  /** the staff member holding that code, if any */
  clerk: StaffWithCode | null;
}

/**
 * The attribution rule (issue 17, part 2): a clerk's code names the clerk only while it is theirs,
 * they are active and they work at the store of the scene; anything else (an unknown code, a clerk
 * who left, a code of another store's clerk pasted into this store's scene) names the store only,
 * and the shopper joins all the same. Set once at enroll: a member who exists already is never
 * attributed again (the enroll answers them before this rule runs).
 */
export const signUpAttribution = {
  code: 'sign-up-attribution',
  description: '扫导购码入会记到导购名下，扫门店码只记门店',
  decide(f: SignUpFacts): SignUp {
    const c = f.clerk;
    const clerkCounts = f.clerkCode !== null && c !== null && c.joinCode === f.clerkCode && c.active && c.storeId === f.storeId;
    return { storeId: f.storeId, staffId: clerkCounts ? c._id : null };
  },
};
