/**
 * What only WeChat has, typed by miniprogram-api-typings (tsconfig `types`). Taro types these for
 * every platform at once (its requestSubscribeMessage demands alipay's entityIds, its canvas node
 * answers `any` from getContext) or not at all (the chooseAvatar button's detail). Use them on the
 * weapp path only: the H5 preview has no `wx`.
 */

/** WeChat's subscribe dialog: each template id answered 'accept', 'reject', 'ban' or 'filter'. */
export function requestSubscribe(tmplIds: string[]): Promise<WechatMiniprogram.RequestSubscribeMessageSuccessCallbackResult> {
  return wx.requestSubscribeMessage({ tmplIds });
}

/** How the dialog fails when WeChat will not ask (errCode 20004: subscribe messages switched off for the mini program). */
export type SubscribeFailure = WechatMiniprogram.RequestSubscribeMessageFailCallbackResult;

export function isSubscribeFailure(e: unknown): e is SubscribeFailure {
  return typeof e === 'object' && e !== null && typeof (e as { errCode?: unknown }).errCode === 'number';
}

/** The node a `<Canvas type="2d">` resolves to through a selector query (`fields({ node: true })`). */
export type CanvasNode = WechatMiniprogram.Canvas;

/**
 * The detail of the event `<Button openType="chooseAvatar">` hands its handler: the picture, as a
 * temporary path (WeChat's docs; the typings name no event for it yet, and Taro types it `any`).
 */
export type ChooseAvatarDetail = { avatarUrl: string };
