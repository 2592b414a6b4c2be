// Error → response. Everything thrown below this middleware becomes `{ error: { code, message, field?, requestId } }`
// with a status from the catalogue. Unknown errors become 500 INTERNAL; their details go to the log only.
import type { Middleware } from 'koa'
import { AppError, errorBody, errorCatalogue, fieldLabel, type ErrorCode } from './errors.ts'

// ── zod ────────────────────────────────────────────────────────────────────────────────────────────────────
interface ZodIssueLike {
  code: string
  path: ReadonlyArray<PropertyKey>
  message: string
  expected?: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
  keys?: string[]
  values?: unknown[]
}

export function isZodError(err: unknown): err is Error & { issues: ZodIssueLike[] } {
  return (
    err instanceof Error &&
    (err.name === 'ZodError' || err.name === '$ZodError') &&
    Array.isArray((err as { issues?: unknown }).issues)
  )
}

const CJK = /[\u3400-\u9fff]/

function issueReason(issue: ZodIssueLike): string {
  if (CJK.test(issue.message)) return issue.message // the shared schema already says it in Chinese
  const n = (v: number | bigint | undefined) => String(v)
  const isLength = issue.origin === 'string'
  const isCount = issue.origin === 'array' || issue.origin === 'set'
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? '不能为空' : '类型不正确'
    case 'too_small':
      if (isLength) return Number(issue.minimum) <= 1 ? '不能为空' : `长度不能少于${n(issue.minimum)}位`
      if (isCount) return `至少需要${n(issue.minimum)}项`
      return `不能小于${n(issue.minimum)}`
    case 'too_big':
      if (isLength) return `长度不能超过${n(issue.maximum)}位`
      if (isCount) return `最多${n(issue.maximum)}项`
      return `不能大于${n(issue.maximum)}`
    case 'invalid_format':
      return '格式不正确'
    case 'not_multiple_of':
      return '数值精度不正确'
    case 'invalid_value':
      return '取值不在允许范围内'
    case 'unrecognized_keys':
      return `包含不支持的字段${issue.keys?.length ? '：' + issue.keys.join('、') : ''}`
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不正确'
    default:
      return '不符合要求'
  }
}

function issueField(issue: ZodIssueLike): string | undefined {
  const segs = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
  return segs.length ? segs.join('.') : undefined
}

/**
 * The message of one issue. A label without Chinese is a field the catalogue of field labels does not know (its
 * raw key, "status"): never glue it to the reason ("status参保状态代码无效"). A reason the shared schema wrote in
 * Chinese names the field itself; a generic reason gets the key quoted.
 */
function messageFor(label: string, reason: string, reasonFromSchema: boolean): string {
  if (!label) return reason
  if (reason.startsWith(label)) return reason // "证件号码格式不正确" already names the field: don't say it twice
  if (CJK.test(label)) return `${label}${reason}`
  return reasonFromSchema ? reason : `参数“${label}”${reason}`
}

/** A zod failure → 400 VALIDATION_FAILED naming the (first) field in Chinese; all issues go in `meta.issues`. */
export function fromZodError(err: { issues: ZodIssueLike[] }): AppError {
  const issues = err.issues.map((issue) => {
    const field = issueField(issue)
    const label = field ? fieldLabel(field) : ''
    const reason = issueReason(issue)
    const message = !field && reason === '不能为空' ? '请求内容不能为空' : messageFor(label, reason, CJK.test(issue.message))
    return { field, message }
  })
  const first = issues[0]
  const opts: ConstructorParameters<typeof AppError>[1] = {
    message: `${errorCatalogue.VALIDATION_FAILED.message.split('：')[0]}：${first?.message ?? '不符合要求'}`,
    meta: { issues: issues.map((i) => (i.field ? { field: i.field, message: i.message } : { message: i.message })) }
  }
  if (first?.field !== undefined) opts.field = first.field
  return new AppError('VALIDATION_FAILED', opts)
}

// ── Prisma (duck-typed so this file does not depend on the generated client) ───────────────────────────────
function fromPrismaError(err: Error & { code?: unknown }): AppError | undefined {
  const name = err.name
  if (name === 'PrismaClientKnownRequestError' && typeof err.code === 'string') {
    switch (err.code) {
      case 'P2002': // unique constraint
        return new AppError('CONFLICT', { cause: err })
      case 'P2025': // record required but not found
      case 'P2001':
        return new AppError('NOT_FOUND', { cause: err })
      case 'P2034': // write conflict / deadlock (retried by inTransaction first)
        return new AppError('CONFLICT', { cause: err })
      case 'P1001':
      case 'P1002':
      case 'P1008':
      case 'P1017':
      case 'P2024': // pool timeout
      case 'P2037': // too many connections
        return new AppError('SERVICE_UNAVAILABLE', { cause: err })
      default:
        return undefined
    }
  }
  if (name === 'PrismaClientInitializationError') return new AppError('SERVICE_UNAVAILABLE', { cause: err })
  // The mariadb driver's own connection failures (pool acquire timeout, ECONNREFUSED) surface untranslated.
  const code = (err as { code?: unknown }).code
  if (
    name === 'SqlError' &&
    (code === 'ER_GET_CONNECTION_TIMEOUT' || code === 'ECONNREFUSED' || code === 'ER_CONNECTION_TIMEOUT' || code === 'ER_POOL_ALREADY_CLOSED')
  ) {
    return new AppError('SERVICE_UNAVAILABLE', { cause: err })
  }
  return undefined
}

// ── koa / http-errors / body parser ───────────────────────────────────────────────────────────────────────
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  501: 'METHOD_NOT_ALLOWED',
  503: 'SERVICE_UNAVAILABLE'
}

function fromHttpError(err: Error & { status?: unknown; statusCode?: unknown; type?: unknown; headers?: unknown }): AppError | undefined {
  const status = typeof err.status === 'number' ? err.status : typeof err.statusCode === 'number' ? err.statusCode : undefined
  if (status === undefined || status < 400 || status > 599) return undefined
  // co-body rethrows JSON.parse's SyntaxError with status 400 (no `type`)
  if (err instanceof SyntaxError && status === 400) {
    return new AppError('BAD_REQUEST', { detail: '请求体不是有效的 JSON', cause: err })
  }
  // raw-body / co-body error types
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('BAD_REQUEST', { detail: '请求体不是有效的 JSON', cause: err })
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', { cause: err })
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '不支持的字符编码', cause: err })
    case 'request.size.invalid':
    case 'request.aborted':
      return new AppError('BAD_REQUEST', { cause: err })
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST')
  const opts: ConstructorParameters<typeof AppError>[1] = { cause: err }
  if (err.headers && typeof err.headers === 'object' && status === 405) {
    const allow = (err.headers as Record<string, unknown>)['Allow'] ?? (err.headers as Record<string, unknown>)['allow']
    if (typeof allow === 'string') opts.headers = { Allow: allow }
  }
  return new AppError(code, opts)
}

/** Map anything thrown to an AppError. Unknown errors → INTERNAL (500), with the original as `cause`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (isZodError(err)) return fromZodError(err)
  if (err instanceof Error) {
    const mapped = fromPrismaError(err) ?? fromHttpError(err)
    if (mapped) return mapped
    return new AppError('INTERNAL', { cause: err })
  }
  return new AppError('INTERNAL', { cause: err })
}

/** Koa middleware: must sit outside everything that can throw (after request id and access log). */
export function errorHandler(): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next()
    } catch (thrown) {
      const err = toAppError(thrown)
      const requestId = ctx.state.requestId ?? ''
      const log = ctx.log
      if (ctx.headerSent || !ctx.writable) {
        // A streamed response failed half-way: nothing sensible can be sent any more.
        log?.error({ err: err.cause ?? err, code: err.code }, 'error after response headers were sent')
        ctx.state.errorCode = err.code
        return
      }
      if (err.status >= 500) {
        log?.error({ err: err.cause ?? err, code: err.code, status: err.status }, 'request failed')
      } else if (err.cause !== undefined) {
        log?.info({ code: err.code, status: err.status, reason: errMessage(err.cause) }, 'request rejected')
      }
      ctx.status = err.status
      ctx.remove('Content-Disposition')
      ctx.set('Cache-Control', 'no-store')
      if (err.headers) ctx.set(err.headers)
      ctx.type = 'application/json; charset=utf-8'
      ctx.body = errorBody(err, requestId)
      // Tell the access log what happened.
      ctx.state.errorCode = err.code
    }
  }
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
