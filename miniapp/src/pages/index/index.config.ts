export default definePageConfig({
  navigationBarTitleText: '掌上社保'
})
