// 扫码登录, PC side: a ticket with a 120-second life, a QR pointing at the phone's confirm page, an 8-character
// code to type when scanning is not possible, and a binding secret that only the creating browser gets (as an
// httpOnly cookie; the database keeps its sha256). Only that browser can follow the ticket and redeem it.
import crypto from 'node:crypto'
import {
  LOGIN_SHORT_CODE_ALPHABET,
  LOGIN_SHORT_CODE_LENGTH,
  LOGIN_TICKET_TTL_SECONDS,
  type CreateLoginTicketResponse,
  type LoginTarget
} from '@shebao/shared'
import { enforceRateLimit } from '../../http/rate-limit.ts'
import { addSeconds } from './clock.ts'
import type { IdentityDeps } from './context.ts'
import { LIMITS } from './limits.ts'
import { statusOf } from './login-ticket-store.ts'
import type { RequestMeta } from './request-meta.ts'
import { randomToken, sha256Hex } from './secrets.ts'

/** 8 characters of a 31-letter alphabet: ~40 bits; tickets live 2 minutes and scanning is rate-limited. */
export function newShortCode(): string {
  let s = ''
  for (let i = 0; i < LOGIN_SHORT_CODE_LENGTH; i++) s += LOGIN_SHORT_CODE_ALPHABET[crypto.randomInt(LOGIN_SHORT_CODE_ALPHABET.length)]
  return s
}

/** The phone's confirm page (H5 hash route of the pkg-auth subpackage) for this ticket. */
export function confirmPageUrl(publicBaseUrl: string, ticketId: string): string {
  return `${publicBaseUrl}/#/pkg-auth/pages/confirm/index?ticket=${encodeURIComponent(ticketId)}`
}

export interface CreatedLoginTicket {
  ticket: CreateLoginTicketResponse
  /** Goes to the creating browser only, as the binding cookie. */
  bindingSecret: string
}

export async function createLoginTicket(deps: IdentityDeps, input: { target: LoginTarget }, meta: RequestMeta): Promise<CreatedLoginTicket> {
  await enforceRateLimit(deps.rateLimiter, LIMITS.ticketCreatePerIp, meta.ip)
  const now = deps.clock()
  const id = crypto.randomUUID()
  const bindingSecret = randomToken()
  const expiresAt = addSeconds(now, LOGIN_TICKET_TTL_SECONDS)
  for (let attempt = 1; ; attempt++) {
    const shortCode = newShortCode()
    try {
      const row = await deps.prisma.loginTicket.create({
        data: {
          id,
          shortCode,
          target: input.target,
          bindingHash: sha256Hex(bindingSecret),
          requesterIp: meta.ip ? meta.ip.slice(0, 64) : null,
          requesterAgent: meta.userAgent ? meta.userAgent.slice(0, 256) : null,
          createdAt: now,
          expiresAt
        }
      })
      if (Math.random() < 0.01) void sweepOldTickets(deps, now).catch((err) => deps.logger.warn({ err }, 'login ticket sweep failed'))
      return {
        ticket: {
          ...statusOf(row),
          shortCode,
          qrContent: confirmPageUrl(deps.publicBaseUrl(), id),
          ttlSeconds: LOGIN_TICKET_TTL_SECONDS
        },
        bindingSecret
      }
    } catch (err) {
      // A short-code collision (unique index): draw another, a few times.
      if (attempt < 5 && (err as { code?: unknown }).code === 'P2002') continue
      throw err
    }
  }
}

/** Tickets are worthless a few minutes after expiry; keep a day for support questions, then delete. */
async function sweepOldTickets(deps: IdentityDeps, now: Date): Promise<void> {
  await deps.prisma.loginTicket.deleteMany({ where: { expiresAt: { lt: addSeconds(now, -24 * 3600) } } })
}
