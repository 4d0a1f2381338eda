export default definePageConfig({
  navigationBarTitleText: '添加衣服',
  // a pull-down would only read again what the member is typing over
  enablePullDownRefresh: false,
});
