export default definePageConfig({
  navigationBarTitleText: '会员分群',
});
