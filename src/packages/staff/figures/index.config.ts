export default definePageConfig({
  navigationBarTitleText: '店员业绩',
  enablePullDownRefresh: true,
});
