import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { memberApi } from './member';
import { remoteRead, useReadOnShow } from './useReadOnShow';
import { useRemote } from './useRemote';

/**
 * 导出我的数据: everything the programme holds about the member, read afresh on every show and
 * pull-down, and copied whole as JSON for them to keep. A copy cannot be doubled by a second tap.
 */
export function useMyData() {
  const remote = useRemote(memberApi.exportData, { auto: false });
  // a member who left (on another device, say) is sent to join by the hook; the page draws no error meanwhile
  const { notMember } = useReadOnShow([remoteRead(remote)]);
  const [copying, setCopying] = useState(false);
  const inFlight = useRef(false);

  async function copyAll(): Promise<void> {
    if (inFlight.current || remote.state.status !== 'ready') return;
    inFlight.current = true;
    setCopying(true);
    try {
      await Taro.setClipboardData({ data: JSON.stringify(remote.state.data, null, 2) });
      // replaces WeChat's own "内容已复制" with what was copied
      void Taro.showToast({ title: '已复制全部数据', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '没能复制，请再试一次', icon: 'none' });
    } finally {
      inFlight.current = false;
      setCopying(false);
    }
  }

  return { state: remote.state, reload: remote.reload, notMember, copyAll, copying };
}
