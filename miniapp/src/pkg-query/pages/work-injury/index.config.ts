export default definePageConfig({
  navigationBarTitleText: '工伤认定与待遇'
})
