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

/**
 * Writes base64 data to a file in the mini program's own user folder and answers its path (what
 * `canvas.createImage()` loads: a data URI there does not load on every base library).
 */
export function writeBase64File(name: string, base64: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${name}`;
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(filePath), fail: reject });
  });
}

/** How saving a picture to the album ended: saved, the album permission refused, the shopper closed the dialog, or another failure. */
export type AlbumSave = 'saved' | 'denied' | 'cancelled' | 'failed';

/** Saves what a `<Canvas type="2d">` shows to the phone's album as a PNG. */
export async function saveCanvasToAlbum(canvas: CanvasNode): Promise<AlbumSave> {
  let filePath: string;
  try {
    filePath = (await wx.canvasToTempFilePath({ canvas, fileType: 'png' })).tempFilePath;
  } catch {
    return 'failed';
  }
  try {
    await wx.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch (e) {
    const message = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';
    if (/cancel/i.test(message)) return 'cancelled';
    // "auth deny", "auth denied", "authorize no response", or the privacy guide not agreed to
    if (/auth|privacy|permission/i.test(message)) return 'denied';
    return 'failed';
  }
}

/** Opens the mini program's permission settings; true when the album permission is on afterwards. */
export async function openAlbumSetting(): Promise<boolean> {
  try {
    const { authSetting } = await wx.openSetting();
    return authSetting['scope.writePhotosAlbum'] === true;
  } catch {
    return false;
  }
}
