import type { CampaignSummary } from '../../../contract/opsCampaigns';
import { yuanText } from '../../../contract/formats';
import type { Validity } from '../../coupons/template';
import { shopDateLabel, shopDateTimeLabel, toIso } from '../../time';
import { tierOf } from '../../tiers';
import type { Campaign } from './campaign';

/** A segment's name for managers: its definition's name, else its code; members placed in none: 未分群. */
export const segmentName = (code: string | null, names: ReadonlyMap<string, string>) => (code === null ? '未分群' : (names.get(code) ?? code));

const ENDED_TEXT: Record<NonNullable<Campaign['endedBy']>, string> = {
  audience: '已完成',
  budget: '已完成 · 预算用完',
  template: '已结束 · 券已停用',
  stopped: '已停止',
};

export function statusText(c: Pick<Campaign, 'status' | 'endedBy' | 'startAt'>): string {
  if (c.status === 'scheduled') return `待开始 · ${shopDateTimeLabel(c.startAt)}`;
  if (c.status === 'issuing') return '发券中';
  return ENDED_TEXT[c.endedBy ?? (c.status === 'stopped' ? 'stopped' : 'audience')];
}

/** 沉睡型、高价值沉睡 · 成长者 · 2个标签 · 仅已订阅营销 */
export function audienceText(a: Campaign['audience'], names: ReadonlyMap<string, string>): string {
  return [
    a.segments.length ? a.segments.map((s) => segmentName(s, names)).join('、') : '全部分群',
    a.tiers.length ? a.tiers.map((t) => tierOf(t).name).join('、') : '全部等级',
    ...(a.tags.length ? [`${a.tags.length}个标签`] : []),
    ...(a.optedInOnly ? ['仅已订阅营销'] : []),
  ].join(' · ');
}

export function budgetText(b: Campaign['budget']): string {
  const parts = [...(b.maxCoupons !== null ? [`最多 ${b.maxCoupons.toLocaleString('en-US')} 张`] : []), ...(b.maxDiscountFen !== null ? [`优惠上限 ${yuanText(b.maxDiscountFen)}`] : [])];
  return parts.length ? parts.join(' · ') : '不限';
}

/** How long a template's coupon is valid, as a manager reads it. */
export function validityWords(v: Validity): string {
  if (v.kind === 'days') return `发放后 ${v.days} 天内有效`;
  if (v.kind === 'hours') return `发放后 ${v.hours} 小时内有效`;
  return `${shopDateLabel(v.from)} 至 ${shopDateLabel(new Date(v.until.getTime() - 1))}`;
}

export function campaignSummary(c: Campaign, names: ReadonlyMap<string, string>): CampaignSummary {
  return {
    campaignId: c._id,
    name: c.name,
    status: c.status,
    statusText: statusText(c),
    templateName: c.templateName,
    audienceText: audienceText(c.audience, names),
    budgetText: budgetText(c.budget),
    message: c.message,
    controlPercent: c.controlPercent,
    startAt: toIso(c.startAt),
    createdAt: toIso(c.createdAt),
    createdBy: c.createdBy.name,
    treated: c.treated,
    control: c.control,
    skipped: c.skipped,
    issued: c.issued,
    messaged: c.messaged,
  };
}

/** A card number with its middle hidden: 1234****5678. */
export const maskMemberNo = (memberId: string) => (memberId.length > 8 ? `${memberId.slice(0, 4)}****${memberId.slice(-4)}` : '****');
