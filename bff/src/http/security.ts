// Security headers (koa-helmet) and CORS.
import type { IncomingMessage } from 'node:http'
import cors from '@koa/cors'
import type { Middleware } from 'koa'
import helmet from 'koa-helmet'
import { REQUEST_ID_HEADER } from './request-id.ts'
import type { H5Site } from './static-h5.ts'

export interface SecurityOptions {
  publicBaseUrl: string
  site: H5Site
}

/**
 * Strict CSP for the H5 app and the API alike:
 *  - script-src 'self' + the sha256 of Taro's inline index.html script (no 'unsafe-inline', no eval);
 *  - style-src allows inline styles: Taro H5 and NutUI set style attributes and inject <style> at runtime;
 *  - img-src data:/blob: for QR codes and image previews; media-src blob: for the camera (H5 QR scanning);
 *  - frame-ancestors 'none' (and X-Frame-Options DENY): no clickjacking of the scan-code login confirm page.
 * HSTS and upgrade-insecure-requests only when the public URL is https (they would break http://127.0.0.1).
 */
export function securityHeaders(opts: SecurityOptions): Middleware {
  const https = opts.publicBaseUrl.startsWith('https://')
  const isApi = (req: IncomingMessage) => (req.url ?? '').startsWith('/api/')
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // API responses never run scripts: skip the stat of index.html for them.
        scriptSrc: [(req) => ["'self'", ...(isApi(req as IncomingMessage) ? [] : opts.site.inlineScriptHashes())].join(' ')],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {})
      }
    },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Certificates' QR/PDF may be fetched by other sites' pages only through CORS; keep same-site.
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginEmbedderPolicy: false
  })
}

/** CORS for the listed origins only (credentials allowed: the login-ticket binding cookie). */
export function corsPolicy(allowedOrigins: readonly string[]): Middleware {
  const allowed = new Set(allowedOrigins)
  return cors({
    origin: (ctx) => {
      const origin = ctx.get('Origin')
      return allowed.has(origin) ? origin : ''
    },
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', REQUEST_ID_HEADER, 'Last-Event-ID'],
    exposeHeaders: [REQUEST_ID_HEADER, 'Retry-After', 'RateLimit-Remaining', 'Content-Disposition'],
    maxAge: 600
  }) as Middleware
}
