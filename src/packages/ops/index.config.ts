export default definePageConfig({
  navigationBarTitleText: '门店看板',
  enablePullDownRefresh: true,
});
