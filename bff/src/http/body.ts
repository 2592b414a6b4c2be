// Request bodies: JSON only, 1 MB cap, parsed for /api routes. Multipart uploads are left untouched for the
// media module to stream with busboy (its own size cap on the stream). Any other body → 415.
import { bodyParser } from '@koa/bodyparser'
import type { Middleware } from 'koa'
import { AppError } from './errors.ts'

export const JSON_LIMIT = '1mb'

/** Content types whose body is not parsed here but streamed by the route itself. */
const STREAMED_TYPES = ['multipart/form-data']

export function jsonBody(): Middleware {
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit: JSON_LIMIT,
    jsonStrict: true,
    parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    encoding: 'utf-8',
    // We only call it once we know the body is JSON (including any `+json` type).
    detectJSON: () => true
  }) as unknown as Middleware
  return async function jsonBodyMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/api/') || !hasBody(ctx.req.headers)) return next()
    if (ctx.is('application/json', '+json')) return parse(ctx, next)
    if (ctx.is(...STREAMED_TYPES)) return next()
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '请以 JSON 格式提交' })
  }
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const len = headers['content-length']
  return headers['transfer-encoding'] !== undefined || (len !== undefined && len !== '0')
}
