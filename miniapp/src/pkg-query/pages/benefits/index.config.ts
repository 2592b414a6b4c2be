export default definePageConfig({
  navigationBarTitleText: '待遇发放'
})
