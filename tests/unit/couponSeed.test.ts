import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { COUPON_CHANNELS, couponFaceSchema, DISCOUNT_KINDS, TEMPLATE_ID } from '../../cloudfunctions/contract/coupon';
import { tierSchema } from '../../cloudfunctions/contract/fields';
import { categorySchema } from '../../cloudfunctions/contract/styleWords';
import { computeDiscount } from '../../cloudfunctions/domain/coupons/discounts';
import { BIRTHDAY_TEMPLATES, EVENT_TEMPLATES } from '../../cloudfunctions/domain/coupons/events';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import type { CouponTemplate, Discount, Validity } from '../../cloudfunctions/domain/coupons/template';
import { templateValidityText } from '../../cloudfunctions/domain/coupons/validity';
import { templateFace } from '../../cloudfunctions/domain/coupons/view';

/**
 * The seed is the brand's offers as data: every template in it must read as a CouponTemplate the
 * domain understands, and the well-known ones must say what the programme promises.
 */
const SEED = path.resolve(__dirname, '../../cloudfunctions/database/seed/couponTemplates.json');
const raw = JSON.parse(readFileSync(SEED, 'utf8')) as { templates: unknown[] };

const count = (min: number) => z.int().check(z.minimum(min));
const instant = z.iso.datetime({ offset: true });
const discountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: z.int().check(z.minimum(1), z.maximum(99)), capFen: z.optional(count(1)) }),
  z.strictObject({ kind: z.literal('amountOff'), amountFen: count(1), thresholdFen: count(0) }),
  z.strictObject({ kind: z.literal('categoryAmountOff'), category: categorySchema, amountFen: count(1), thresholdFen: count(0) }),
  z.strictObject({ kind: z.literal('secondItemHalf') }),
  z.strictObject({ kind: z.literal('pass'), title: z.string().check(z.minLength(1), z.maxLength(8)) }),
]);
const validitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), from: instant, until: instant }),
  z.strictObject({ kind: z.literal('days'), days: count(1) }),
  z.strictObject({ kind: z.literal('hours'), hours: count(1) }),
]);
/** A stored template document: no field the domain does not know, money in integer fen, instants with their offset. */
const templateDoc = z.strictObject({
  _id: z.string().check(z.regex(TEMPLATE_ID)),
  name: z.string().check(z.minLength(1), z.maxLength(20)),
  discount: discountSchema,
  stackable: z.boolean(),
  firstOrderOnly: z.optional(z.boolean()),
  validity: validitySchema,
  channel: z.enum(COUPON_CHANNELS),
  stock: z.nullable(count(1)),
  perMember: z.nullable(count(1)),
  audience: z.strictObject({ tiers: z.optional(z.array(tierSchema).check(z.minLength(1))), newMembersOnly: z.optional(z.boolean()) }),
  claimFrom: z.optional(instant),
  claimUntil: z.optional(instant),
  pointsCost: z.optional(count(1)),
  active: z.boolean(),
  sort: z.int(),
});

/** The document as the domain holds it: ISO instants become Dates (as the database gives them back). */
function parseTemplate(doc: unknown): CouponTemplate {
  const t = templateDoc.parse(doc);
  const validity: Validity = t.validity.kind === 'fixed' ? { kind: 'fixed', from: new Date(t.validity.from), until: new Date(t.validity.until) } : t.validity;
  const { claimFrom, claimUntil, ...rest } = t;
  return {
    ...rest,
    validity,
    ...(claimFrom ? { claimFrom: new Date(claimFrom) } : {}),
    ...(claimUntil ? { claimUntil: new Date(claimUntil) } : {}),
  };
}

const templates = raw.templates.map((doc) => parseTemplate(doc));
const byId = new Map(templates.map((t) => [t._id, t]));
const ids = raw.templates.map((doc) => (doc as { _id?: unknown })._id);
const template = (id: string) => {
  const t = byId.get(id);
  if (!t) throw new Error(`no template ${id} in the seed`);
  return t;
};
/** What a discount takes off a ¥1,000 order of two pieces (¥600 and ¥400), alone. */
const offAThousand = (d: Discount) => {
  const r = computeDiscount(d, { amountFen: 100_000, items: [{ sku: 'A', qty: 1, priceFen: 60_000 }, { sku: 'B', qty: 1, priceFen: 40_000 }] }, 100_000);
  return r.ok ? r.discountFen : 0;
};

describe('the seeded coupon templates', () => {
  it('are there, with unique ids and unique list positions', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(templates.map((t) => t.sort)).size).toBe(templates.length);
  });

  it.each(raw.templates.map((doc) => [(doc as { _id: string })._id, doc]))('%s parses as a CouponTemplate with a known discount kind, integer fen and a 1–99 percent', (_id, doc) => {
    const parsed = templateDoc.safeParse(doc);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(DISCOUNT_KINDS).toContain(parseTemplate(doc).discount.kind);
  });

  it.each(templates.map((t) => [t._id, t]))('%s makes sense as an offer', (_id, t) => {
    const d = t.discount;
    // 满199减30: the amount off is below the amount it needs
    if ((d.kind === 'amountOff' || d.kind === 'categoryAmountOff') && d.thresholdFen > 0) expect(d.amountFen).toBeLessThan(d.thresholdFen);
    if (t.validity.kind === 'fixed') expect(t.validity.from.getTime()).toBeLessThan(t.validity.until.getTime());
    if (t.claimFrom && t.claimUntil) expect(t.claimFrom.getTime()).toBeLessThan(t.claimUntil.getTime());
    // a points reward has a price, nothing else does
    expect([t.channel, t.pointsCost !== undefined]).toEqual([t.channel, t.channel === 'reward']);
    // a template issued on an event never runs out
    if (['join', 'optIn', 'firstOrder', 'winBack', 'birthday'].includes(t.channel)) expect(t.stock).toBeNull();
    // it reads on a ticket, and a coupon issued from it is valid for a while
    expect(couponFaceSchema.safeParse(templateFace(t)).success).toBe(true);
    expect(templateValidityText(t.validity)).toMatch(/有效$/);
    const c = couponFrom(t, `${t._id}:m1:1`, 'm1', new Date('2026-11-25T10:00:00+08:00'));
    expect(c.validUntil.getTime()).toBeGreaterThan(c.validFrom.getTime());
  });
});

describe('the templates issued on events are in the seed, under their well-known ids', () => {
  it.each([
    ['join', EVENT_TEMPLATES.join],
    ['optIn', EVENT_TEMPLATES.optIn],
    ['firstOrder', EVENT_TEMPLATES.secondItem],
    ['winBack', EVENT_TEMPLATES.winBack],
  ] as const)('the %s template %s exists with that channel, active', (channel, id) => {
    expect([template(id).channel, template(id).active]).toEqual([channel, true]);
  });

  it.each(tierSchema.options.map((tier) => [tier, BIRTHDAY_TEMPLATES[tier]]))('the %s birthday gift %s exists for that tier only', (tier, id) => {
    const t = template(id);
    expect([t.channel, t.audience.tiers, t.active]).toEqual(['birthday', [tier], true]);
  });

  it('the birthday gift strictly grows with the tier: Explorer < Grower < Loyal', () => {
    const gifts = (['explorer', 'grower', 'loyal'] as const).map((tier) => offAThousand(template(BIRTHDAY_TEMPLATES[tier]).discount));
    expect(gifts[0]).toBeGreaterThan(0);
    expect(gifts[1]).toBeGreaterThan(gifts[0]!);
    expect(gifts[2]).toBeGreaterThan(gifts[1]!);
  });
});

describe('the seed says what the programme promises', () => {
  it('首单8折: 8折 on the first order only, for new members, 30 days from joining, once', () => {
    const t = template(EVENT_TEMPLATES.join);
    expect(t.discount).toMatchObject({ kind: 'percent', percent: 80 });
    expect([t.firstOrderOnly, t.audience.newMembersOnly, t.validity, t.perMember]).toEqual([true, true, { kind: 'days', days: 30 }, 1]);
    expect(templateFace(t).value).toBe('8折');
  });

  it('marketing opt-in: ¥5, once ever', () => {
    const t = template(EVENT_TEMPLATES.optIn);
    expect([t.discount, t.perMember]).toEqual([{ kind: 'amountOff', amountFen: 500, thresholdFen: 0 }, 1]);
  });

  it('after the first order: second item half price within 72 h', () => {
    const t = template(EVENT_TEMPLATES.secondItem);
    expect([t.discount, t.validity]).toEqual([{ kind: 'secondItemHalf' }, { kind: 'hours', hours: 72 }]);
  });

  it('win-back: ¥30 off', () => {
    expect(template(EVENT_TEMPLATES.winBack).discount).toMatchObject({ kind: 'amountOff', amountFen: 3_000 });
  });

  it('the campaign 新品试穿券 is claimed in the centre: 100 in stock, 1 per member', () => {
    const campaign = templates.filter((t) => t.name === '新品试穿券' && t.channel === 'claim');
    expect(campaign).toHaveLength(1);
    expect([campaign[0]!.stock, campaign[0]!.perMember, campaign[0]!.active]).toEqual([100, 1, true]);
  });

  it('every points reward has a price in points', () => {
    const rewards = templates.filter((t) => t.channel === 'reward');
    expect(rewards.length).toBeGreaterThan(0);
    for (const t of rewards) expect([t._id, Number.isInteger(t.pointsCost) && t.pointsCost! > 0]).toEqual([t._id, true]);
  });
});
