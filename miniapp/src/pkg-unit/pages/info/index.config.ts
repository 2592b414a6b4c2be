export default definePageConfig({
  navigationBarTitleText: '单位综合信息'
})
