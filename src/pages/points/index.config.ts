export default definePageConfig({
  navigationBarTitleText: '我的积分',
  enablePullDownRefresh: true,
  // the next page of history is asked for a little before the list ends
  onReachBottomDistance: 200,
});
