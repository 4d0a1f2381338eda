export default definePageConfig({
  navigationBarTitleText: '我的预约时段',
  enablePullDownRefresh: true,
});
