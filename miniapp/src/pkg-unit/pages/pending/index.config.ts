export default definePageConfig({
  navigationBarTitleText: '待核实人员'
})
