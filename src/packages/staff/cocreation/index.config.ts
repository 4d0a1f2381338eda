export default definePageConfig({
  navigationBarTitleText: '新品共创结果',
  enablePullDownRefresh: true,
});
