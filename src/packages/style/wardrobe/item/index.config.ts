export default definePageConfig({
  navigationBarTitleText: '衣橱单品',
  enablePullDownRefresh: true,
});
