export default defineAppConfig({
  // the card first: a member opening the mini program wants the code for the till
  // the coupon pages stay in the main package: the card opens them, and a member at the till wants them fast
  pages: [
    'pages/card/index',
    'pages/points/index',
    'pages/me/index',
    'pages/join/index',
    'pages/coupons/index',
    'pages/coupons/center/index',
  ],
  // features beyond the tabs load on demand: 导出我的数据 is opened rarely, from 我的
  subPackages: [{ root: 'packages/privacy', pages: ['export/index'] }],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#F6F2EC',
    navigationBarBackgroundColor: '#F6F2EC',
    navigationBarTitleText: '悦衣会员',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8A8178',
    selectedColor: '#1F1B16',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/card/index', text: '会员卡', iconPath: 'assets/tab-card.png', selectedIconPath: 'assets/tab-card-on.png' },
      { pagePath: 'pages/points/index', text: '积分', iconPath: 'assets/tab-points.png', selectedIconPath: 'assets/tab-points-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  // the store QR code (wxacode.getUnlimited) opens the join page with its scene
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
