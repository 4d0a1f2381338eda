export default definePageConfig({
  navigationBarTitleText: '邀请好友',
  enablePullDownRefresh: true,
  // the share card (转发 and the 发给微信好友 button) and the Moments share: useShareAppMessage / useShareTimeline
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
