// What identity's use cases are built from. Made once per app by the router factory (routes.ts) from the
// app's ModuleDeps; tests, the CLI and the benchmark can make one with their own clock, SMS sender or bus.
import type { Config } from '../../config.ts'
import type { PrismaClient } from '../../db/client.ts'
import type { SigningKeys } from '../../http/keys.ts'
import type { Logger } from '../../http/logger.ts'
import type { RateLimiter } from '../../http/rate-limit.ts'
import { systemClock, type Clock } from './clock.ts'
import type { EsscProvider } from './essc-provider.ts'
import { createLocalEsscProvider } from './local-essc-provider.ts'
import { OutboxSmsSender, type SmsSender } from './sms-sender.ts'
import { InMemoryTicketEvents, type TicketEvents } from './ticket-events.ts'

export interface IdentityDeps {
  prisma: PrismaClient
  keys: SigningKeys
  logger: Logger
  rateLimiter: RateLimiter
  clock: Clock
  /** The e-SSC issuer (the local one by default). */
  essc: EsscProvider
  sms: SmsSender
  /** Push of login-ticket state changes to the waiting PC. */
  ticketEvents: TicketEvents
  /** Origin the public sees (QR content, cookie Secure flag); read when needed (config may be settled late). */
  publicBaseUrl: () => string
}

export interface IdentityDepsInput {
  config: Config
  prisma: PrismaClient
  keys: SigningKeys
  logger: Logger
  rateLimiter: RateLimiter
}

export function createIdentityDeps(base: IdentityDepsInput, overrides: Partial<IdentityDeps> = {}): IdentityDeps {
  const logger = base.logger.child({ module: 'identity' })
  const sms = overrides.sms ?? new OutboxSmsSender(base.prisma, logger, base.config.nodeEnv === 'development')
  if (base.config.nodeEnv === 'production' && sms instanceof OutboxSmsSender) {
    logger.warn('SMS sender is the development outbox: activation codes are stored in sms_outbox, not delivered')
  }
  return {
    prisma: base.prisma,
    keys: base.keys,
    logger,
    rateLimiter: base.rateLimiter,
    clock: overrides.clock ?? systemClock,
    essc: overrides.essc ?? createLocalEsscProvider(base.prisma),
    sms,
    ticketEvents: overrides.ticketEvents ?? new InMemoryTicketEvents((err) => logger.error({ err }, 'login-ticket listener failed')),
    publicBaseUrl: overrides.publicBaseUrl ?? (() => base.config.publicBaseUrl)
  }
}
