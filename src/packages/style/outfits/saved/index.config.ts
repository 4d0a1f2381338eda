export default definePageConfig({
  navigationBarTitleText: '收藏的搭配',
  enablePullDownRefresh: true,
});
