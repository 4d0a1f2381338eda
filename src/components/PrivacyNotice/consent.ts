/**
 * A line of the consent record, as the me page and the data export word it. Apart from the policy's
 * text (policy.ts): the me tab shows the record, while the text itself loads only with the pages
 * that show it (join, 隐私政策).
 */
export function consentText(kind: 'privacy' | 'marketing', granted: boolean): string {
  if (kind === 'privacy') return granted ? '同意隐私政策' : '撤回隐私政策同意';
  return granted ? '同意接收新品与优惠消息' : '不接收新品与优惠消息';
}
