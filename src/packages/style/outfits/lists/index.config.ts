export default definePageConfig({
  navigationBarTitleText: '导购为你搭配',
  enablePullDownRefresh: true,
});
