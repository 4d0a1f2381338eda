export default definePageConfig({
  navigationBarTitleText: '我的风格档案',
  enablePullDownRefresh: true,
});
