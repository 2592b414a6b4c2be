export default definePageConfig({
  navigationBarTitleText: '应缴认定单到账'
})
