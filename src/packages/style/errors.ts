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
