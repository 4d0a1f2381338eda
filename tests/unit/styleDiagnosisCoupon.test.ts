import type { Category } from '../../cloudfunctions/contract/styleWords';
import type { CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { diagnosisTemplateId, planDiagnosisCoupon } from '../../cloudfunctions/domain/style/diagnosisCoupon';
import { answerFields, mergeAnswers } from '../../cloudfunctions/domain/style/answerFields';

const template = (category: Category, extra: Partial<CouponTemplate> = {}): CouponTemplate =>
  ({
    _id: diagnosisTemplateId(category),
    name: `穿搭诊断券`,
    channel: 'style',
    discount: { kind: 'categoryAmountOff', category, amountFen: 5_000, thresholdFen: 29_900 },
    stackable: true,
    validity: { kind: 'days', days: 30 },
    stock: null,
    perMember: null,
    audience: {},
    active: true,
    ...extra,
  }) as CouponTemplate;

const templates = new Map((['top', 'bottom', 'dress', 'outer', 'shoes'] as const).map((c) => [diagnosisTemplateId(c), template(c)]));

describe('the 穿搭诊断 coupon: once ever, for the report\'s top category', () => {
  it.each<[string, Category, string[], ReturnType<typeof planDiagnosisCoupon>['issue'], string]>([
    ['a first quiz with 上装 on top gets the 上装 coupon', 'top', [], true, 'style-diagnosis-top'],
    ['a first quiz with 外套 on top gets the 外套 coupon', 'outer', [], true, 'style-diagnosis-outer'],
    ['a shopper who had it in an earlier membership does not get it again', 'top', ['style-diagnosis-dress'], false, 'hadOnce'],
    ['other once-ever offers of an earlier membership do not count', 'top', ['first-order-80'], true, 'style-diagnosis-top'],
    ['a category without a template issues nothing', 'accessory', [], false, 'noTemplate'],
  ])('%s', (_name, category, once, issue, what) => {
    const plan = planDiagnosisCoupon(category, templates, { once });
    expect(plan.issue).toBe(issue);
    expect(plan.issue ? plan.template._id : plan.why).toBe(what);
  });

  it('a template the brand switched off issues nothing', () => {
    const off = new Map([[diagnosisTemplateId('top'), template('top', { active: false })]]);
    expect(planDiagnosisCoupon('top', off, { once: [] })).toEqual({ issue: false, why: 'noTemplate' });
  });
});

describe('saving quiz answers step by step', () => {
  it('writes each answer as its own dotted field, so two steps saved at once keep both', () => {
    expect(answerFields({ boards: { commute: '喜欢' }, colour: { veins: 'green' } })).toEqual({ 'answers.boards.commute': '喜欢', 'answers.colour.veins': 'green' });
    expect(answerFields({ fit: { top: '修身' }, sizes: { shoes: 37 } })).toEqual({ 'answers.fit.top': '修身', 'answers.sizes.shoes': 37 });
  });

  it('writes the colour lists whole: a new pick replaces the old one', () => {
    expect(answerFields({ likedColours: ['red'], dislikedColours: [] })).toEqual({ 'answers.likedColours': ['red'], 'answers.dislikedColours': [] });
  });

  it('merges a save over what was held, as the dotted write does', () => {
    const held = { boards: { a: '喜欢' as const }, likedColours: ['red'], sizes: { top: 'M' as const } };
    expect(mergeAnswers(held, { boards: { b: '不喜欢' }, likedColours: ['navy'], sizes: { shoes: 38 } })).toEqual({
      boards: { a: '喜欢', b: '不喜欢' },
      likedColours: ['navy'],
      sizes: { top: 'M', shoes: 38 },
    });
  });
});
