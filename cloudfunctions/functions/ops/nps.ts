import { success } from '../../contract';
import type { opsNpsContract } from '../../contract/opsNps';
import { membersByIds } from '../../data/members';
import { latestNpsReasons, npsSumsByStaff } from '../../data/nps';
import { findStore } from '../../data/stores';
import { staffOfStore } from '../../data/storeStaff';
import { NPS_REASONS_SHOWN, npsPeriodRange, npsRows, reasonLine } from '../../domain/ops/nps/report';
import { toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';

export const npsHandlers: Handlers<typeof opsNpsContract> = {
  /** 顾客满意度: the manager's store's NPS and each clerk's over the period (one aggregation), and the latest reasons, members masked. */
  async npsReport(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const { storeId } = caller.value;
    const period = input.period ?? 'month';
    const range = npsPeriodRange(period, ctx.now);
    const [store, staff, sums, reasons] = await Promise.all([
      findStore(ctx.db, storeId),
      staffOfStore(ctx.db, storeId),
      npsSumsByStaff(ctx.db, storeId, range),
      latestNpsReasons(ctx.db, storeId, range, NPS_REASONS_SHOWN),
    ]);
    const members = new Map((await membersByIds(ctx.db, [...new Set(reasons.map((r) => r.memberId))])).map((m) => [m._id, m]));
    const names = new Map(staff.map((s) => [s._id, s.name]));
    return success({
      period,
      label: range.label,
      from: toIso(range.from),
      until: toIso(range.until),
      storeName: store?.name ?? storeId,
      ...npsRows(staff, sums),
      reasons: reasons.map((r) => reasonLine(r, members.get(r.memberId)?.nickname ?? null, names)),
    });
  },
};
