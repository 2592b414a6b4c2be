export default definePageConfig({
  navigationBarTitleText: '单位办事'
})
