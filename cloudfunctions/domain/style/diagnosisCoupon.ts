import type { Category } from '../../contract/styleWords';
import type { FormerUse } from '../coupons/former';
import type { CouponTemplate } from '../coupons/template';

/** The 穿搭诊断 coupon's templates are `style-diagnosis-<category>`, one per category, on the 'style' channel. */
export const diagnosisTemplateId = (category: Category) => `style-diagnosis-${category}`;


/**
 * Whether finishing the quiz issues the 穿搭诊断 coupon, and which: only the first time ever (a
 * shopper who had it in an earlier membership does not get it again: former use counts), for the
 * report's top category, while that template is active.
 */
export function planDiagnosisCoupon(
  topCategory: Category,
  templates: ReadonlyMap<string, CouponTemplate>,
  former: Pick<FormerUse, 'once'>,
): { issue: true; template: CouponTemplate } | { issue: false; why: 'hadOnce' | 'noTemplate' } {
  if (former.once.some((id) => id.startsWith('style-diagnosis-'))) return { issue: false, why: 'hadOnce' };
  const template = templates.get(diagnosisTemplateId(topCategory));
  if (!template?.active || template.channel !== 'style') return { issue: false, why: 'noTemplate' };
  return { issue: true, template };
}
