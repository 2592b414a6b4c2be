export default definePageConfig({
  navigationBarTitleText: '业务单据查询'
})
