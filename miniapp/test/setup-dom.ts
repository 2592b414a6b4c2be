// jsdom has no canvas; NutUI's barrel pulls lottie-web, which draws on a 2D context at import time.
if (typeof HTMLCanvasElement !== 'undefined') {
  const noop = () => undefined
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (t, k) => (k in t ? t[k as string] : noop),
    set: (t, k, v) => {
      t[k as string] = v
      return true
    }
  })
  HTMLCanvasElement.prototype.getContext = (() => ctx) as any
}
