export default definePageConfig({
  navigationBarTitleText: '精准营销',
});
