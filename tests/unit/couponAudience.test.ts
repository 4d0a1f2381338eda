import type { TierCode } from '../../cloudfunctions/contract';
import { audienceProblem, claimPeriodProblem, type Holder } from '../../cloudfunctions/domain/coupons/audience';
import { WIN_BACK_AFTER_DAYS, WIN_BACK_GAP_DAYS, winBackDueAt } from '../../cloudfunctions/domain/coupons/events';
import type { Audience } from '../../cloudfunctions/domain/coupons/template';

const at = (iso: string) => new Date(iso);
const holder = (tier: TierCode, firstOrderAt: string | null = null): Holder => ({ tier, firstOrderAt: firstOrderAt ? at(firstOrderAt) : null });

describe('who may hold a template', () => {
  const ordered = '2026-11-25T10:00:00+08:00';
  it.each([
    ['an open template for everyone, an Explorer', {}, true, holder('explorer'), null],
    ['an open template for everyone, a Loyal member who has ordered', {}, true, holder('loyal', ordered), null],
    ['a template the brand switched off', {}, false, holder('explorer'), '活动已结束'],
    ['a switched-off template of the member\'s own tier', { tiers: ['grower'] }, false, holder('grower'), '活动已结束'],
    ['Grower and Loyal only, an Explorer', { tiers: ['grower', 'loyal'] }, true, holder('explorer'), '当前会员等级不可领取'],
    ['Grower and Loyal only, a Grower', { tiers: ['grower', 'loyal'] }, true, holder('grower'), null],
    ['Grower and Loyal only, a Loyal member', { tiers: ['grower', 'loyal'] }, true, holder('loyal'), null],
    ['the Explorer birthday gift, a Grower', { tiers: ['explorer'] }, true, holder('grower'), '当前会员等级不可领取'],
    ['new members only, a member who has not ordered', { newMembersOnly: true }, true, holder('explorer'), null],
    ['new members only, a member who has ordered', { newMembersOnly: true }, true, holder('explorer', ordered), '仅限未下单的新会员领取'],
    ['Explorers who have not ordered, a Grower who has (the tier is named first)', { tiers: ['explorer'], newMembersOnly: true }, true, holder('grower', ordered), '当前会员等级不可领取'],
  ] as Array<[string, Audience, boolean, Holder, string | null]>)('%s: %s', (_name, audience, active, m, problem) => {
    expect(audienceProblem({ audience, active }, m)).toBe(problem);
  });
});

describe('when a claim-centre template may be claimed: [claimFrom, claimUntil) in shop time', () => {
  const claimFrom = at('2026-12-01T10:00:00+08:00');
  const claimUntil = at('2026-12-08T00:00:00+08:00');
  it.each([
    ['always, without a period', {}, '2026-01-01T00:00:00+08:00', null],
    ['a millisecond before it opens', { claimFrom, claimUntil }, '2026-12-01T09:59:59.999+08:00', '领取尚未开始'],
    ['the instant it opens', { claimFrom, claimUntil }, '2026-12-01T10:00:00+08:00', null],
    ['the last millisecond of 7 December', { claimFrom, claimUntil }, '2026-12-07T23:59:59.999+08:00', null],
    ['the instant it ends', { claimFrom, claimUntil }, '2026-12-08T00:00:00+08:00', '领取已结束'],
    ['long after it ended', { claimFrom, claimUntil }, '2027-03-01T00:00:00+08:00', '领取已结束'],
    ['with only a start, long after', { claimFrom }, '2030-01-01T00:00:00+08:00', null],
    ['with only a start, before it', { claimFrom }, '2026-11-30T00:00:00+08:00', '领取尚未开始'],
    ['with only an end, long before', { claimUntil }, '2020-01-01T00:00:00+08:00', null],
    ['with only an end, at it', { claimUntil }, '2026-12-08T00:00:00+08:00', '领取已结束'],
  ] as Array<[string, { claimFrom?: Date; claimUntil?: Date }, string, string | null]>)('%s: %s', (_name, period, now, problem) => {
    expect(claimPeriodProblem(period, at(now))).toBe(problem);
  });
});

describe(`win-back: due ${WIN_BACK_AFTER_DAYS} days after the last purchase, never within ${WIN_BACK_GAP_DAYS} days of the last win-back`, () => {
  const lastOrder = '2026-10-01T15:00:00+08:00';
  it.each([
    ['a member who never bought', null, null, null],
    ['a member who never bought, even after a win-back', null, '2026-06-01T10:00:00+08:00', null],
    ['a member who bought once and never had a win-back', lastOrder, null, '2026-10-31T15:00:00+08:00'],
    ['a member whose last win-back was long ago (its 90 days ended 2026-08-30)', lastOrder, '2026-06-01T10:00:00+08:00', '2026-10-31T15:00:00+08:00'],
    ['a member whose last win-back ends its 90 days exactly when the 30 days do', lastOrder, '2026-08-02T15:00:00+08:00', '2026-10-31T15:00:00+08:00'],
    ['a member whose last win-back was a month before the last purchase: 90 days after it', lastOrder, '2026-09-01T10:00:00+08:00', '2026-11-30T10:00:00+08:00'],
    ['a member who bought a day after a win-back: 90 days after it, not 30 after the purchase', '2026-09-02T10:00:00+08:00', '2026-09-01T10:00:00+08:00', '2026-11-30T10:00:00+08:00'],
    ['a member who bought on New Year\'s Eve', '2026-12-31T23:30:00+08:00', null, '2027-01-30T23:30:00+08:00'],
  ])('%s: %s', (_name, lastOrderAt, lastWinBackAt, due) => {
    const answer = winBackDueAt(lastOrderAt ? at(lastOrderAt) : null, lastWinBackAt ? at(lastWinBackAt) : null);
    expect(answer?.toISOString() ?? null).toBe(due ? at(due).toISOString() : null);
  });
});
