/** a of b in whole percent (rounded), or null when b is 0: "no buyers yet" is not "0 %". */
export function percentOf(a: number, b: number): number | null {
  return b > 0 ? Math.round((a * 100) / b) : null;
}

/** The NPS answers of a period by kind: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Net Promoter Score: promoters % − detractors %, whole points from −100 to 100; null with no answers. */
export function npsScore(c: NpsCounts): number | null {
  const answers = c.promoters + c.passives + c.detractors;
  return answers > 0 ? Math.round(((c.promoters - c.detractors) * 100) / answers) : null;
}
