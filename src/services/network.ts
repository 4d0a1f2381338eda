import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

type Listener = (online: boolean) => void;

/**
 * Whether the phone has a network, and word when that changes: WeChat's onNetworkStatusChange in
 * the mini program, the browser's online/offline events in the H5 preview. One subscription per
 * caller; the returned function ends it.
 */
export function watchNetwork(listener: Listener): () => void {
  if (process.env.TARO_ENV === 'h5') {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }
  const onChange = (res: { isConnected: boolean }) => listener(res.isConnected);
  Taro.onNetworkStatusChange(onChange);
  return () => Taro.offNetworkStatusChange(onChange);
}

/** The network as the page first assumes it: the browser knows at once; WeChat is asked (getNetworkType), there until told otherwise. */
function initiallyOnline(): boolean {
  return process.env.TARO_ENV === 'h5' ? navigator.onLine : true;
}

/**
 * `online`, kept current; `onBack` runs when the network returns after being lost (the card reads
 * itself again then).
 */
export function useNetwork(onBack?: () => void): boolean {
  const [online, setOnline] = useState(initiallyOnline);
  const back = useRef(onBack);
  back.current = onBack;
  useEffect(() => {
    let last = online;
    if (process.env.TARO_ENV !== 'h5') {
      void Taro.getNetworkType()
        .then((res) => {
          last = res.networkType !== 'none';
          setOnline(last);
        })
        .catch(() => undefined);
    }
    return watchNetwork((now) => {
      const returned = now && !last;
      last = now;
      setOnline(now);
      if (returned) back.current?.();
    });
  }, []);
  return online;
}
