export default definePageConfig({
  navigationBarTitleText: '单位缴费申报'
})
