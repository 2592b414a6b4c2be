export default definePageConfig({
  navigationBarTitleText: '稽核认定缴费基数'
})
