import { SUBSCRIBE_TEMPLATES, SUBSCRIBE_TEMPLATE_KEYS } from '../../../../cloudfunctions/contract/formats';
import { consentText } from '../../../components/PrivacyNotice/consent';
import { lastShopDay, monthDayLabel, shopDay } from '../../../services/format';
import { type DataSection, type MemberExport, points, signedPoints, when } from './parts';
import { servicesSection, staffSection } from './readableServices';
import { orderEntries, refundEntries, spendSection } from './readableTill';

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
      // the till code on record: 18 digits, its minute, and whether a till used it
      ...(code
        ? [
            { label: '最近的会员码', value: code.code },
            { label: '会员码生成时间', value: when(code.issuedAt) },
            code.usedAt ? { label: '会员码使用时间', value: when(code.usedAt) } : { label: '会员码失效时间', value: when(code.expiresAt) },
          ]
        : [{ label: '最近的会员码', value: '无' }]),
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
      { label: '隐私政策版本', value: c.privacy.version },
      { label: '同意时间', value: when(c.privacy.acceptedAt) },
      { label: '新品与优惠消息', value: c.marketing.optIn ? '接收' : '不接收' },
      { label: '设置时间', value: when(c.marketing.changedAt) },
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
  return {
    id: 'points',
    title: '积分',
    fields: [
      { label: '可用积分', value: points(p.balance) },
      { label: '待抵扣积分', value: points(p.debt) },
    ],
    // each open lot: what it earned, what is left, the last day it can be used
    entries: p.lots.map((l, i) => ({
      key: `lot-${i}`,
      title: `获得 ${points(l.earned)}`,
      aside: `剩 ${points(l.remaining)}`,
      note: `${shopDay(l.earnedAt)} 获得 · ${lastShopDay(l.expiresAt)} 到期`,
      fields: [],
    })),
    none: '没有未用完的积分',
  };
}

/** The points history, newest first. */
function pointsHistorySection(d: MemberExport): DataSection {
  return {
    id: 'pointsHistory',
    title: '积分明细',
    fields: [],
    entries: [...d.points.history].reverse().map((line) => ({
      key: `ledger-${line.id}`,
      title: line.title,
      aside: signedPoints(line.points),
      note: line.detail ? `${when(line.at)} · ${line.detail}` : when(line.at),
      fields: [
        ...(line.debtAdded ? [{ label: '记为待抵扣', value: points(line.debtAdded) }] : []),
        ...(line.debtSettled ? [{ label: '抵扣欠分', value: points(line.debtSettled) }] : []),
        { label: '变动后余额', value: points(line.balanceAfter) },
      ],
    })),
    none: '暂无积分记录',
  };
}

function couponsSection(d: MemberExport): DataSection {
  return {
    id: 'coupons',
    title: '优惠券',
    fields: [
      // labels of at most 8 characters: a 320-wide phone keeps each on one line
      { label: '上次好久不见券', value: when(d.purchases.lastWinBackAt) },
      { label: '下次好久不见券', value: d.purchases.winBackDueAt ? `${when(d.purchases.winBackDueAt)} 起` : '无' },
    ],
    entries: d.coupons.map((c) => ({
      key: `coupon-${c.couponId}`,
      title: c.name,
      aside: COUPON_STATUS[c.status],
      fields: [
        { label: '面额', value: c.value },
        ...(c.rule ? [{ label: '使用条件', value: c.rule }] : []),
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
    fields: SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({ label: SUBSCRIBE_TEMPLATES[key].title, value: `还可提醒 ${d.reminders[key]} 次` })),
    entries: d.messages.map((msg, i) => ({
      key: `message-${i}`,
      title: msg.title,
      aside: MESSAGE_STATUS[msg.status],
      note: when(msg.at),
      fields: msg.lines,
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

/** The style quiz and what the style pages keep: the quiz under way, the member's own preferences, every report. */
function styleSection(d: MemberExport): DataSection {
  const s = d.style;
  const p = s.preferences;
  const opened = Object.entries(s.productsOpened.styles).map(([style, n]) => `${style} ${n} 次`).join('、');
  return {
    id: 'style',
    title: '风格档案',
    fields: [
      { label: '进行中的测试', value: s.quiz && !s.quiz.scored ? `第 ${s.quiz.attempt} 次，${when(s.quiz.startedAt)} 开始` : '无' },
      { label: '自己设置的尺码', value: p.sizes ? [p.sizes.top, p.sizes.bottom, p.sizes.shoes].filter(Boolean).join(' / ') || '未设置' : '未设置' },
      { label: '自己设置的场景', value: p.scenes?.join('、') || '未设置' },
      { label: '浏览过的风格', value: opened || '无' },
      { label: '衣橱', value: s.wardrobe.length ? `${s.wardrobe.filter((i) => i.status !== 'returned').length} 件（${s.wardrobe.filter((i) => i.source === 'own').length} 件自己添加）` : '空' },
    ],
    entries: s.reports.map((r) => ({
      key: `style-${r.attempt}`,
      title: `第 ${r.attempt} 次风格报告`,
      aside: when(r.createdAt),
      fields: [
        { label: '风格', value: `${r.report.style.primary.style} ${r.report.style.primary.share}% · ${r.report.style.secondary.style} ${r.report.style.secondary.share}%` },
        { label: '色彩', value: r.report.colour.sentence },
      ],
    })),
    none: '还没有做过风格测试',
  };
}

/** The whole export as a shopper reads it: sections with Chinese headings, amounts in ¥, times in Shanghai. */
export function readableExport(d: MemberExport): DataSection[] {
  return [
    profileSection(d),
    consentSection(d),
    pointsSection(d),
    pointsHistorySection(d),
    couponsSection(d),
    { id: 'orders', title: '订单', fields: [{ label: '首次消费', value: when(d.purchases.firstOrderAt) }, { label: '最近消费', value: when(d.purchases.lastOrderAt) }], entries: orderEntries(d.orders), none: '暂无订单' },
    { id: 'refunds', title: '退货', fields: [], entries: refundEntries(d.refunds, d.coupons), none: '暂无退货' },
    remindersSection(d),
    spendSection(d.spend),
    tierSection(d),
    styleSection(d),
    servicesSection(d),
    staffSection(d),
  ];
}
