// The scan-code login binding cookie: the secret only the creating browser holds. One cookie name, scoped by Path
// to its own ticket (/api/auth/login-tickets/<id>), so several tickets (tabs) never overwrite each other and the
// secret travels only to that ticket's events, long-poll and redeem. httpOnly (no script reads it), SameSite=Strict
// (no other site's page can make the browser send it), Secure when the public URL is https. Written by hand rather
// than with ctx.cookies: behind a TLS-terminating proxy without TRUST_PROXY, Koa would refuse a Secure cookie.
import type { Context } from 'koa'

export const BINDING_COOKIE = 'shebao_lt'

export function ticketCookiePath(ticketId: string): string {
  return `/api/auth/login-tickets/${ticketId}`
}

export function bindingCookieHeader(ticketId: string, secret: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${BINDING_COOKIE}=${secret}`,
    `Path=${ticketCookiePath(ticketId)}`,
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(opts.secure ? ['Secure'] : [])
  ].join('; ')
}

/** Every value of the binding cookie the request carries (normally one). */
export function readBindingSecrets(ctx: Context): string[] {
  const header = ctx.get('Cookie')
  if (!header) return []
  const out: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() !== BINDING_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    if (/^[A-Za-z0-9_-]{16,128}$/.test(value)) out.push(value)
  }
  return out
}
