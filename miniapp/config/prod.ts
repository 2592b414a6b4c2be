import type { UserConfigExport } from '@tarojs/cli'

// Note: don't put webpackChain here; merge() would replace the base config's function, not compose it.
export default {
  mini: {},
  h5: {}
} satisfies UserConfigExport<'webpack5'>
