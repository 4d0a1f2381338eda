export default definePageConfig({
  navigationBarTitleText: '顾客满意度',
});
