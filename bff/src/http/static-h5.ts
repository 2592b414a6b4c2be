// Serves the Taro H5 build (miniapp/dist-h5) at `/`, so one URL runs the whole product.
//  - index.html: Cache-Control no-cache (always revalidated, so a new deploy is picked up at once);
//  - content-hashed assets under js/ css/ static/: public, max-age=31536000, immutable;
//  - SPA fallback: a GET for an extension-less path that accepts HTML gets index.html;
//  - no build yet: a short Chinese page telling the developer to run `npm run build:h5`.
// Taro's H5 template has an inline <script> (htmlWebpackPlugin.options.script, the rem/viewport snippet); the
// CSP allows exactly that script by its sha256 (computed from the index.html being served, see inlineScriptHashes).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Middleware } from 'koa'
import send from 'koa-send'

const HASHED_ASSET_DIR = /^\/(js|css|static)\//
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i
const IMMUTABLE = 'public, max-age=31536000, immutable'

export class H5Site {
  private cache: { mtimeMs: number; size: number; hashes: string[] } | undefined

  constructor(readonly distDir: string) {}

  get indexFile(): string {
    return path.join(this.distDir, 'index.html')
  }

  /**
   * CSP source expressions ('sha256-…') for the inline scripts of the current index.html. Re-reads the file
   * only when its mtime/size changed (an H5 rebuild while the BFF runs). Missing build → [].
   */
  inlineScriptHashes(): string[] {
    let st: fs.Stats
    try {
      st = fs.statSync(this.indexFile)
    } catch {
      this.cache = undefined
      return []
    }
    if (this.cache && this.cache.mtimeMs === st.mtimeMs && this.cache.size === st.size) return this.cache.hashes
    const hashes = computeInlineScriptHashes(fs.readFileSync(this.indexFile, 'utf8'))
    this.cache = { mtimeMs: st.mtimeMs, size: st.size, hashes }
    return hashes
  }

  hasBuild(): boolean {
    return fs.existsSync(this.indexFile)
  }
}

/** 'sha256-<base64>' for every inline (src-less) non-empty <script> of an HTML document. */
export function computeInlineScriptHashes(html: string): string[] {
  const out = new Set<string>()
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = m[1] ?? ''
    const body = m[2] ?? ''
    if (/\bsrc\s*=/i.test(attrs) || body.length === 0) continue
    if (/\btype\s*=\s*["']?(application\/(ld\+)?json|text\/template)/i.test(attrs)) continue // data, not script
    out.add(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return [...out]
}

const MISSING_BUILD_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>掌上社保</title></head>
<body><h1>掌上社保</h1><p>H5 页面尚未构建。请在项目根目录运行 <code>npm run build:h5</code>，然后刷新本页。</p>
<p>接口服务已在运行：<a href="/api/health">/api/health</a>，接口文档：<a href="/api/openapi.json">/api/openapi.json</a>。</p>
</body></html>
`

export function serveH5(site: H5Site): Middleware {
  const root = path.resolve(site.distDir)
  const setHeaders = (res: import('node:http').ServerResponse, file: string) => {
    const rel = '/' + path.relative(root, file).split(path.sep).join('/')
    if (rel === '/index.html' || rel.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache')
    else if (HASHED_ASSET_DIR.test(rel) && HASHED_NAME.test(rel)) res.setHeader('Cache-Control', IMMUTABLE)
    else res.setHeader('Cache-Control', 'no-cache')
  }
  const sendOpts = { root, index: 'index.html', hidden: false, brotli: false, gzip: false, setHeaders, maxAge: 0 }

  return async function serveH5Middleware(ctx, next) {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path === '/api' || ctx.path.startsWith('/api/')) return next()
    const wantsPage = ctx.path === '/' || (!path.posix.extname(ctx.path) && Boolean(ctx.accepts('html')))

    if (!site.hasBuild()) {
      if (!wantsPage) return next()
      ctx.type = 'html'
      ctx.set('Cache-Control', 'no-store')
      ctx.body = MISSING_BUILD_HTML
      return
    }
    try {
      const served = await send(ctx, ctx.path, sendOpts)
      if (served) return notModified(ctx)
    } catch (err) {
      const status = (err as { status?: number }).status
      if (status !== 404) {
        // Malformed/malicious paths (resolve-path: 400/403) → plain 404, nothing learned about the file system.
        if (status === 400 || status === 403) return next()
        throw err
      }
    }
    if (!wantsPage) return next()
    // SPA fallback (Taro uses hash routing by default, but deep links with a browser router land here).
    await send(ctx, '/index.html', sendOpts)
    notModified(ctx)
  }
}

/** Answer 304 to a conditional GET whose Last-Modified still matches (index.html is revalidated on every load). */
function notModified(ctx: import('koa').Context): void {
  if (ctx.status !== 200 || !ctx.fresh) return
  const body = ctx.body as { destroy?: () => void } | null
  ctx.status = 304 // Koa drops the body; close the file stream koa-send opened
  body?.destroy?.()
}
