import type { ActionName, ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { programFunction } from './taro';

/**
 * A fake `staff` function for the 导购助手 page tests: each action answers from the table the test
 * gives (an envelope, or a function of the request's data); an action left out answers INTERNAL.
 */
type StaffAction = ActionName<'staff'>;
type Answer<A extends StaffAction> = { ok: true; data: ActionOutput<'staff', A> } | { ok: false; error: { code: ErrorCode; message: string } };
export type StaffAnswers = { [A in StaffAction]?: Answer<A> | ((data: Record<string, any>) => Answer<A> | Promise<Answer<A>>) };

export const ok = <T>(data: T) => ({ ok: true as const, data });
export const fail = (code: ErrorCode) => ({ ok: false as const, error: { code, message: `${code}: the function's own words, never shown` } });

export function programStaff(answers: StaffAnswers): void {
  programFunction('staff', async ({ data }) => {
    const answer = answers[data.action as StaffAction];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

export const CLERK = { name: '林小悦', role: 'clerk' as const, storeId: 'S001', storeName: '悦衣库 上海静安店' };
export const MANAGER = { name: '林店长', role: 'manager' as const, storeId: 'S001', storeName: '悦衣库 上海静安店' };

export const GROUPS: ActionOutput<'staff', 'tagGroups'>['groups'] = [
  { groupId: 'care', name: '服务关怀', tags: [{ tagId: 'care-high', name: '高关怀', locked: true }, { tagId: 'care-vip', name: '重点维护', locked: false }] },
  { groupId: 'shopping', name: '购物偏好', tags: [{ tagId: 'shopping-new', name: '爱尝新款', locked: false }] },
];

export const VIEW: ActionOutput<'staff', 'memberView'> = {
  member: { memberId: '312345678901', nickname: '小雅', avatar: null, phoneMasked: '139****4321', homeStore: { storeId: 'S001', name: '悦衣库 上海静安店' }, ofThisStore: true, memberSince: '2026-03-08T04:00:00.000Z' },
  tier: { code: 'explorer', name: '探索者', next: { name: '成长者', text: '本季度再消费 ¥701 升级成长者', ratio: 0.3 } },
  points: { balance: 1280, expiringSoon: 300, nextExpiry: { points: 300, expiresAt: '2026-12-31T16:00:00.000Z' } },
  coupons: [{ couponId: 'welcome-80:312345678901:once', name: '首单8折券', validUntil: '2026-12-25T16:00:00.000Z' }],
  style: { season: '柔秋', styles: ['通勤', '简约'], tags: [{ label: '主风格', values: ['通勤'] }] },
  sizes: { top: 'M', bottom: 'L', shoes: 37 },
  orders: [{ paidAt: '2026-11-20T06:00:00.000Z', storeName: '悦衣库 上海静安店', amountFen: 29900, items: [{ name: '通勤托特包·焦糖', qty: 1, priceFen: 29900, size: null }] }],
  wardrobe: [{ name: '纯棉圆领T恤·燕麦', category: 'top', image: '/static/products/YYTEE011.svg', wears: 4 }],
  notes: [],
  todos: [],
  staffTags: [],
  codeExpiresAt: '2026-11-25T02:01:00.000Z',
};
