// Per-account lockout for secrets (e-SSC PINs, reviewer passwords): at most MAX_SECRET_FAILURES wrong tries, then
// locked for LOCKOUT_SECONDS; a success clears the count.
//
// An attempt is *claimed* (counted) before the slow hash is checked, inside a row lock, and given back on success.
// So a burst of parallel guesses cannot all slip in before the first failure is written: the sixth parallel try is
// refused without checking anything. The counter lives on the account row (essc_card.pin_failures / reviewer.failures
// + locked_until), times come from the module's clock.
//
// For identifiers that match no account (an unknown ID number, a PENDING card, an unknown reviewer name) the same
// answers are produced from rate-limit buckets (`phantomAttempt`), so "unknown account" and "wrong secret" cannot be
// told apart by their replies: both count down "还可尝试N次" and lock for 15 minutes on the fifth try.
import { Prisma, type PrismaClient } from '../../db/client.ts'
import { inTransaction } from '../../db/tx.ts'
import { bucketKeyFor, type RateLimiter } from '../../http/rate-limit.ts'
import { addSeconds } from './clock.ts'
import { LOCKOUT_SECONDS, MAX_SECRET_FAILURES } from './limits.ts'

/** The tables that carry a lockout counter, with the counter's column. Identifiers are constants, never input. */
const TABLES = {
  essc_card: Prisma.raw('pin_failures'),
  reviewer: Prisma.raw('failures')
} as const
export type GuardedTable = keyof typeof TABLES

export type AttemptClaim = { kind: 'claimed'; attempt: number } | { kind: 'locked'; until: Date }
export type AttemptFailure = { kind: 'incorrect'; attemptsLeft: number } | { kind: 'locked'; until: Date }

/** Count one attempt on the account, or say it is locked. An expired lock starts a fresh count. */
export async function claimAttempt(prisma: PrismaClient, table: GuardedTable, id: number, now: Date): Promise<AttemptClaim> {
  const column = TABLES[table]
  const name = Prisma.raw(table)
  return inTransaction(prisma, async (tx) => {
    const rows = await tx.$queryRaw<Array<{ failures: number | bigint; locked_until: Date | null }>>`
      SELECT ${column} AS failures, locked_until FROM ${name} WHERE id = ${id} FOR UPDATE`
    const row = rows[0]
    if (!row) throw new Error(`${table} ${id} vanished during sign-in`)
    let failures = Number(row.failures)
    if (row.locked_until && row.locked_until.getTime() > now.getTime()) return { kind: 'locked', until: row.locked_until }
    if (row.locked_until) failures = 0 // the lock has run out: a fresh start
    if (failures >= MAX_SECRET_FAILURES) {
      // Only reachable when MAX attempts are in flight at once: refuse this one without checking it.
      return { kind: 'locked', until: addSeconds(now, LOCKOUT_SECONDS) }
    }
    failures += 1
    await tx.$executeRaw`UPDATE ${name} SET ${column} = ${failures}, locked_until = NULL WHERE id = ${id}`
    return { kind: 'claimed', attempt: failures }
  })
}

/** The claimed attempt was right: clear the count. */
export async function attemptSucceeded(prisma: PrismaClient, table: GuardedTable, id: number): Promise<void> {
  const column = TABLES[table]
  await prisma.$executeRaw`UPDATE ${Prisma.raw(table)} SET ${column} = 0, locked_until = NULL WHERE id = ${id}`
}

/** The claimed attempt was wrong: it stays counted; the last allowed one locks the account. */
export async function attemptFailed(prisma: PrismaClient, table: GuardedTable, id: number, attempt: number, now: Date): Promise<AttemptFailure> {
  if (attempt < MAX_SECRET_FAILURES) return { kind: 'incorrect', attemptsLeft: MAX_SECRET_FAILURES - attempt }
  const until = addSeconds(now, LOCKOUT_SECONDS)
  await prisma.$executeRaw`UPDATE ${Prisma.raw(table)} SET locked_until = ${until} WHERE id = ${id}`
  return { kind: 'locked', until }
}

/**
 * The same answers for an identifier that matches no account, from two rate-limit buckets: `fail` counts wrong
 * tries (a day's window), `lock` opens a 15-minute window at the fifth. No personal data is stored: bucket keys are
 * hashed by the limiter helper.
 */
export async function phantomAttempt(limiter: RateLimiter, kind: string, identifier: string, now: Date): Promise<AttemptFailure> {
  const failKey = bucketKeyFor(`phantom-fail.${kind}`, identifier)
  const lockKey = bucketKeyFor(`phantom-lock.${kind}`, identifier)
  const fails = await limiter.hit(failKey, MAX_SECRET_FAILURES, 24 * 3600)
  if (fails.count < MAX_SECRET_FAILURES) return { kind: 'incorrect', attemptsLeft: MAX_SECRET_FAILURES - fails.count }
  // Fifth failure: the lock window opens (count 1). Later tries: still inside it (count ≥ 2), or it ran out.
  const lock = await limiter.hit(lockKey, 1, LOCKOUT_SECONDS)
  if (fails.count === MAX_SECRET_FAILURES || !lock.allowed) {
    return { kind: 'locked', until: addSeconds(now, fails.count === MAX_SECRET_FAILURES ? LOCKOUT_SECONDS : lock.retryAfterSeconds) }
  }
  // The lock ran out (this hit opened a new lock window): start counting again, this try being the first.
  await limiter.reset(lockKey)
  await limiter.reset(failKey)
  const again = await limiter.hit(failKey, MAX_SECRET_FAILURES, 24 * 3600)
  return { kind: 'incorrect', attemptsLeft: MAX_SECRET_FAILURES - again.count }
}
