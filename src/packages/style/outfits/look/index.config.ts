export default definePageConfig({
  navigationBarTitleText: '搭配这件',
  enablePullDownRefresh: true,
});
