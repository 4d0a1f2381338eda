import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppError, PointsSummary } from '../../cloudfunctions/contract';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '../../cloudfunctions/contract/formats';
import { errorText } from './errors';
import { memberApi } from './member';
import { isSubscribeFailure, requestSubscribe } from './weapp';

export type SubscribeOutcome =
  /** the shopper allowed at least one template; the credits now held */
  | { kind: 'recorded'; reminders: PointsSummary['reminders'] }
  /** nothing allowed; `blocked`: WeChat will not even ask (turned off in the settings) */
  | { kind: 'declined'; blocked: boolean }
  /** allowed, but recording it failed, or WeChat could not ask */
  | { kind: 'failed'; error: AppError | null };

/** Each template id and how the shopper answered it ('accept', 'reject', 'ban' or 'filter'). */
type Answer = Record<string, string>;

/**
 * Asks the shopper for subscribe-message permission and records what they allowed.
 * WeChat only shows the dialog from a tap: call this straight from an onClick handler, with no
 * await before it (the request is the first thing it does).
 */
export async function askToSubscribe(keys: SubscribeTemplateKey[]): Promise<SubscribeOutcome> {
  let answer: Answer;
  try {
    answer = await ask(keys);
  } catch (e) {
    // errCode 20004: the shopper switched subscribe messages off for this mini program
    return isSubscribeFailure(e) && e.errCode === 20004 ? { kind: 'declined', blocked: true } : { kind: 'failed', error: null };
  }
  const accepted = keys.filter((key) => answer[SUBSCRIBE_TEMPLATES[key].id] === 'accept');
  if (accepted.length === 0) {
    const blocked = keys.some((key) => answer[SUBSCRIBE_TEMPLATES[key].id] === 'ban');
    return { kind: 'declined', blocked };
  }
  const recorded = await memberApi.subscribe(accepted);
  return recorded.ok ? { kind: 'recorded', reminders: recorded.data.reminders } : { kind: 'failed', error: recorded.error };
}

/**
 * Tells the shopper how asking went, the same way on every page: a toast when it worked or was
 * refused, where to switch messages back on when WeChat will not ask, why recording failed.
 * Returns the credits now held when something was recorded.
 */
export function tellSubscribeOutcome(outcome: SubscribeOutcome, recordedTitle = '已开启到期提醒'): PointsSummary['reminders'] | null {
  if (outcome.kind === 'recorded') {
    void Taro.showToast({ title: recordedTitle, icon: 'success' });
    return outcome.reminders;
  }
  if (outcome.kind === 'declined' && outcome.blocked) {
    void Taro.showModal({
      title: '提醒被关闭了',
      content: '你在微信里关闭了本小程序的订阅消息。可在右上角「···」→「设置」→「订阅消息」中重新打开。',
      showCancel: false,
      confirmText: '知道了',
      confirmColor: '#1F1B16',
    });
  } else if (outcome.kind === 'declined') {
    void Taro.showToast({ title: '未开启提醒，可随时再开启', icon: 'none' });
  } else {
    void Taro.showToast({ title: outcome.error ? errorText(outcome.error) : '没能开启提醒，请稍后再试', icon: 'none' });
  }
  return null;
}

/**
 * One reminder row's tap: asks WeChat for these templates (from the tap, nothing awaited first),
 * records what was allowed, tells the shopper how it went, and answers the credits now held (or
 * null). `asking` is true meanwhile; a second tap then does nothing.
 */
export function useSubscribeAsk(keys: SubscribeTemplateKey[], recordedTitle?: string) {
  const [asking, setAsking] = useState(false);
  async function ask(): Promise<PointsSummary['reminders'] | null> {
    if (asking) return null;
    setAsking(true);
    const outcome = await askToSubscribe(keys);
    setAsking(false);
    return tellSubscribeOutcome(outcome, recordedTitle);
  }
  return { asking, ask };
}

/** The title of the H5 preview's stand-in for WeChat's subscribe dialog. */
const H5_SUBSCRIBE_TITLE = '模拟订阅消息授权';

/** WeChat's dialog; in the H5 preview (no such API) a modal stands in for it and 允许 counts as accept. */
async function ask(keys: SubscribeTemplateKey[]): Promise<Answer> {
  const tmplIds = keys.map((key) => SUBSCRIBE_TEMPLATES[key].id);
  if (process.env.TARO_ENV === 'h5') {
    const titles = keys.map((key) => SUBSCRIBE_TEMPLATES[key].title).join('、');
    const choice = await Taro.showModal({
      // short enough for one line on a 320 px phone; what it stands in for is said in the content
      title: H5_SUBSCRIBE_TITLE,
      content: `「悦衣会员」想给你发送：${titles}（开发预览：代替微信的订阅消息授权弹窗）`,
      confirmText: '允许',
      cancelText: '拒绝',
      confirmColor: '#1F1B16',
    });
    return Object.fromEntries(tmplIds.map((id) => [id, choice.confirm ? 'accept' : 'reject']));
  }
  return requestSubscribe(tmplIds);
}
