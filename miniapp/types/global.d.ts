/// <reference types="@tarojs/taro" />

declare module '*.png' { const src: string; export default src }
declare module '*.gif' { const src: string; export default src }
declare module '*.jpg' { const src: string; export default src }
declare module '*.jpeg' { const src: string; export default src }
declare module '*.svg' { const src: string; export default src }
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built (Taro sets it at build time). */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** WeChat appid, from .env files if set. */
    TARO_APP_ID: string
    /** API origin for the mini-program build (config/index.ts; default http://127.0.0.1:3000). H5 uses its own origin. */
    TARO_APP_API_BASE: string
    /** miniapp/package.json version (config/index.ts) */
    TARO_APP_VERSION: string
  }
}
