import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { SUBSCRIBE_TEMPLATES, SUBSCRIBE_TEMPLATE_KEYS } from '../../../../cloudfunctions/contract/rules';
import { consentText } from '../../../components/PrivacyNotice/policy';
import { monthDayLabel, shopDateTime, thousands } from '../../../services/format';
import { orderEntries, refundEntries, spendSection } from './readableTill';

export type MemberExport = ActionOutput<'member', 'export'>;

/** One "label: value" line. */
export interface Field {
  label: string;
  value: string;
}
/** One record of a section (an order, a coupon, a message): a heading, a line under it, its fields. */
export interface Entry {
  key: string;
  title: string;
  /** shown on the heading's right: an amount, a date */
  aside?: string;
  fields: Field[];
}
/** A part of the export with a Chinese heading: facts first, then its records. */
export interface DataSection {
  id: string;
  title: string;
  fields: Field[];
  entries: Entry[];
  /** what the section says when it has no records */
  none: string;
}

export const when = (iso: string | null | undefined, none = '无') => (iso ? shopDateTime(iso) : none);
const points = (n: number) => `${thousands(n)} 分`;
const signedPoints = (n: number) => `${n > 0 ? '+' : ''}${thousands(n)} 分`;

const COUPON_STATUS = { available: '可使用', used: '已使用', expired: '已过期' } as const;
const MESSAGE_STATUS = { sent: '已发送', sending: '发送中', failed: '未送达' } as const;
const TIER_CHANGE_REASON = { order: '到店消费', refund: '退货后调整', review: '年度等级复核', referral: '邀请好友' } as const;

function profileSection(d: MemberExport): DataSection {
  const m = d.member;
  const code = d.tillCode;
  return {
    id: 'profile',
    title: '个人资料',
    fields: [
      { label: '会员号', value: m.memberId },
      { label: '微信用户标识', value: m.wechatOpenid },
      { label: '昵称', value: m.nickname ?? '未填写' },
      { label: '头像', value: m.avatar ?? '未设置' },
      { label: '生日', value: m.birthday ? monthDayLabel(m.birthday) : '未填写' },
      { label: '生日设置时间', value: when(m.birthdayChangedAt) },
      { label: '手机号', value: m.phone ?? '未绑定' },
      { label: '开卡门店', value: m.homeStore.name },
      { label: '入会时间', value: when(m.memberSince) },
      { label: '邀请码', value: m.joinRef ?? '无' },
      { label: '资料更新时间', value: when(m.lastUpdatedAt) },
      { label: '最近的会员码', value: code ? `${code.code}（${when(code.issuedAt)} 生成，${code.usedAt ? `${when(code.usedAt)} 已使用` : `${when(code.expiresAt)} 失效`}）` : '无' },
    ],
    entries: [],
    none: '',
  };
}

function consentSection(d: MemberExport): DataSection {
  const c = d.consent;
  return {
    id: 'consent',
    title: '授权记录',
    fields: [
      { label: '隐私政策', value: `版本 ${c.privacy.version}，${when(c.privacy.acceptedAt)} 同意` },
      { label: '新品与优惠消息', value: `${c.marketing.optIn ? '接收' : '不接收'}（${when(c.marketing.changedAt)} 设置）` },
    ],
    entries: [...c.history].reverse().map((e, i) => ({
      key: `consent-${i}`,
      title: `${consentText(e.kind, e.granted)}${e.version ? `（${e.version}）` : ''}`,
      aside: when(e.at),
      fields: [],
    })),
    none: '暂无授权记录',
  };
}

function pointsSection(d: MemberExport): DataSection {
  const p = d.points;
  const lots = p.lots.map((l, i) => ({
    key: `lot-${i}`,
    title: `积分批次 ${points(l.earned)}`,
    aside: `剩 ${points(l.remaining)}`,
    fields: [
      { label: '获得时间', value: when(l.earnedAt) },
      { label: '到期时间', value: when(l.expiresAt) },
    ],
  }));
  const history = [...p.history].reverse().map((line) => ({
    key: `ledger-${line.id}`,
    title: line.title,
    aside: signedPoints(line.points),
    fields: [
      { label: '时间', value: when(line.at) },
      ...(line.detail ? [{ label: '说明', value: line.detail }] : []),
      ...(line.debtAdded ? [{ label: '记为待抵扣', value: points(line.debtAdded) }] : []),
      ...(line.debtSettled ? [{ label: '抵扣欠分', value: points(line.debtSettled) }] : []),
      { label: '变动后余额', value: points(line.balanceAfter) },
    ],
  }));
  return {
    id: 'points',
    title: '积分',
    fields: [
      { label: '可用积分', value: points(p.balance) },
      { label: '待抵扣积分', value: points(p.debt) },
    ],
    entries: [...lots, ...history],
    none: '暂无积分记录',
  };
}

function couponsSection(d: MemberExport): DataSection {
  return {
    id: 'coupons',
    title: '优惠券',
    fields: [
      { label: '上次发放好久不见券', value: when(d.purchases.lastWinBackAt) },
      { label: '下次可发放好久不见券', value: when(d.purchases.winBackDueAt) },
    ],
    entries: d.coupons.map((c) => ({
      key: `coupon-${c.couponId}`,
      title: c.name,
      aside: COUPON_STATUS[c.status],
      fields: [
        { label: '面额', value: c.rule ? `${c.value}，${c.rule}` : c.value },
        { label: '有效期', value: c.validityText },
        { label: '领取时间', value: when(c.issuedAt) },
        ...(c.endedReason ? [{ label: '失效原因', value: c.endedReason }] : []),
      ],
    })),
    none: '暂无优惠券',
  };
}

function remindersSection(d: MemberExport): DataSection {
  return {
    id: 'messages',
    title: '消息提醒',
    fields: SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({ label: `${SUBSCRIBE_TEMPLATES[key].title}剩余`, value: `${d.reminders[key]} 次` })),
    entries: d.messages.map((msg, i) => ({
      key: `message-${i}`,
      title: msg.title,
      aside: MESSAGE_STATUS[msg.status],
      fields: [{ label: '时间', value: when(msg.at) }, ...msg.lines],
    })),
    none: '还没有发送过提醒',
  };
}

function tierSection(d: MemberExport): DataSection {
  const t = d.tier;
  return {
    id: 'tier',
    title: '等级记录',
    fields: [
      { label: '当前等级', value: t.name },
      { label: '成为该等级', value: when(t.since) },
      { label: '最近达到成长者条件', value: when(t.qualifiedAt.grower, '未达到') },
      { label: '最近达到忠诚者条件', value: when(t.qualifiedAt.loyal, '未达到') },
      { label: '等级保留至', value: when(t.keptUntil, '长期') },
    ],
    entries: [...t.history].reverse().map((h, i) => ({
      key: `tier-${i}`,
      title: `${h.fromName} → ${h.toName}`,
      aside: when(h.at),
      fields: [{ label: '原因', value: TIER_CHANGE_REASON[h.reason] }],
    })),
    none: '等级还没有变动过',
  };
}

/** The whole export as a shopper reads it: sections with Chinese headings, amounts in ¥, times in Shanghai. */
export function readableExport(d: MemberExport): DataSection[] {
  return [
    profileSection(d),
    consentSection(d),
    pointsSection(d),
    couponsSection(d),
    { id: 'orders', title: '订单', fields: [{ label: '首次消费', value: when(d.purchases.firstOrderAt) }, { label: '最近消费', value: when(d.purchases.lastOrderAt) }], entries: orderEntries(d.orders), none: '暂无订单' },
    { id: 'refunds', title: '退货', fields: [], entries: refundEntries(d.refunds, d.coupons), none: '暂无退货' },
    remindersSection(d),
    spendSection(d.spend),
    tierSection(d),
  ];
}
