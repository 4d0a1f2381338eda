export default definePageConfig({
  navigationBarTitleText: '私享会',
  enablePullDownRefresh: true,
});
