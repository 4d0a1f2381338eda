export default definePageConfig({
  navigationBarTitleText: '风格测试',
  // a pull-down mid-quiz would only reload what is on screen
  enablePullDownRefresh: false,
});
