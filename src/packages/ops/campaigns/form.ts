import type { TierCode } from '../../../../cloudfunctions/contract';
import type { CampaignAudience, CampaignLaunch } from '../../../services/opsCampaigns';

/** The launch form as the manager fills it: amounts as typed (yuan), the start as a shop-time day and time. */
export interface CampaignForm {
  name: string;
  segments: string[];
  tiers: TierCode[];
  tags: string[];
  optedInOnly: boolean;
  templateId: string | null;
  message: boolean;
  controlPercent: number;
  maxCoupons: string;
  maxDiscountYuan: string;
  startNow: boolean;
  day: string;
  time: string;
}

export const CONTROL_SHARES = [0, 5, 10, 20] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-20" in shop time, `days` after the instant. */
export function shopDayOf(now: number, days = 0): string {
  const t = new Date(now + 8 * 3_600_000 + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A fresh form: everyone of the store, no cap, 10 % held out, starting now (or tomorrow 10:00 when scheduled). */
export function blankForm(now: number): CampaignForm {
  return { name: '', segments: [], tiers: [], tags: [], optedInOnly: false, templateId: null, message: false, controlPercent: 10, maxCoupons: '', maxDiscountYuan: '', startNow: true, day: shopDayOf(now, 1), time: '10:00' };
}

export const audienceOf = (f: CampaignForm): CampaignAudience => ({ segments: f.segments, tiers: f.tiers, tags: f.tags, optedInOnly: f.optedInOnly });

/** Adds or removes one value of a multiple choice. */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * The launch the function takes, or what is wrong in plain words (the rules the function applies,
 * said before the manager waits): a name, an offer, caps as whole numbers, a start ahead of now.
 */
export function launchOf(f: CampaignForm, now: number): { launch: CampaignLaunch } | { problem: string } {
  const name = f.name.trim();
  if (!name) return { problem: '请填写活动名称' };
  if ([...name].length > 30) return { problem: '活动名称最多 30 个字' };
  if (!f.templateId) return { problem: '请选择要发放的优惠券' };
  const maxCoupons = f.maxCoupons.trim() === '' ? null : Number(f.maxCoupons);
  if (maxCoupons !== null && (!Number.isInteger(maxCoupons) || maxCoupons < 1)) return { problem: '发券上限请填正整数，或留空表示不限' };
  const yuan = f.maxDiscountYuan.trim() === '' ? null : Number(f.maxDiscountYuan);
  if (yuan !== null && (!Number.isInteger(yuan) || yuan < 1)) return { problem: '优惠金额上限请填整数元，或留空表示不限' };
  let startAt: string | undefined;
  if (!f.startNow) {
    const at = new Date(`${f.day}T${f.time}:00+08:00`);
    if (Number.isNaN(at.getTime()) || at.getTime() <= now) return { problem: '定时开始须晚于现在' };
    if (at.getTime() > now + 90 * 86_400_000) return { problem: '最多提前 90 天定时' };
    startAt = at.toISOString();
  }
  return {
    launch: {
      name,
      audience: audienceOf(f),
      templateId: f.templateId,
      message: f.message,
      controlPercent: f.controlPercent,
      budget: { maxCoupons, maxDiscountFen: yuan === null ? null : yuan * 100 },
      ...(startAt ? { startAt } : {}),
    },
  };
}

/** 12.5% from a rate (0.125). */
export const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
