export default definePageConfig({
  navigationBarTitleText: '待遇资格认证记录'
})
