import type { StyleReportView } from '../../../cloudfunctions/contract/style';

/**
 * The report the quiz's submit answered, handed to the report page it opens next (the same JS
 * context): the page shows it at once instead of reading it again, and only this answer knows that
 * the 穿搭诊断 coupon was issued just now (a later read says `justIssued: false`). Taken once.
 */
let submitted: StyleReportView | null = null;

export function handOverReport(view: StyleReportView): void {
  submitted = view;
}

/** The handed-over report if it is the attempt asked for (any, when none is asked); it is gone afterwards. */
export function takeReport(attempt: number | null): StyleReportView | null {
  const view = submitted;
  if (!view || (attempt !== null && view.attempt !== attempt)) return null;
  submitted = null;
  return view;
}
