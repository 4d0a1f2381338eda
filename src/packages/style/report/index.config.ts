export default definePageConfig({
  navigationBarTitleText: '风格报告',
  enablePullDownRefresh: true,
});
