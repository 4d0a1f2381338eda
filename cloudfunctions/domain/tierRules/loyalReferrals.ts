import { ratioOf, type TierRule } from './rule';

/** 3 settled referrals (friends who joined and whose first order outlived the return window). */
export const LOYAL_REFERRALS = 3;

export const loyalReferrals: TierRule = {
  code: 'loyal-referrals',
  tier: 'loyal',
  description: `成功邀请 ${LOYAL_REFERRALS} 位好友`,
  check: (f) => f.settledReferrals >= LOYAL_REFERRALS,
  progress: (f, name) => ({
    text: `再成功邀请 ${Math.max(0, LOYAL_REFERRALS - f.settledReferrals)} 位好友升级${name}`,
    ratio: ratioOf(f.settledReferrals, LOYAL_REFERRALS),
  }),
};
