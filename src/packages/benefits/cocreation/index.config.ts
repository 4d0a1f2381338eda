export default definePageConfig({
  navigationBarTitleText: '新品共创',
  enablePullDownRefresh: true,
});
