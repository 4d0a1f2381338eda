export default definePageConfig({
  navigationBarTitleText: '私享会管理',
  enablePullDownRefresh: true,
});
