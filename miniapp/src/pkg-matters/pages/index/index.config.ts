export default definePageConfig({
  navigationBarTitleText: '个人办事'
})
