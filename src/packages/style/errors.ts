import type { AppError } from '../../../cloudfunctions/contract';
import { errorText } from '../../services/errors';

/**
 * What the style pages say for a failed save: the function's own message when it wrote one for a
 * shopper (INVALID_INPUT from the quiz's checks is Chinese: "同一个颜色不能既喜欢又不想穿"), the
 * catalogue's plain words otherwise (a message for developers is English).
 */
export function saveProblemText(error: AppError): string {
  if (error.code === 'INVALID_INPUT' && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return errorText(error);
}

/** Refusals the wardrobe and outfit actions word for a shopper (衣橱最多添加 200 件…, 门店买的衣服不能删除，可以收起). */
const WORDED: ReadonlyArray<AppError['code']> = ['INVALID_INPUT', 'LIMIT_REACHED', 'NOT_CLAIMABLE', 'NOT_FOUND'];

/**
 * What a wardrobe or outfit page says when an action is refused: the function's own Chinese for the
 * refusals it words for shoppers (a quota with its number, why a bought piece stays), the
 * catalogue's plain words for anything else and for a developer's English message.
 */
export function refusalText(error: AppError): string {
  if (WORDED.includes(error.code) && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return errorText(error);
}

/** A page's `?id=` as a wardrobe piece's or a list's id: decoded (a route may hand it over encoded) and checked; null when it is none. */
export function idParam(value: string | undefined): string | null {
  let text = value ?? '';
  for (let i = 0; i < 3 && text.includes('%'); i += 1) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  return /^[A-Za-z0-9:_-]{1,160}$/.test(text) ? text : null;
}
