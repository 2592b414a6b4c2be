// Identity's HTTP surface: parse with the shared schemas (mountRoute), call a use case, shape the response.
// The SSE stream and the binding cookie are HTTP matters and live here; everything else is in the use cases.
import { PassThrough } from 'node:stream'
import { Router } from '@koa/router'
import { authRoutes, LOGIN_TICKET_TTL_SECONDS, type LoginTicketStatus } from '@shebao/shared'
import type { Context } from 'koa'
import type { ModuleDeps } from '../../deps.ts'
import type { AuthContext } from '../../http/auth.ts'
import { registerFieldLabels } from '../../http/errors.ts'
import { mountRoute, routeOf } from '../../http/route.ts'
import { bindingCookieHeader, readBindingSecrets, ticketCookiePath } from './binding-cookie.ts'
import { cancelLoginTicket } from './cancel-login-ticket.ts'
import { changePin } from './change-pin.ts'
import { completeActivation } from './complete-activation.ts'
import { confirmLoginTicket } from './confirm-login-ticket.ts'
import { createIdentityDeps, type IdentityDeps } from './context.ts'
import { createLoginTicket } from './create-login-ticket.ts'
import { getCurrentUser } from './get-current-user.ts'
import { getMyCard } from './get-my-card.ts'
import { listUnitClerks } from './list-unit-clerks.ts'
import { isFinalState } from './login-ticket-store.ts'
import { redeemLoginTicket } from './redeem-login-ticket.ts'
import { refreshSession } from './refresh-session.ts'
import type { RequestMeta } from './request-meta.ts'
import { scanLoginTicket } from './scan-login-ticket.ts'
import { requireLiveSession } from './sessions.ts'
import { signInReviewer } from './sign-in-reviewer.ts'
import { signInWithPin } from './sign-in-with-pin.ts'
import { signOut } from './sign-out.ts'
import { startActivation } from './start-activation.ts'
import { verifyActivationCode } from './verify-activation-code.ts'
import { waitForLoginTicket, watchLoginTicket } from './watch-login-ticket.ts'

registerFieldLabels({
  pin: '电子社保卡密码',
  oldPin: '原密码',
  newPin: '新密码',
  smsCode: '短信验证码',
  challengeId: '验证码',
  activationToken: '开通凭证',
  refreshToken: '刷新令牌',
  ticketId: '二维码',
  shortCode: '登录码',
  target: '登录方式',
  after: '版本',
  wait: '等待时间',
  reveal: '显示明文'
})

/** SSE: a comment line every 15 s keeps proxies and the browser from timing the stream out. */
export const SSE_HEARTBEAT_MS = 15_000

function metaOf(ctx: Context): RequestMeta {
  return { ip: ctx.ip, userAgent: ctx.get('User-Agent'), requestId: ctx.state.requestId }
}

function noStore(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store')
}

export interface IdentityRouterOptions {
  /** Replace parts of identity's deps (clock, SMS sender, e-SSC provider, event bus). */
  overrides?: Partial<IdentityDeps>
}

export function identityRoutes(deps: ModuleDeps, options: IdentityRouterOptions = {}): Router {
  const id = createIdentityDeps(deps, options.overrides)
  const router = new Router()
  const secure = () => id.publicBaseUrl().startsWith('https://')
  const live = (auth: AuthContext) => requireLiveSession(id.prisma, auth, id.clock())

  // ── e-SSC activation and sign-in ──
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/essc/activation'), async ({ body, ctx }) => {
    noStore(ctx)
    return startActivation(id, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/essc/activation/verify'), async ({ body, ctx }) => {
    noStore(ctx)
    return verifyActivationCode(id, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/essc/activation/complete'), async ({ body, ctx }) => {
    noStore(ctx)
    return completeActivation(id, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/essc/sign-in'), async ({ body, ctx }) => {
    noStore(ctx)
    return signInWithPin(id, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/reviewer/sign-in'), async ({ body, ctx }) => {
    noStore(ctx)
    return signInReviewer(id, body, metaOf(ctx))
  })

  // ── sessions ──
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/refresh'), async ({ body, ctx }) => {
    noStore(ctx)
    return refreshSession(id, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/logout'), async ({ auth, ctx }) => signOut(id, auth, metaOf(ctx)))
  mountRoute(router, deps, routeOf(authRoutes, 'GET', '/api/auth/me'), async ({ auth, ctx }) => {
    noStore(ctx)
    return getCurrentUser(id, auth)
  })

  // ── the card ──
  mountRoute(router, deps, routeOf(authRoutes, 'GET', '/api/me/card'), async ({ auth, query, ctx }) => {
    noStore(ctx)
    await live(auth)
    return getMyCard(id, auth, query.reveal, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/me/card/pin'), async ({ auth, body, ctx }) => {
    await live(auth)
    return changePin(id, auth, body, metaOf(ctx))
  })

  // ── scan-code login: PC ──
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/login-tickets'), async ({ body, ctx }) => {
    noStore(ctx)
    const created = await createLoginTicket(id, body, metaOf(ctx))
    ctx.append(
      'Set-Cookie',
      bindingCookieHeader(created.ticket.ticketId, created.bindingSecret, { secure: secure(), maxAgeSeconds: LOGIN_TICKET_TTL_SECONDS + 60 })
    )
    return created.ticket
  })

  mountRoute(router, deps, routeOf(authRoutes, 'GET', '/api/auth/login-tickets/:id/events'), async ({ params, ctx }) => {
    await streamTicketEvents(id, ctx, params.id, deps.closing)
    return undefined
  })

  mountRoute(router, deps, routeOf(authRoutes, 'GET', '/api/auth/login-tickets/:id'), async ({ params, query, ctx }) => {
    noStore(ctx)
    // Stop waiting when the PC goes away, or when the server is shutting down (it answers the state as it is).
    const aborted = new AbortController()
    ctx.res.once('close', () => aborted.abort())
    const onClosing = () => aborted.abort()
    deps.closing.addEventListener('abort', onClosing, { once: true })
    aborted.signal.addEventListener('abort', () => deps.closing.removeEventListener('abort', onClosing), { once: true })
    if (deps.closing.aborted) aborted.abort()
    return waitForLoginTicket(
      id,
      { ticketId: params.id, bindingSecrets: readBindingSecrets(ctx), after: query.after, waitSeconds: query.wait },
      metaOf(ctx),
      aborted.signal
    )
  })

  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/login-tickets/:id/redeem'), async ({ params, ctx }) => {
    noStore(ctx)
    const tokens = await redeemLoginTicket(id, { ticketId: params.id, bindingSecrets: readBindingSecrets(ctx) }, metaOf(ctx))
    // The ticket is spent: drop its binding cookie.
    ctx.append('Set-Cookie', bindingCookieHeader(params.id, 'x', { secure: secure(), maxAgeSeconds: 0 }))
    return tokens
  })

  // ── scan-code login: phone ──
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/login-tickets/scan'), async ({ auth, body, ctx }) => {
    noStore(ctx)
    return scanLoginTicket(id, auth, body, metaOf(ctx))
  })
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/login-tickets/:id/confirm'), async ({ auth, params, body, ctx }) =>
    confirmLoginTicket(id, auth, params.id, body, metaOf(ctx))
  )
  mountRoute(router, deps, routeOf(authRoutes, 'POST', '/api/auth/login-tickets/:id/cancel'), async ({ auth, params, ctx }) =>
    cancelLoginTicket(id, auth, params.id, metaOf(ctx))
  )

  // ── the unit's clerks ──
  mountRoute(router, deps, routeOf(authRoutes, 'GET', '/api/unit/clerks'), async ({ auth }) => {
    await live(auth)
    return listUnitClerks(id, auth)
  })

  return router
}

/**
 * GET /api/auth/login-tickets/:id/events — Server-Sent Events. Each state is one `event: state` with the
 * ticket's version as `id` and LoginTicketStatus JSON as `data`: the current state on connect, then every change
 * the moment the use case that made it publishes it. A comment line every 15 s; the stream ends after a final
 * state. A browser reconnecting (Last-Event-ID) to a ticket that is already final gets 204, which tells
 * EventSource to stop reconnecting. Without the binding cookie: 404 (before any byte of the stream). The stream
 * also ends when the server begins to shut down (`closing`): EventSource reconnects, to another instance or later.
 * The PC closing the stream is normal (app.ts logs Koa's "Premature close" for it at debug).
 */
async function streamTicketEvents(id: IdentityDeps, ctx: Context, ticketId: string, closing: AbortSignal): Promise<void> {
  const stream = new PassThrough()
  const frame = (s: LoginTicketStatus) => `event: state\nid: ${s.version}\ndata: ${JSON.stringify(s)}\n\n`
  const pending: string[] = []
  let open = false
  let heartbeat: NodeJS.Timeout | undefined
  let finished = false

  const finish = () => {
    if (finished) return
    finished = true
    if (heartbeat) clearInterval(heartbeat)
    closing.removeEventListener('abort', finish)
    watch?.close()
    stream.end()
  }
  const onState = (s: LoginTicketStatus) => {
    const text = frame(s)
    if (open) stream.write(text)
    else pending.push(text)
    if (isFinalState(s.state)) setImmediate(finish)
  }

  // Throws (404, 429) before anything is sent.
  let watch: Awaited<ReturnType<typeof watchLoginTicket>> | undefined
  watch = await watchLoginTicket(id, { ticketId, bindingSecrets: readBindingSecrets(ctx) }, metaOf(ctx), onState)

  const lastEventId = Number(ctx.get('Last-Event-ID'))
  if (isFinalState(watch.initial.state) && ctx.get('Last-Event-ID') !== '' && lastEventId >= watch.initial.version) {
    finish()
    ctx.status = 204
    ctx.body = null
    return
  }

  const socket = ctx.req.socket
  socket.setTimeout(0)
  socket.setNoDelay(true)
  socket.setKeepAlive(true)
  ctx.status = 200
  ctx.type = 'text/event-stream; charset=utf-8'
  ctx.set('Cache-Control', 'no-cache, no-store, no-transform')
  ctx.set('X-Accel-Buffering', 'no') // nginx: do not buffer the stream
  ctx.body = stream
  ctx.res.once('close', finish)
  closing.addEventListener('abort', finish, { once: true })
  if (closing.aborted) setImmediate(finish)

  stream.write('retry: 3000\n\n')
  open = true
  for (const text of pending.splice(0)) stream.write(text)
  if (!finished) {
    heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS)
    heartbeat.unref()
  }
}

export { ticketCookiePath }
