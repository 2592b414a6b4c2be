import type { PropsWithChildren } from 'react'
// NutUI theme variables, once for the whole app (components bring their own CSS through babel-plugin-import)
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
// Base styles of @nutui/icons-react-taro (.nut-icon sizing)
import '@nutui/icons-react-taro/dist/style_icon.css'
import './app.scss'

// Taro's H5 tab bar items are <a href="javascript:;">: following that link is an inline script run, which the
// BFF's CSP (script-src 'self') blocks and reports. The tab switch itself is the item's click handler, so just
// stop the link navigation.
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target as Element | null
      if (target?.closest?.('a[href^="javascript:"]')) e.preventDefault()
    },
    true
  )
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
