// Unit and component tests of the mini-program (node or jsdom per file: `// @vitest-environment jsdom`).
// Taro/NutUI under jsdom need what Taro's H5 build provides (see ../../shared/TOOLCHAIN.md): build-time globals,
// the H5 implementations of @tarojs/taro and @tarojs/components, NutUI per component, a canvas stub.
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitest/config'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const local = (id: string) => path.dirname(require.resolve(`${id}/package.json`, { paths: [here] }))

// What babel-plugin-import does in the real build: `import { Button } from '@nutui/nutui-react-taro'`
// → `import Button from '@nutui/nutui-react-taro/dist/es/packages/button'` (the barrel pulls lottie + canvas).
function nutuiDeepImports(): Plugin {
  const re = /import\s*\{([^}]+)\}\s*from\s*['"]@nutui\/nutui-react-taro['"];?/g
  return {
    name: 'nutui-deep-imports',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !code.includes('@nutui/nutui-react-taro')) return
      return code.replace(re, (_m, names: string) =>
        names
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
          .map((n) => {
            const [imp, alias = imp] = n.split(/\s+as\s+/)
            return `import ${alias} from '@nutui/nutui-react-taro/dist/es/packages/${imp.toLowerCase()}';`
          })
          .join('\n')
      )
    }
  }
}

// Build-time constants Taro's webpack runner normally injects.
const taroDefines = {
  ENABLE_INNER_HTML: 'true',
  ENABLE_ADJACENT_HTML: 'true',
  ENABLE_SIZE_APIS: 'false',
  ENABLE_TEMPLATE_CONTENT: 'false',
  ENABLE_CLONE_NODE: 'true',
  ENABLE_CONTAINS: 'true',
  ENABLE_MUTATION_OBSERVER: 'false',
  DEPRECATED_ADAPTER_COMPONENT: 'false',
  'process.env.TARO_ENV': JSON.stringify('h5'),
  'process.env.TARO_PLATFORM': JSON.stringify('web'),
  'process.env.TARO_APP_VERSION': JSON.stringify('0.0.0-test'),
  'process.env.TARO_APP_API_BASE': JSON.stringify('http://127.0.0.1:3000')
}

const reactDir = local('react')
const reactDomDir = local('react-dom')

export default defineConfig({
  plugins: [nutuiDeepImports()],
  define: taroDefines,
  resolve: {
    alias: [
      // The repo root holds React 19 (for Prisma Studio); this app and NutUI need the React 18 installed here.
      { find: /^react$/, replacement: path.join(reactDir, 'index.js') },
      { find: /^react\/jsx-runtime$/, replacement: path.join(reactDir, 'jsx-runtime.js') },
      { find: /^react\/jsx-dev-runtime$/, replacement: path.join(reactDir, 'jsx-dev-runtime.js') },
      { find: /^react-dom$/, replacement: path.join(reactDomDir, 'index.js') },
      { find: /^react-dom\/client$/, replacement: path.join(reactDomDir, 'client.js') },
      { find: /^react-dom\/test-utils$/, replacement: path.join(reactDomDir, 'test-utils.js') },
      // Installed only in miniapp/node_modules, imported by packages hoisted to the root
      { find: /^@tarojs\/plugin-framework-react\/(.*)$/, replacement: local('@tarojs/plugin-framework-react') + '/$1' },
      // The H5 implementations, as Taro's H5 build aliases them
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' },
      { find: /^@tarojs\/taro$/, replacement: path.join(here, 'test/taro-h5-shim.ts') },
      { find: /^@nutui\/nutui-react-taro$/, replacement: '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js' },
      // its "main" is a UMD bundle that require()s whichever React node finds (the root's 19): use the ES build
      { find: /^@nutui\/icons-react-taro$/, replacement: '@nutui/icons-react-taro/dist/es/index.es.js' },
      { find: /^@\/(.*)$/, replacement: path.join(here, 'src') + '/$1' },
      // NutUI's Overlay uses react-transition-group (hoisted to the root): its CJS build would require() React 19
      { find: /^react-transition-group$/, replacement: path.join(here, '../node_modules/react-transition-group/esm/index.js') },
      // @testing-library/react sits at the root and its CJS build would require() React 19: use its ESM build,
      // inlined below, so its React imports go through the aliases above.
      { find: /^@testing-library\/react$/, replacement: '@testing-library/react/dist/@testing-library/react.esm.js' }
    ]
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup-dom.ts'],
    environment: 'node',
    // Inlined (transformed by vite, so the React aliases apply): Taro, NutUI and the React libraries NutUI uses
    // that npm hoisted to the root next to React 19.
    server: {
      deps: { inline: [/@nutui\//, /@tarojs\//, /@testing-library\/react/, /react-transition-group/] }
    }
  }
})
