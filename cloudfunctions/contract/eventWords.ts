/**
 * Words of the events actions the app shows as the function says them (no schema library: the staff
 * page imports this without zod). Check-in's NOT_CLAIMABLE is either the door's hours or this.
 */
export const TIER_NO_LONGER_FITS = '该会员当前等级不符合本场活动';
