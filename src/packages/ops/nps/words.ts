import type { NpsReport } from '../../../services/opsNps';

type Figure = NpsReport['store'];

/** "+40", "0", "−25", or "—" with no answers: NPS is signed, and no answers is not a score of 0. */
export function npsText(nps: number | null): string {
  if (nps === null) return '—';
  return nps > 0 ? `+${nps}` : nps < 0 ? `−${-nps}` : '0';
}

/** The score's colour: green from 0 up, red below, grey with no answers. */
export function scoreTone(nps: number | null): string {
  return nps === null ? ' ops-nps__score--none' : nps < 0 ? ' ops-nps__score--low' : '';
}

/** How the score reads, in the manager's words (the usual bands of NPS). */
export function npsVerdict(f: Figure): string {
  if (f.nps === null) return '暂无评价';
  if (f.total < 10) return `样本较少（${f.total} 条），仅供参考`;
  if (f.nps >= 50) return '口碑优秀';
  if (f.nps >= 20) return '口碑良好';
  if (f.nps >= 0) return '口碑一般，仍有提升空间';
  return '贬损者多于推荐者，需要关注';
}

/** The three shares as widths of one bar (they sum to 100; passives take what is left). */
export function shareWidths(f: Figure): { promoters: number; passives: number; detractors: number } {
  if (!f.total) return { promoters: 0, passives: 0, detractors: 0 };
  const promoters = (100 * f.promoters) / f.total;
  const detractors = (100 * f.detractors) / f.total;
  return { promoters, passives: 100 - promoters - detractors, detractors };
}

/** "12月5日 14:30" in shop time (UTC+8 all year). */
export function shopMoment(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

export const ROLE_NAME = { clerk: '导购', stylist: '造型师', manager: '店长' } as const;
export const BAND_NAME = { promoter: '推荐', passive: '中立', detractor: '贬损' } as const;
