export default definePageConfig({
  navigationBarTitleText: '单位参保人员'
})
