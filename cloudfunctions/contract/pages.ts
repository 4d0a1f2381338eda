/**
 * The mini program's pages, written once. app.config.ts lays app.json out from it (main package and
 * subpackages), the app navigates by these names, the H5 preview's route guard knows exactly these,
 * subscribe messages open pages named here, and the tests, e2e helpers and the bench read it too.
 * How they are laid out in packages (subpackage roots, what each tab preloads) is build-time only:
 * src/appLayout.ts, read by app.config.ts alone.
 */
export const PAGES = {
  // the card first: a member opening the mini program wants the code for the till
  card: 'pages/card/index',
  points: 'pages/points/index',
  me: 'pages/me/index',
  // the coupon pages load on demand like every feature; the tab pages preload them (PRELOAD), so the card opens them at once
  wallet: 'packages/coupons/index',
  center: 'packages/coupons/center/index',
  // 积分兑换: from the 积分 tab's row, beside the coupon tickets it draws (preloaded with the wallet)
  rewards: 'packages/coupons/rewards/index',
  // features beyond the tabs load on demand: 导出我的数据 is opened rarely, from 我的
  myData: 'packages/privacy/export/index',
  // 隐私政策 in full, from 我的 (the join page shows it in a sheet of its own)
  privacyPolicy: 'packages/privacy/policy/index',
  // 消息与隐私设置 (the marketing switch and the consent record), from 我的
  privacySettings: 'packages/privacy/settings/index',
  // 邀请好友: reached from the card, the points page and 我的; a Moments share opens it with ?ref=
  invite: 'packages/invite/index',
  // 风格测试, its report and 我的风格档案: reached from the card's style row, 我的 and the 探索者 benefit on the points page
  styleQuiz: 'packages/style/quiz/index',
  // ?attempt=<n> opens an earlier report from the history
  styleReport: 'packages/style/report/index',
  styleProfile: 'packages/style/profile/index',
  // 我的衣橱 and a piece of it (?id=); 添加衣服, which edits a piece with ?id=
  wardrobe: 'packages/style/wardrobe/index',
  wardrobeItem: 'packages/style/wardrobe/item/index',
  wardrobeAdd: 'packages/style/wardrobe/add/index',
  // 今日穿搭 (the card's 3 天穿搭灵感 and 我的 lead here), 收藏的搭配, 搭配这件 (?id= a wardrobe piece, ?sku= a product), 导购为你搭配
  outfits: 'packages/style/outfits/index',
  savedOutfits: 'packages/style/outfits/saved/index',
  completeLook: 'packages/style/outfits/look/index',
  outfitLists: 'packages/style/outfits/lists/index',
  // joining happens once per shopper: a subpackage (the store's QR code and shared links open it directly;
  // codes printed before it moved still name pages/join/index, which the app sends here: LEGACY_PATHS)
  join: 'packages/join/index',
  // 编辑资料 (avatar, nickname, birthday): from the profile row at the top of 我的, which the me page preloads
  profile: 'packages/profile/index',
  // 消费成功: the till's receipt and, when the tier went up, 恭喜升级; the card opens it when its code is used (and preloads it)
  receipt: 'packages/moments/index',
  // 会员权益: every tier, how it is reached and what it brings; from the 积分 tab's row (issue 18's
  // booking, events and co-creation pages join it in the benefits subpackage)
  benefits: 'packages/benefits/index',
  // the benefits that are services (issue 18): a stylist booked (成长者, 忠诚者), private events with
  // their pass, votes on upcoming pieces (忠诚者) — each opened from 会员权益
  booking: 'packages/benefits/booking/index',
  events: 'packages/benefits/events/index',
  cocreation: 'packages/benefits/cocreation/index',
  // 导购助手 (staff only; the entry shows in 我的 for staff): the workbench, a member in front of the
  // clerk (?code= a live member code, or ?memberId= from a to-do), the care list, the clerk's join
  // poster, an outfit list for a member (?memberId=), and for managers the clerk figures, the
  // audit log of looks at members and the brand's tag groups
  staff: 'packages/staff/index',
  staffMember: 'packages/staff/member/index',
  staffTodos: 'packages/staff/todos/index',
  staffPoster: 'packages/staff/poster/index',
  staffOutfit: 'packages/staff/outfit/index',
  staffFigures: 'packages/staff/figures/index',
  staffAudit: 'packages/staff/audit/index',
  staffTags: 'packages/staff/tags/index',
  // stylists publish slots and work their day, managers run events (sign-ups, check-in by scanning)
  // and read co-creation results (issue 18)
  staffSlots: 'packages/staff/slots/index',
  staffEvents: 'packages/staff/events/index',
  staffCocreation: 'packages/staff/cocreation/index',
  // issue 19's brand operations, for managers (also in a desktop browser through H5): the store
  // dashboard is the home of the ops subpackage; segments, campaigns, alerts and NPS results
  opsDashboard: 'packages/ops/index',
  opsSegments: 'packages/ops/segments/index',
  opsCampaigns: 'packages/ops/campaigns/index',
  opsAlerts: 'packages/ops/alerts/index',
  opsNps: 'packages/ops/nps/index',
} as const;

export type PageName = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageName];

/** Pages that moved, by the path they had: store QR codes and links already out in the world name them. */
export const LEGACY_PATHS: Readonly<Record<string, PagePath>> = {
  'pages/join/index': 'packages/join/index',
};

/** Every page's path, in app.json's order. */
export const PAGE_PATHS: readonly PagePath[] = Object.values(PAGES);

/** Where navigation goes: `/pages/card/index`, with an optional query. */
export function pageUrl(page: PageName, query?: Record<string, string>): string {
  // by hand: the mini program's JS engine has no URLSearchParams
  const search = Object.entries(query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `/${PAGES[page]}${search ? `?${search}` : ''}`;
}
