import { failure, success } from '../../contract';
import { findCoupon } from '../../data/coupons';
import { onSaleProducts } from '../../data/products';
import { findStyleReport, styleReportsOf } from '../../data/style';
import { couponIds } from '../../domain/coupons/template';
import { couponView } from '../../domain/coupons/view';
import type { Member } from '../../domain/member';
import { fittingProducts } from '../../domain/style/fits';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';

/**
 * A report as the report page reads it: the stylist's card, the catalogue's products that fit it
 * (style, palette, price band, in stock), the 穿搭诊断 coupon the member holds, and how many
 * earlier reports the history keeps.
 */
export async function reportView(ctx: { db: Database; now: Date }, m: Member, reportId: string, justIssued: boolean) {
  const [record, latest, products, coupon] = await Promise.all([
    findStyleReport(ctx.db, reportId),
    styleReportsOf(ctx.db, m._id, 50),
    onSaleProducts(ctx.db),
    findCoupon(ctx.db, couponIds.styleDiagnosis(m._id)),
  ]);
  if (!record || record.memberId !== m._id) return failure('NOT_FOUND', '没有这份风格报告');
  return success({
    attempt: record.attempt,
    createdAt: toIso(record.createdAt),
    report: record.report,
    products: fittingProducts(products, record.report),
    diagnosisCoupon: coupon ? { coupon: couponView(coupon, !!m.firstOrderAt, ctx.now, m), justIssued } : null,
    earlier: latest.filter((r) => r.attempt < record.attempt).length,
    latest: latest[0]?.attempt === record.attempt,
  });
}
