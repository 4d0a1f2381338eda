import type { CouponTemplate } from './template';

/** The instants a template may carry, written as ISO-8601 text in the seed file. */
const INSTANT_FIELDS = ['claimFrom', 'claimUntil'] as const;

/**
 * Templates as the seed file (cloudfunctions/database/seed/couponTemplates.json) writes them, with
 * ISO texts turned into instants: what the couponTemplates collection holds.
 */
export function templatesFromSeed(seed: { templates: Array<Record<string, unknown>> }): CouponTemplate[] {
  return seed.templates.map((raw) => {
    const t = { ...raw } as Record<string, unknown>;
    for (const f of INSTANT_FIELDS) if (typeof t[f] === 'string') t[f] = new Date(t[f] as string);
    const validity = t.validity as { kind: string; from?: unknown; until?: unknown };
    if (validity.kind === 'fixed') t.validity = { kind: 'fixed', from: new Date(validity.from as string), until: new Date(validity.until as string) };
    return t as unknown as CouponTemplate;
  });
}
