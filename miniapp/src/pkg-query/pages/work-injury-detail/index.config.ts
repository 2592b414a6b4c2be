export default definePageConfig({
  navigationBarTitleText: '工伤认定详情'
})
