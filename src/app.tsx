import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { showDevBanner } from './services/devIdentity';
import { guardUnknownRoutes } from './services/routes';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // no env id in the source: the mini program's default cloud environment
      Taro.cloud.init({ traceUser: false });
    } else {
      showDevBanner();
      guardUnknownRoutes();
    }
  });
  return children;
}

export default App;
