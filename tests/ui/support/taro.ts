/**
 * A small, honest stand-in for `@tarojs/taro` in the `ui` project (jest.config.js maps the module
 * here). It has only what src/ uses: APIs that show something or move between pages record what
 * they were asked; the page hooks run as a page would (useDidShow on mount, useLaunch once);
 * `cloud.callFunction` answers with whatever the test programs. Call `resetTaro()` in `beforeEach`.
 */
import { useEffect, useRef } from 'react';

type Json = Record<string, unknown>;

// ---- what tests program and read -------------------------------------------------------------

/** One `Taro.cloud.callFunction` as the platform receives it. */
export interface CloudRequest {
  name: string;
  data: Json;
}
/** Answers a cloud call: the function's `result` (or a promise of it); throwing is a call that never reached a function. */
export type CloudHandler = (request: CloudRequest) => unknown;

interface ToastOption {
  title: string;
  icon?: string;
  duration?: number;
}
interface ModalOption {
  title?: string;
  content?: string;
  showCancel?: boolean;
  confirmText?: string;
  cancelText?: string;
  confirmColor?: string;
}
export interface Navigation {
  api: 'switchTab' | 'redirectTo' | 'reLaunch' | 'navigateTo' | 'navigateBack';
  /** navigateBack has none: it is recorded as '' */
  url: string;
}

const unprogrammed: CloudHandler = () => {
  // reaches the app as UNAVAILABLE (src/services/cloud.ts), and the test sees it in recorded.cloudCalls
  throw new Error('the test did not program Taro.cloud.callFunction');
};

const state = {
  cloud: unprogrammed,
  modalConfirms: true,
  routerParams: {} as Record<string, string>,
  scan: null as null | (() => { path?: string; result?: string }),
  /** what `createSelectorQuery().select(selector)` finds */
  selectorAnswer: (_selector: string): unknown => null,
  subscribe: null as SubscribeHandler | null,
  /** the calls of one function answered by its own handler (`programFunction`), before `cloud` */
  functions: new Map<string, CloudHandler>(),
  /** the scene WeChat opened the mini program from (1154: a Moments share, in single-page mode) */
  enterScene: 1001,
  /** what `saveImageToPhotosAlbum` does: save, or fail as WeChat does when the album permission is refused */
  album: 'save' as 'save' | 'deny' | 'cancel',
  /** what the settings page the shopper is sent to answers for the album permission */
  albumAfterSetting: false,
  /** what `chooseMedia` hands back: temp file paths, or null (the shopper closes the picker) */
  media: null as string[] | null,
  /** `cloud.uploadFile` fails (the network drops) */
  uploadFails: false,
  /** what `getNetworkType` answers and `onNetworkStatusChange` last said */
  connected: true,
};

/** The phone's storage (`getStorageSync` and friends): tests seed and read it. */
export const storage = new Map<string, unknown>();
const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>();

/** The phone loses or regains its network: WeChat tells the `onNetworkStatusChange` listeners (wrap in `act`). */
export function setNetwork(connected: boolean): void {
  state.connected = connected;
  networkListeners.forEach((l) => l({ isConnected: connected, networkType: connected ? 'wifi' : 'none' }));
}

/**
 * Answers `requestSubscribeMessage` as WeChat's dialog would: `{ [tmplId]: 'accept' | 'reject' | 'ban' | 'filter' }`,
 * or a thrown `{ errMsg, errCode }` (e.g. 20004: subscribe messages switched off).
 */
export type SubscribeHandler = (tmplIds: string[]) => Record<string, string> | Promise<Record<string, string>>;

/** Everything the app asked the platform to do, in order. */
export const recorded = {
  cloudCalls: [] as CloudRequest[],
  toasts: [] as ToastOption[],
  modals: [] as ModalOption[],
  navigations: [] as Navigation[],
  /** `Taro.cloud.init` options */
  inits: [] as Json[],
  clipboard: [] as string[],
  /** the `tmplIds` of every `requestSubscribeMessage` */
  subscribeRequests: [] as string[][],
  /** files written through `wx.getFileSystemManager().writeFile`: path and base64 data */
  files: [] as Array<{ filePath: string; data: string }>,
  /** images saved to the album (temp file paths) */
  albumSaves: [] as string[],
  /** `wx.openSetting` calls (the shopper sent to the permission settings) */
  openSettings: [] as number[],
  /** `setNavigationBarTitle` titles */
  titles: [] as string[],
  /** `cloud.uploadFile` calls: the cloud path asked for and the temp file */
  uploads: [] as Array<{ cloudPath: string; filePath: string }>,
};

/** Programs the cloud: every `callFunction` is answered by `handler`. */
export function programCloud(handler: CloudHandler): void {
  state.cloud = handler;
}
/** What the next `showModal`s answer: the shopper confirms (true) or cancels (false). */
export function answerModals(confirm: boolean): void {
  state.modalConfirms = confirm;
}
/** How the next `requestSubscribeMessage` dialogs answer (unprogrammed: the call fails). */
export function programSubscribe(handler: SubscribeHandler): void {
  state.subscribe = handler;
}
/** Answers every call of the function `name` with `handler` (other functions keep `programCloud`'s answers). */
export function programFunction(name: string, handler: CloudHandler): void {
  state.functions.set(name, handler);
}
/** The scene the mini program was opened from (`getEnterOptionsSync().scene`); 1154 is a Moments share in single-page mode. */
export function setEnterScene(scene: number): void {
  state.enterScene = scene;
}
/** How `saveImageToPhotosAlbum` answers: saved, the album permission refused, or the shopper closing the dialog; `afterSetting` is the permission once the settings page closes. */
export function programAlbum(result: 'save' | 'deny' | 'cancel', afterSetting = false): void {
  state.album = result;
  state.albumAfterSetting = afterSetting;
}
/** What the page's `useShareAppMessage` / `useShareTimeline` would hand WeChat now (null: the page has none). */
export function shareConfig(kind: 'appMessage' | 'timeline'): unknown {
  const latest = shareHandlers[kind];
  return latest ? latest() : null;
}
/** What `chooseMedia` picks next: these temp files, or null (the shopper closes the picker). */
export function programMedia(paths: string[] | null): void {
  state.media = paths ? [...paths] : null;
}
/** Whether `cloud.uploadFile` fails, as it does when the network drops. */
export function programUpload(result: 'ok' | 'fail'): void {
  state.uploadFails = result === 'fail';
}
/** The page query `useRouter().params` returns. */
export function setRouterParams(params: Record<string, string>): void {
  state.routerParams = { ...params };
}
/** What `scanCode` reads; null: the shopper closes the scanner. */
export function programScan(result: null | { path?: string; result?: string }): void {
  state.scan = result ? () => result : null;
}
/** What `createSelectorQuery().select(selector).fields(...)` finds for each selector (default: nothing). */
export function answerSelectors(answer: (selector: string) => unknown): void {
  state.selectorAnswer = answer;
}

// ---- page life cycle -------------------------------------------------------------------------

const listeners = {
  show: new Set<() => void>(),
  hide: new Set<() => void>(),
  pullDown: new Set<() => void>(),
  reachBottom: new Set<() => void>(),
};

function useListener(set: Set<() => void>, callback: () => unknown, runOnMount: boolean) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = () => void latest.current();
    set.add(listener);
    if (runOnMount) listener();
    return () => void set.delete(listener);
  }, [set, runOnMount]);
}

/** Runs when the page shows: once when it mounts (as the platform does on first show), then on every `showPage()`. */
export const useDidShow = (callback: () => unknown) => useListener(listeners.show, callback, true);
export const useDidHide = (callback: () => unknown) => useListener(listeners.hide, callback, false);
export const usePullDownRefresh = (callback: () => unknown) => useListener(listeners.pullDown, callback, false);
export const useReachBottom = (callback: () => unknown) => useListener(listeners.reachBottom, callback, false);

const shareHandlers: { appMessage: (() => unknown) | null; timeline: (() => unknown) | null } = { appMessage: null, timeline: null };
function useShareHandler(kind: keyof typeof shareHandlers, callback: () => unknown) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    shareHandlers[kind] = handler;
    return () => {
      if (shareHandlers[kind] === handler) shareHandlers[kind] = null;
    };
  }, [kind]);
}
/** The page's share card (menu 转发 and `<Button openType="share">`): `shareConfig('appMessage')` reads what it answers. */
export const useShareAppMessage = (callback: () => unknown) => useShareHandler('appMessage', callback);
/** The page's Moments share: `shareConfig('timeline')` reads what it answers. */
export const useShareTimeline = (callback: () => unknown) => useShareHandler('timeline', callback);
/** The app's launch: once, when the app mounts. */
export function useLaunch(callback: () => unknown): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => void latest.current(), []);
}
export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: state.routerParams, path: '' };
}

/** The shopper comes back to the page (wrap in `act`). */
export const showPage = () => listeners.show.forEach((l) => l());
/** The shopper leaves the page for another tab or app (wrap in `act`). */
export const hidePage = () => listeners.hide.forEach((l) => l());
export const pullDownRefresh = () => listeners.pullDown.forEach((l) => l());
/** The shopper scrolls to the bottom of the page (wrap in `act`). */
export const reachBottom = () => listeners.reachBottom.forEach((l) => l());

// ---- the APIs src/ calls ---------------------------------------------------------------------

const ok = (api: string) => ({ errMsg: `${api}:ok` });
const navigate = (api: Navigation['api']) => async (option: { url: string }) => {
  recorded.navigations.push({ api, url: option.url });
  return ok(api);
};

const cloud = {
  init(option: Json = {}) {
    recorded.inits.push(option);
  },
  async callFunction(option: { name: string; data?: Json }) {
    const request = { name: option.name, data: option.data ?? {} };
    recorded.cloudCalls.push(request);
    const result = await (state.functions.get(option.name) ?? state.cloud)(request);
    return { result, errMsg: 'cloud.callFunction:ok', requestID: `req-${recorded.cloudCalls.length}` };
  },
  async uploadFile(option: { cloudPath: string; filePath: string }) {
    recorded.uploads.push({ cloudPath: option.cloudPath, filePath: option.filePath });
    if (state.uploadFails) throw new Error('cloud.uploadFile:fail network');
    return { fileID: `cloud://test-env.bucket/${option.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
  },
};

/**
 * WeChat's own `wx`, for what src/services/weapp.ts calls on it directly (typed there by
 * miniprogram-api-typings); setup.ts installs it as the global the mini program has.
 */
/** Taro's app-wide event bus (the H5 router announces each page it showed on it): on / off / trigger, as Taro's Events. */
const eventListeners = new Map<string, Set<(...args: unknown[]) => unknown>>();
export const eventCenter = {
  on(name: string, listener: (...args: unknown[]) => unknown) {
    if (!eventListeners.has(name)) eventListeners.set(name, new Set());
    eventListeners.get(name)!.add(listener);
    return eventCenter;
  },
  off(name: string, listener: (...args: unknown[]) => unknown) {
    eventListeners.get(name)?.delete(listener);
    return eventCenter;
  },
  trigger(name: string, ...args: unknown[]) {
    for (const listener of [...(eventListeners.get(name) ?? [])]) listener(...args);
    return eventCenter;
  },
};

export const wx = {
  async requestSubscribeMessage(option: { tmplIds: string[] }) {
    recorded.subscribeRequests.push([...option.tmplIds]);
    if (!state.subscribe) throw { errMsg: 'requestSubscribeMessage:fail the test did not program it', errCode: -1 };
    return { ...ok('requestSubscribeMessage'), ...(await state.subscribe(option.tmplIds)) };
  },
  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager() {
    return {
      writeFile(option: { filePath: string; data: string; encoding?: string; success?: () => void; fail?: (e: unknown) => void }) {
        recorded.files.push({ filePath: option.filePath, data: option.data });
        option.success?.();
      },
    };
  },
  async canvasToTempFilePath(option: { canvas?: { width: number; height: number }; fileType?: string }) {
    if (!option.canvas) throw { errMsg: 'canvasToTempFilePath:fail canvas is empty' };
    return { ...ok('canvasToTempFilePath'), tempFilePath: `http://tmp/poster-${option.canvas.width}x${option.canvas.height}.png` };
  },
  async saveImageToPhotosAlbum(option: { filePath: string }) {
    if (state.album === 'deny') throw { errMsg: 'saveImageToPhotosAlbum:fail auth deny' };
    if (state.album === 'cancel') throw { errMsg: 'saveImageToPhotosAlbum:fail cancel' };
    recorded.albumSaves.push(option.filePath);
    return ok('saveImageToPhotosAlbum');
  },
  async openSetting() {
    recorded.openSettings.push(Date.now());
    if (state.albumAfterSetting) state.album = 'save';
    return { ...ok('openSetting'), authSetting: { 'scope.writePhotosAlbum': state.albumAfterSetting } };
  },
};

const Taro = {
  /** design px (750 wide) → rpx, as the mini program build does */
  pxTransform: (size: number) => `${size}rpx`,
  cloud,
  async showToast(option: ToastOption) {
    recorded.toasts.push(option);
    return ok('showToast');
  },
  async showModal(option: ModalOption) {
    recorded.modals.push(option);
    const confirm = state.modalConfirms;
    return { ...ok('showModal'), confirm, cancel: !confirm };
  },
  switchTab: navigate('switchTab'),
  redirectTo: navigate('redirectTo'),
  reLaunch: navigate('reLaunch'),
  navigateTo: navigate('navigateTo'),
  async navigateBack(_option: { delta?: number } = {}) {
    recorded.navigations.push({ api: 'navigateBack', url: '' });
    return ok('navigateBack');
  },
  stopPullDownRefresh: async () => ok('stopPullDownRefresh'),
  async setNavigationBarTitle(option: { title: string }) {
    recorded.titles.push(option.title);
    return ok('setNavigationBarTitle');
  },
  pageScrollTo: async (_option: { scrollTop?: number; selector?: string; duration?: number }) => ok('pageScrollTo'),
  async setClipboardData(option: { data: string }) {
    recorded.clipboard.push(option.data);
    return ok('setClipboardData');
  },
  getScreenBrightness: async () => ({ ...ok('getScreenBrightness'), value: 0.5 }),
  setScreenBrightness: async (_option: { value: number }) => ok('setScreenBrightness'),
  setKeepScreenOn: async (_option: { keepScreenOn: boolean }) => ok('setKeepScreenOn'),
  async scanCode(_option: Json = {}) {
    if (!state.scan) throw new Error('scanCode:fail cancel');
    return { ...ok('scanCode'), charSet: 'utf-8', scanType: 'WX_CODE', rawData: '', ...state.scan() };
  },
  async chooseImage(_option: Json = {}): Promise<{ tempFilePaths: string[] }> {
    throw new Error('chooseImage:fail cancel');
  },
  async chooseMedia(_option: Json = {}): Promise<{ tempFiles: Array<{ tempFilePath: string; size: number; fileType: string }>; type: string }> {
    if (!state.media) throw new Error('chooseMedia:fail cancel');
    return { ...ok('chooseMedia'), type: 'image', tempFiles: state.media.map((tempFilePath) => ({ tempFilePath, size: 120_000, fileType: 'image' })) };
  },
  getEnterOptionsSync: () => ({ scene: state.enterScene, path: '', query: { ...state.routerParams }, referrerInfo: {} }),
  getLaunchOptionsSync: () => ({ scene: state.enterScene, path: '', query: { ...state.routerParams }, referrerInfo: {} }),
  getWindowInfo: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, statusBarHeight: 20 }),
  createSelectorQuery() {
    const selected: string[] = [];
    const query = {
      select(selector: string) {
        selected.push(selector);
        return { fields: (_fields: Json) => query, boundingClientRect: () => query };
      },
      exec(callback?: (res: unknown[]) => void) {
        const res = selected.map((s) => state.selectorAnswer(s) ?? null);
        callback?.(res);
        return res;
      },
    };
    return query;
  },
  getStorageSync: (key: string): unknown => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value))),
  removeStorageSync: (key: string) => void storage.delete(key),
  onNetworkStatusChange: (listener: (res: { isConnected: boolean; networkType: string }) => void) => void networkListeners.add(listener),
  offNetworkStatusChange: (listener: (res: { isConnected: boolean; networkType: string }) => void) => void networkListeners.delete(listener),
  getNetworkType: async () => ({ ...ok('getNetworkType'), networkType: state.connected ? 'wifi' : 'none' }),
  eventCenter,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useShareTimeline,
  useLaunch,
  useRouter,
};

/** Forgets every recording and program: call in `beforeEach` (page listeners go when the test's render is cleaned up). */
export function resetTaro(): void {
  for (const list of Object.values(recorded)) list.length = 0;
  state.cloud = unprogrammed;
  state.modalConfirms = true;
  state.routerParams = {};
  state.scan = null;
  state.selectorAnswer = () => null;
  state.subscribe = null;
  state.functions.clear();
  state.enterScene = 1001;
  state.album = 'save';
  state.albumAfterSetting = false;
  state.media = null;
  state.uploadFails = false;
  state.connected = true;
  storage.clear();
  networkListeners.clear();
  eventListeners.clear();
}

export default Taro;
