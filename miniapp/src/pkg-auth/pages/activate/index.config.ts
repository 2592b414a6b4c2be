export default definePageConfig({
  navigationBarTitleText: '开通电子社保卡'
})
