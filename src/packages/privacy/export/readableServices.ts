import { yuanText } from '../../../../cloudfunctions/contract/formats';
import { type DataSection, type Entry, type MemberExport, when } from './parts';

const BOOKING_STATE = { booked: '已预约', cancelled: '已取消', done: '已完成', noShow: '未到店' } as const;
const SIGN_UP_STATE = { seat: '已报名', waiting: '候补中', cancelled: '已取消' } as const;
const NOTE_KIND = { note: '备注', complaint: '投诉' } as const;

/** 会员服务: stylist bookings, private-event sign-ups and co-creation votes, each as the member made it. */
export function servicesSection(d: MemberExport): DataSection {
  const bookings: Entry[] = (d.bookings ?? []).map((b) => ({
    key: `booking-${b.bookingId}`,
    title: `造型师1对1 · ${b.stylistName}`,
    aside: BOOKING_STATE[b.state],
    note: `${when(b.startAt)} · ${b.storeName}`,
    fields: [
      { label: '想解决', value: b.scene },
      ...(b.budgetFen !== null ? [{ label: '预算', value: yuanText(b.budgetFen) }] : []),
      ...(b.note ? [{ label: '补充说明', value: b.note }] : []),
      ...(b.cancelReason && b.state === 'cancelled' ? [{ label: '取消原因', value: b.cancelReason }] : []),
      { label: '预约时间', value: when(b.bookedAt) },
    ],
  }));
  const signUps: Entry[] = (d.eventSignUps ?? []).map((s) => ({
    key: `event-${s.eventId}`,
    title: s.title,
    aside: s.checkedInAt ? '已签到' : SIGN_UP_STATE[s.state],
    note: `${when(s.startsAt, '时间待定')} · ${s.storeName}`,
    fields: [{ label: '报名时间', value: when(s.signedUpAt) }, ...(s.checkedInAt ? [{ label: '签到时间', value: when(s.checkedInAt) }] : [])],
  }));
  const votes: Entry[] = (d.cocreationVotes ?? []).map((v) => ({
    key: `vote-${v.pieceId}`,
    title: `新品共创 · ${v.pieceName ?? v.pieceId}`,
    aside: v.like ? '喜欢' : '不喜欢',
    note: when(v.votedAt),
    fields: [{ label: '版型评分', value: `${v.fit} 分` }, { label: '价格评分', value: `${v.price} 分` }, ...(v.comment ? [{ label: '留言', value: v.comment }] : [])],
  }));
  return { id: 'services', title: '会员服务', fields: [], entries: [...bookings, ...signUps, ...votes], none: '还没有预约、报名或共创记录' };
}

/** 门店记录: what store staff noted and tagged about the member, by store (never which clerk). */
export function staffSection(d: MemberExport): DataSection {
  const notes: Entry[] = (d.staffNotes ?? []).map((n, i) => ({
    key: `note-${i}`,
    title: `${NOTE_KIND[n.kind]} · ${n.storeName}`,
    note: when(n.at),
    fields: [{ label: '内容', value: n.text }],
  }));
  // the store's targeted campaigns that took the member in (issue 19): given the coupon, or held out to measure it
  const campaigns: Entry[] = (d.campaigns ?? []).map((c) => ({
    key: `campaign-${c.campaignId}`,
    title: `营销活动 · ${c.name}`,
    aside: c.group === 'treated' ? '已发券' : '对照组（未发券）',
    note: when(c.plannedAt),
    fields: [],
  }));
  const tags = d.staffTags ?? [];
  return {
    id: 'staff',
    title: '门店记录',
    fields: tags.length > 0 ? [{ label: '门店标签', value: tags.map((t) => t.tag).join('、') }] : [],
    entries: [...notes, ...campaigns],
    none: '门店没有记录过备注或营销活动',
  };
}
