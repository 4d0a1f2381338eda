import type { LedgerKind, LedgerLine } from '../../contract';
import { yuanText } from '../../contract/formats';
import { toIso } from '../time';
import type { EntryDraft } from './account';

/** What a ledger entry says about itself, enough to label it (the data layer's stored entry fits). */
export interface LabelledEntry extends Pick<EntryDraft, 'kind' | 'seq' | 'points' | 'debtChange' | 'at' | 'balanceAfter' | 'lotExpiresAt'> {
  _id: string;
  source:
    | { kind: 'order'; storeName: string; amountFen: number }
    | { kind: 'refund'; storeName: string; amountFen: number }
    | { kind: 'reward'; title: string }
    | { kind: 'expiry' };
}

const TITLES: Record<LedgerKind, string> = {
  earn: '门店消费',
  bonus: '生日月双倍积分',
  redeem: '积分兑换',
  expire: '积分过期',
  refund: '退货扣回',
  adjust: '积分调整',
};

function detailOf(e: LabelledEntry): string | null {
  const s = e.source;
  if (s.kind === 'order') return e.kind === 'bonus' ? `${s.storeName} · 成长者及以上会员生日月积分翻倍` : `${s.storeName} · 实付 ${yuanText(s.amountFen)}`;
  if (s.kind === 'refund') return `${s.storeName} · 退款 ${yuanText(s.amountFen)}`;
  if (s.kind === 'reward') return s.title;
  return '积分有效期至获得次年年底';
}

/** A ledger entry as a line of the member's history, in shop words. */
export function historyLine(e: LabelledEntry): LedgerLine {
  return {
    id: e._id,
    kind: e.kind,
    points: e.points,
    debtSettled: e.debtChange < 0 ? -e.debtChange : 0,
    debtAdded: e.debtChange > 0 ? e.debtChange : 0,
    at: toIso(e.at),
    title: TITLES[e.kind],
    detail: detailOf(e),
    expiresAt: e.lotExpiresAt ? toIso(e.lotExpiresAt) : null,
    balanceAfter: e.balanceAfter,
    seq: e.seq,
  };
}

/**
 * The history as the member reads it: lots that expired at one instant (every order of a year
 * expires on the same New Year) show as one 积分过期 line, not one per order. The ledger keeps
 * an entry per lot; only the view joins them. The joined line keeps the oldest entry's seq, so
 * paging by `before` goes on below it.
 */
export function historyLines(entries: LabelledEntry[]): LedgerLine[] {
  const lines: LedgerLine[] = [];
  for (const e of entries) {
    const line = historyLine(e);
    const last = lines[lines.length - 1];
    if (last && last.kind === 'expire' && line.kind === 'expire' && last.at === line.at) {
      lines[lines.length - 1] = {
        ...last,
        points: last.points + line.points,
        // newest first: the earlier entry's balance is what the member had after the last of them
        balanceAfter: Math.min(last.balanceAfter, line.balanceAfter),
        seq: Math.min(last.seq, line.seq),
      };
    } else lines.push(line);
  }
  return lines;
}
