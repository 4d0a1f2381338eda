export default definePageConfig({
  navigationBarTitleText: '加入悦衣会员',
});
