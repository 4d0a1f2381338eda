export default definePageConfig({
  navigationBarTitleText: '造型师1对1',
});
