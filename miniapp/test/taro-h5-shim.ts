// In Taro's H5 build, babel-plugin-transform-taroapi rewrites `Taro.getStorageSync(...)` into named imports from
// @tarojs/taro-h5, whose default export lacks most APIs. Tests get the same effect from this module, which
// vitest.config.mts aliases `@tarojs/taro` to: a default object carrying every named API.
import * as h5 from '@tarojs/taro-h5'

const Taro: any = { ...(h5 as any).default, ...h5 }
delete Taro.default
export * from '@tarojs/taro-h5'
export default Taro
