export default definePageConfig({
  navigationBarTitleText: '个人查询'
})
