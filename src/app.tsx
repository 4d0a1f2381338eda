import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { showDevBanner } from './services/devIdentity';
import { renderPagesAtOnce } from './services/pageMount';
import { guardUnknownRoutes, movedPage, pageUrl } from './services/routes';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // no env id in the source: the mini program's default cloud environment
      Taro.cloud.init({ traceUser: false });
    } else {
      renderPagesAtOnce();
      showDevBanner();
      guardUnknownRoutes();
    }
  });
  // a page that moved (the join page, now a subpackage): store QR codes printed before still open its old path
  usePageNotFound((res: { path: string; query: Record<string, string> }) => {
    const moved = movedPage(res.path, res.query);
    void Taro.redirectTo({ url: moved ?? pageUrl('card') }).catch(() => Taro.reLaunch({ url: moved ?? pageUrl('card') }));
  });
  return children;
}

export default App;
