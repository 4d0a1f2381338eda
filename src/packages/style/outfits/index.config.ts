export default definePageConfig({
  navigationBarTitleText: '今日穿搭',
  enablePullDownRefresh: true,
});
