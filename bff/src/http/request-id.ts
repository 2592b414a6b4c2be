// Request id: accept the caller's X-Request-Id when it looks sane (a proxy or the miniapp may set one), else
// generate a UUID; echo it on the response and bind it to the per-request logger.
import crypto from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from 'pino'

export const REQUEST_ID_HEADER = 'X-Request-Id'
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/

export function requestId(logger: Logger): Middleware {
  return async function requestIdMiddleware(ctx, next) {
    const incoming = ctx.get(REQUEST_ID_HEADER)
    const id = SANE_ID.test(incoming) && !looksPersonal(incoming) ? incoming : crypto.randomUUID()
    ctx.state.requestId = id
    ctx.set(REQUEST_ID_HEADER, id)
    ctx.log = logger.child({ requestId: id })
    await next()
  }
}

/** An id that is an ID number or phone would be logged verbatim on every line; refuse it. */
function looksPersonal(id: string): boolean {
  return /\d{11}/.test(id)
}
