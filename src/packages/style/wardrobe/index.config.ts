export default definePageConfig({
  navigationBarTitleText: '我的衣橱',
  enablePullDownRefresh: true,
});
