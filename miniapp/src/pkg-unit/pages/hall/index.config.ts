export default definePageConfig({
  navigationBarTitleText: '单位网上服务大厅'
})
