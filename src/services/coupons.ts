import type { WalletStatus } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

/** The `coupon` function's calls, named as the wallet, the claim centre and the card think of them. */
export const couponApi = serviceFor('coupon', (coupon) => ({
  /** One wallet tab, with the counts of all three. */
  list: (status: WalletStatus) => coupon('list', { status }),
  /** 领券中心: the campaign coupons a member may claim, with stock and their own limit. */
  center: () => coupon('center'),
  claim: (templateId: string) => coupon('claim', { templateId }),
  /** The birthday gift: whether it can be claimed now, and what it is. */
  birthday: () => coupon('birthday'),
  claimBirthday: () => coupon('claimBirthday'),
}));
