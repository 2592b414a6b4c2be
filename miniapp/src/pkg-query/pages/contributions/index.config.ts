export default definePageConfig({
  navigationBarTitleText: '缴费信息'
})
