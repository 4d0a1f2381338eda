export default definePageConfig({
  navigationBarTitleText: '为TA搭配',
});
