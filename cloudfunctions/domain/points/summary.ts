import type { PointsSummary } from '../../contract';
import { accountOf, type Member, standingOf, tierRecordOf } from '../member';
import { figuresAsOf } from '../standing';
import { rulesFor } from '../tierRules';
import { nextTierRoute } from '../tierRules/nextTier';
import { TIERS, tierOf } from '../tiers';
import { shopDateLabel, toIso } from '../time';
import { expireDue, expiringBy, nextExpiryBatch, type PointsAccount } from './account';

/** Points expiring within this many days are pointed out (and reminded of). */
export const EXPIRING_SOON_DAYS = 30;

/** The account as it stands now: lots whose expiry has come are gone even before the daily job writes it. */
export function accountNow(m: Member, now: Date): PointsAccount {
  return expireDue(accountOf(m), now).account;
}

const KEEP_RULE: Record<'grower' | 'loyal', string> = {
  grower: '单季度消费满 ¥1,000 可续期',
  loyal: '近12个月消费超过 ¥3,000 或成功邀请 3 位好友可续期',
};

/** The points page's figures: balance, expiry, tier progress in shop words, every tier's benefits. */
export function pointsSummary(m: Member, now: Date, reminders: PointsSummary['reminders']): PointsSummary {
  const account = accountNow(m, now);
  const standing = standingOf(m);
  const figures = figuresAsOf(tierRecordOf(m), now);
  const tier = tierOf(standing.tier);
  const next = nextTierRoute(standing.tier, figures);
  const batch = nextExpiryBatch(account);
  const soonUntil = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000);
  return {
    balance: account.balance,
    debt: account.debt,
    nextExpiry: batch ? { points: batch.points, expiresAt: toIso(batch.expiresAt) } : null,
    expiringSoonPoints: expiringBy(account, soonUntil),
    tier: { code: tier.code, name: tier.name, since: toIso(standing.tierSince), keptUntil: standing.keptUntil ? toIso(standing.keptUntil) : null },
    progress: {
      quarterSpendFen: figures.quarterSpendFen,
      yearSpendFen: figures.yearSpendFen,
      settledReferrals: figures.settledReferrals,
      next,
      keepText: standing.tier !== 'explorer' && standing.keptUntil ? `${tier.name}保级至 ${shopDateLabel(new Date(standing.keptUntil.getTime() - 1))}：${KEEP_RULE[standing.tier]}` : null,
    },
    tiers: TIERS.map((t) => ({
      code: t.code,
      name: t.name,
      benefits: t.benefits,
      rule: rulesFor(t.code).map((r) => r.description).join(' 或 ') || '注册即享',
    })),
    reminders,
  };
}
