import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { Envelope } from '../../cloudfunctions/contract';
import { errorText } from './errors';
import type { Remote } from './useRemote';

/**
 * A page's one read, again on every show and pull-down. What was shown stays when a read fails (a
 * toast says why it may be old); NOT_MEMBER means the member left on another device, and the page
 * sends them to join (`leftElsewhere`, which the page's own calls may set too).
 */
export function useReadOnShow<T>(remote: { state: Remote<T>; refresh(): Promise<Envelope<T>> }) {
  const [leftElsewhere, setLeftElsewhere] = useState(false);

  async function readAgain(): Promise<void> {
    const shown = remote.state.status === 'ready';
    const answer = await remote.refresh();
    if (!answer.ok && answer.error.code === 'NOT_MEMBER') setLeftElsewhere(true);
    else if (!answer.ok && shown) void Taro.showToast({ title: errorText(answer.error), icon: 'none' });
  }

  useDidShow(() => void readAgain());
  usePullDownRefresh(async () => {
    await readAgain();
    void Taro.stopPullDownRefresh();
  });

  return { readAgain, leftElsewhere, setLeftElsewhere };
}
