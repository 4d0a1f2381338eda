import type { AppError, ErrorCode } from '../../cloudfunctions/contract';

/** What a shopper reads for each error code: the one catalogue of error text in the app. */
export const ERROR_TEXT: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的信息有误，请检查后再试',
  UNAUTHENTICATED: '无法确认你的微信身份，请重新打开小程序',
  NOT_MEMBER: '你还不是悦衣会员，加入后即可使用',
  FORBIDDEN: '你没有权限进行这个操作',
  NOT_FOUND: '没有找到相关信息',
  OUT_OF_STOCK: '来晚了，已经被领完了',
  LIMIT_REACHED: '已达到领取上限',
  NOT_CLAIMABLE: '暂时不能领取或使用',
  INSUFFICIENT_POINTS: '积分不足',
  CODE_EXPIRED: '会员码已过期，请刷新后重新出示',
  CONFLICT: '操作冲突，请刷新后再试',
  INTERNAL: '系统开小差了，请稍后再试',
  UNAVAILABLE: '网络不太稳定，请检查网络后重试',
};

/** Plain words for an error; a few actions say it more precisely than the generic catalogue. */
export function errorText(error: AppError, overrides: Partial<Record<ErrorCode, string>> = {}): string {
  return overrides[error.code] ?? ERROR_TEXT[error.code] ?? ERROR_TEXT.INTERNAL;
}
