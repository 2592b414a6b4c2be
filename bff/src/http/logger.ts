// pino logger with privacy by default: secrets and personal data never reach the log.
//  1. key-based: values under sensitive keys (authorization, cookie, token, pin, password, idNumber, 证件号,
//     phone, mobile …) at any depth are replaced by "[REDACTED]";
//  2. text-based: 18-character ID numbers and 11-digit mobile numbers inside any logged string (messages,
//     URLs, error messages and stacks) are masked.
// pino's own `redact` (fast-redact) only knows fixed paths, so the deep walk is ours; it runs once per log call
// on small objects.
import type { Middleware } from 'koa'
import pino, { type DestinationStream, type Logger } from 'pino'

export type { Logger } from 'pino'

const REDACTED = '[REDACTED]'

/** Keys compared after lower-casing and dropping `-` and `_`. */
const SENSITIVE_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'jwt',
  'secret',
  'bindingsecret',
  'clientsecret',
  'pin',
  'oldpin',
  'newpin',
  'password',
  'oldpassword',
  'newpassword',
  'passwd',
  'smscode',
  'otp',
  'verificationcode',
  'idnumber',
  'idno',
  'idcard',
  'idcardno',
  'idcardnumber',
  'certno',
  'certificateno',
  'sfzh',
  '证件号',
  '证件号码',
  '身份证号',
  '身份证号码',
  'phone',
  'phoneno',
  'phonenumber',
  'mobile',
  'mobileno',
  'mobilephone',
  'tel',
  '手机号',
  '手机号码',
  '联系电话',
  'privatekey',
  'privatekeypem',
  'jwtprivatekeypem',
  'databaseurl'
])

export function isSensitiveKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_]/g, '')
  return SENSITIVE_KEYS.has(k) || /(token|secret|password)$/.test(k)
}

// 18-char resident ID (17 digits + digit/X) not inside a longer digit run; 11-digit mainland mobile.
const ID_NUMBER_RE = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g
const PHONE_RE = /(?:(?<!\d)|(?<=(?<!\d)(?:\+|00)?86[- ]?))(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
// Bearer/JWT-looking tokens that slipped into a message.
const JWT_RE = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g

/** Masks ID numbers (keeps region + last 4: 110101********123X), mobiles (138****5678) and JWTs in free text. */
export function maskSensitiveText(s: string): string {
  if (s.length < 11) return s
  return s.replace(JWT_RE, '[JWT]').replace(ID_NUMBER_RE, '$1********$2').replace(PHONE_RE, '$1****$2')
}

const MAX_DEPTH = 8

/** Deep copy with sensitive keys redacted and strings masked. Errors become plain objects (type, message, stack, code). */
export function sanitize(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskSensitiveText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[Object]'
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: maskSensitiveText(value.message) }
    if (value.stack) out['stack'] = maskSensitiveText(value.stack)
    for (const [k, v] of Object.entries(value)) {
      if (k === 'name' || k === 'message' || k === 'stack') continue
      out[k] = isSensitiveKey(k) ? REDACTED : sanitize(v, depth + 1, seen)
    }
    if (value.cause !== undefined) out['cause'] = sanitize(value.cause, depth + 1, seen)
    return out
  }
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1, seen))
  if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
    return value instanceof Date ? value : `[${value.constructor.name} ${(value as Uint8Array).byteLength} bytes]`
  }
  if (value instanceof Map) return sanitize(Object.fromEntries(value), depth, seen)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSensitiveKey(k) ? REDACTED : sanitize(v, depth + 1, seen)
  }
  return out
}

export interface LoggerOptions {
  level?: string
  /** Where to write (tests pass a stream to capture lines); default stdout. */
  destination?: DestinationStream
  base?: Record<string, unknown>
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: opts.base ?? { service: 'shebao-bff' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces for the well-known places (fast-redact); the deep walk below covers the rest.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
          'headers["set-cookie"]'
        ],
        censor: REDACTED
      },
      // sanitize() (below) has already turned errors into plain { type, message, stack, … } objects; pino's
      // default err serializer would re-label them as type "Object".
      serializers: { err: (e: unknown) => e },
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => sanitize(obj) as Record<string, unknown>
      },
      hooks: {
        logMethod(args, method) {
          // pino takes the message of `log.error(err)` / `log.error({ err })` from err.message itself, after
          // this hook and outside formatters: give it the masked message explicitly.
          const first = args[0] as unknown
          if (args.length === 1 && first instanceof Error) {
            ;(args as unknown[]).splice(0, 1, { err: first }, first.message)
          } else if (args.length === 1 && first && typeof first === 'object' && (first as { err?: unknown }).err instanceof Error) {
            ;(args as unknown[]).push(((first as { err: Error }).err).message)
          }
          for (let i = 0; i < args.length; i++) {
            const a = args[i]
            if (typeof a === 'string') (args as unknown[])[i] = maskSensitiveText(a)
          }
          return method.apply(this, args as Parameters<typeof method>)
        }
      }
    },
    opts.destination ?? pino.destination({ sync: false })
  )
}

// ── client aborts ──────────────────────────────────────────────────────────────────────────────────────────
const ABORT_CODES = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED'])

/**
 * Did the client go away while a streamed body was being sent (a PC closing the scan-login SSE stream, a tab
 * closed during a PDF download)? Koa reports it as an app error ("Premature close"); it is normal and logged at
 * debug. Only when the response itself was cut off unfinished: the same code from a failing source stream, with
 * the connection still open, stays an error.
 */
export function isClientAbort(err: unknown, ctx: { res: { writableFinished: boolean; destroyed: boolean }; req: { socket?: { destroyed: boolean } | null } } | undefined): boolean {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined
  if (typeof code !== 'string' || !ABORT_CODES.has(code) || !ctx) return false
  return !ctx.res.writableFinished && (ctx.res.destroyed || ctx.req.socket?.destroyed === true)
}

// ── access log ─────────────────────────────────────────────────────────────────────────────────────────────
const SECRET_QUERY_KEYS = /^(code|ticket|state|sig|signature|key)$/i

/** Query string for the log: sensitive parameters' values replaced, the rest masked as text. */
export function loggableQuery(querystring: string): string | undefined {
  if (!querystring) return undefined
  const params = new URLSearchParams(querystring)
  const parts: string[] = []
  for (const [k, v] of params) {
    const value = isSensitiveKey(k) || SECRET_QUERY_KEYS.test(k) ? REDACTED : maskSensitiveText(v)
    parts.push(`${k}=${value}`)
  }
  return parts.join('&')
}

/** One line per request when the response is finished: method, path, status, ms, requestId (+ error code). */
export function accessLog(): Middleware {
  return async function accessLogMiddleware(ctx, next) {
    const start = process.hrtime.bigint()
    const done = () => {
      ctx.res.off('finish', done)
      ctx.res.off('close', done)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      const status = ctx.status
      const line: Record<string, unknown> = {
        method: ctx.method,
        path: ctx.path,
        status,
        ms: Math.round(ms * 10) / 10
        // requestId: bound to ctx.log already
      }
      const query = loggableQuery(ctx.querystring)
      if (query) line['query'] = query
      if (ctx.state.errorCode) line['errorCode'] = ctx.state.errorCode
      if (!ctx.res.writableFinished) line['aborted'] = true
      if (status >= 500) ctx.log.error(line, 'request')
      else ctx.log.info(line, 'request')
    }
    ctx.res.once('finish', done)
    ctx.res.once('close', done)
    await next()
  }
}
