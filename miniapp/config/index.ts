import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const appRoot = path.resolve(__dirname, '..')
const appVersion: string = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')).version

/**
 * The workspace package `@shebao/shared` is TypeScript source (exports './src/index.ts'), symlinked into
 * node_modules. Webpack resolves the symlink to its real path (../shared/src/...), which Taro's script rule
 * does not compile by default: include it explicitly, by real path and by the symlinked path.
 */
function findSharedRoots(): string[] {
  const roots = new Set<string>([fs.realpathSync(path.resolve(appRoot, '../shared'))])
  // wherever node_modules/@shebao/shared points (npm links the workspace there)
  for (let dir = appRoot; ; dir = path.dirname(dir)) {
    const link = path.join(dir, 'node_modules', '@shebao', 'shared')
    if (fs.existsSync(link)) roots.add(fs.realpathSync(link))
    if (path.dirname(dir) === dir) break
  }
  return [...roots].map((r) => r.replace(/\\/g, '/') + '/src/')
}
const sharedSourceDirs = findSharedRoots()
const isSharedSource = (file: string): boolean => {
  const f = file.replace(/\\/g, '/')
  return sharedSourceDirs.some((d) => f.startsWith(d)) || f.includes('/node_modules/@shebao/shared/src/')
}

/**
 * The repo root's node_modules holds React 19 (hoisted for Prisma Studio). NutUI 3 and Taro 4 need React 18,
 * which npm installed in miniapp/node_modules. Packages hoisted to the root (@tarojs/components-react,
 * @nutui/icons-react-taro, react-transition-group, …) would otherwise resolve React 19: pin every React entry
 * point to this package's copy so exactly one React ends up in the bundle.
 */
const reactDir = path.dirname(require.resolve('react/package.json', { paths: [appRoot] }))
const reactDomDir = path.dirname(require.resolve('react-dom/package.json', { paths: [appRoot] }))
const taroReactEntry = require.resolve('@tarojs/react', { paths: [appRoot] })

function pinReact(chain: any, withReactDom: boolean) {
  const alias = chain.resolve.alias
  if (!alias.has('react$')) alias.set('react$', path.join(reactDir, 'index.js'))
  alias.set('react/jsx-runtime$', path.join(reactDir, 'jsx-runtime.js'))
  alias.set('react/jsx-dev-runtime$', path.join(reactDir, 'jsx-dev-runtime.js'))
  if (withReactDom) {
    alias.set('react-dom$', path.join(reactDomDir, 'index.js'))
    alias.set('react-dom/client$', path.join(reactDomDir, 'client.js'))
  } else {
    // mini-programs render through @tarojs/react; the React plugin aliases react-dom to the bare name, which
    // packages hoisted to the root cannot resolve (it is installed in miniapp/node_modules only).
    alias.set('react-dom$', taroReactEntry)
    alias.set('react-dom/client$', taroReactEntry)
  }
}

function commonChain(chain: any) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  // npm installed some Taro packages only in miniapp/node_modules (next to React 18); packages hoisted to the
  // root that import them (e.g. @tarojs/taro-h5 → @tarojs/plugin-framework-react) look here last.
  chain.resolve.modules.clear().add('node_modules').add(path.join(appRoot, 'node_modules'))
  // shared is written for NodeNext (`import './money.js'` means money.ts)
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] })
}

/**
 * Build output: dist-h5 (H5) / dist (weapp). SHEBAO_OUTPUT_ROOT builds elsewhere (with its own webpack cache),
 * so a developer can build and test without replacing the shared dist-h5 under someone else's running e2e test.
 */
const outputRoot: string = process.env.SHEBAO_OUTPUT_ROOT || (process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shebao-miniapp',
    date: '2026-11-23',
    // NutUI is designed at 375 px wide, our own styles at Taro's 750.
    designWidth(input: any) {
      if (input?.file?.replace(/\\+/g, '/').indexOf('@nutui') > -1) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    // Build-time API origin for the mini-program (H5 always calls its own origin).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'),
      TARO_APP_VERSION: JSON.stringify(appVersion)
    },
    // H5 only: the favicon (browsers ask for one; the mini-program has no use for it)
    copy: {
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/assets/favicon.png', to: `${outputRoot}/favicon.png` }] : [],
      options: {}
    },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // NutUI docs: keep NutUI out of prebundle ("template not found" in mini-programs otherwise)
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro', '@shebao/shared'] }
    },
    // Webpack persistent cache, on by default (TARO_CACHE=0 turns it off for a cold build).
    cache: {
      enable: process.env.TARO_CACHE !== '0',
      cacheDirectory: path.resolve(appRoot, 'node_modules/.cache/webpack' + (process.env.SHEBAO_OUTPUT_ROOT ? '-' + path.basename(outputRoot) : '')),
      buildDependencies: {
        config: [
          path.join(appRoot, 'config/index.ts'),
          path.join(appRoot, 'config/dev.ts'),
          path.join(appRoot, 'config/prod.ts'),
          path.join(appRoot, 'babel.config.js'),
          path.join(appRoot, 'tsconfig.json'),
          path.join(appRoot, 'package.json')
        ]
      }
    } as any,
    mini: {
      compile: { include: [isSharedSource] },
      // Our styles are page-scoped (BEM-like class prefixes), so CSS order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        commonChain(chain)
        pinReact(chain, false)
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [isSharedSource] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // targetUnit 'px': a fixed scale (750-design px / 2) that matches NutUI's fixed px and keeps the desktop
        // web hall at phone type size. It also means Taro does not inject its inline rem <script> into
        // index.html, so the page runs under the BFF's CSP (script-src 'self').
        // NutUI docs: don't convert NutUI's own selectors on H5.
        pxtransform: { enable: true, config: { targetUnit: 'px' as any, selectorBlackList: ['nut-'] } }, // 'px' is supported by postcss-pxtransform for h5; Taro's type lags
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        commonChain(chain)
        pinReact(chain, true)
        // The entry (Taro runtime + React + NutUI base) exceeds webpack's 244 KiB hint by design; we measure
        // first-load JS ourselves (scripts/h5-size.mjs).
        chain.performance.hints(false)
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI Cell, Toast,
        // jsx-runtime… (6 × 87 KB for six one-page subpackages). Split async chunks too: code shared by pages
        // becomes shared chunks, loaded once.
        if (process.env.NODE_ENV !== 'development') {
          chain.optimization.splitChunks({
            chunks: 'all',
            hidePathInfo: true,
            minSize: 10000,
            cacheGroups: {
              default: false,
              defaultVendors: false,
              common: { name: false, minChunks: 2, priority: 1, reuseExistingChunk: true },
              vendors: { name: false, minChunks: 2, priority: 10, reuseExistingChunk: true, test: /[\\/]node_modules[\\/]/ },
              taro: { name: false, priority: 100, reuseExistingChunk: true, test: (m: any) => /[\\/]node_modules[\\/]@tarojs[\\/]/.test(m.context ?? '') }
            }
          })
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
