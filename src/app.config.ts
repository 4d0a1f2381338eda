import { packageLayout, preloadRule, tabBarList } from './appLayout';

// the pages come from the one page list (cloudfunctions/contract/pages.ts), laid out in packages
const { pages, subPackages } = packageLayout();

export default defineAppConfig({
  pages,
  ...(subPackages.length > 0 ? { subPackages } : {}),
  preloadRule: preloadRule(),
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
    list: tabBarList(),
  },
  // the store QR code (wxacode.getUnlimited) opens the join page with its scene
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
