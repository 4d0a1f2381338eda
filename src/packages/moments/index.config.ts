export default definePageConfig({
  navigationBarTitleText: '消费成功',
});
