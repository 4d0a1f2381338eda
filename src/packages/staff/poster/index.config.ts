export default definePageConfig({
  navigationBarTitleText: '我的拉新码',
});
