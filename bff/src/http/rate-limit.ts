// Rate limits: fixed windows per bucket key (the window opens at the first hit and lasts windowSeconds).
// The default limiter keeps its buckets in the database (table rate_limit_bucket) so the BFF stays stateless
// and every instance shares the counts; the in-memory one is for unit tests and single-process tools.
import crypto from 'node:crypto'
import type { Context, Middleware } from 'koa'
import type { PrismaClient } from '../db/client.ts'
import { AppError } from './errors.ts'

export interface RateLimitResult {
  allowed: boolean
  /** Hits counted in the current window, including this one. */
  count: number
  remaining: number
  /** Seconds until the window resets (≥ 1). */
  retryAfterSeconds: number
}

export interface RateLimiter {
  /** Count one hit on `bucketKey`; allowed while the window's count ≤ limit. */
  hit(bucketKey: string, limit: number, windowSeconds: number): Promise<RateLimitResult>
  /** Forget a bucket (e.g. clear a failed-PIN counter after a successful login). */
  reset(bucketKey: string): Promise<void>
}

// ── in memory ──────────────────────────────────────────────────────────────────────────────────────────────
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { count: number; resetAt: number }>()
  private lastSweep = Date.now()

  constructor(private readonly now: () => number = Date.now) {}

  async hit(bucketKey: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = this.now()
    this.sweep(now)
    let bucket = this.buckets.get(bucketKey)
    if (!bucket || bucket.resetAt <= now) {
      bucket = { count: 0, resetAt: now + windowSeconds * 1000 }
      this.buckets.set(bucketKey, bucket)
    }
    bucket.count += 1
    return result(bucket.count, limit, (bucket.resetAt - now) / 1000)
  }

  async reset(bucketKey: string): Promise<void> {
    this.buckets.delete(bucketKey)
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000 && this.buckets.size < 10_000) return
    this.lastSweep = now
    for (const [k, b] of this.buckets) if (b.resetAt <= now) this.buckets.delete(k)
  }
}

// ── database ───────────────────────────────────────────────────────────────────────────────────────────────
/**
 * One atomic upsert per hit: a new or expired bucket restarts at 1, a live one increments. Times come from the
 * database clock (UTC_TIMESTAMP), so instances with drifting clocks agree. MySQL/MariaDB evaluate the UPDATE
 * assignments left to right, so `expires_at` is assigned last and the earlier IF()s still see the old value.
 * The upsert and the read run in one short transaction: the upsert holds the row lock until commit, so the count
 * we read is exactly ours even under a burst (no hit is judged by a later hit's count).
 */
export class DbRateLimiter implements RateLimiter {
  constructor(
    private readonly db: PrismaClient,
    /** Delete long-expired buckets on roughly one hit in `sweepEvery`. */
    private readonly sweepEvery = 500
  ) {}

  async hit(bucketKey: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const windowUs = Math.round(windowSeconds * 1_000_000)
    const [, rows] = await this.db.$transaction([
      this.db.$executeRaw`
        INSERT INTO rate_limit_bucket (\`key\`, window_start, count, expires_at)
        VALUES (${bucketKey}, UTC_TIMESTAMP(3), 1, UTC_TIMESTAMP(3) + INTERVAL ${windowUs} MICROSECOND)
        ON DUPLICATE KEY UPDATE
          count = IF(expires_at <= UTC_TIMESTAMP(3), 1, count + 1),
          window_start = IF(expires_at <= UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), window_start),
          expires_at = IF(expires_at <= UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ${windowUs} MICROSECOND, expires_at)`,
      this.db.$queryRaw<Array<{ count: number | bigint; remaining_us: number | bigint | null }>>`
        SELECT count, TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), expires_at) AS remaining_us
        FROM rate_limit_bucket WHERE \`key\` = ${bucketKey}`
    ])
    if (Math.random() * this.sweepEvery < 1) void this.sweep().catch(() => {})
    const row = rows[0]
    if (!row) return result(1, limit, windowSeconds)
    return result(Number(row.count), limit, Number(row.remaining_us ?? 0) / 1e6)
  }

  async reset(bucketKey: string): Promise<void> {
    await this.db.$executeRaw`DELETE FROM rate_limit_bucket WHERE \`key\` = ${bucketKey}`
  }

  /** Remove buckets that expired over an hour ago (bounded per call). */
  async sweep(): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM rate_limit_bucket WHERE expires_at < UTC_TIMESTAMP(3) - INTERVAL 1 HOUR LIMIT 1000`
  }
}

function result(count: number, limit: number, secondsLeft: number): RateLimitResult {
  return {
    allowed: count <= limit,
    count,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(secondsLeft))
  }
}

// ── using it ───────────────────────────────────────────────────────────────────────────────────────────────
/** Bucket key for a limit name and a caller key. The caller key (an IP, a phone, an ID number) is hashed so no
 *  personal data is stored in the buckets table, and the length stays within the 191-char key column. */
export function bucketKeyFor(name: string, key: string): string {
  return `${name}:${crypto.createHash('sha256').update(key).digest('base64url')}`
}

export interface RateLimitRule {
  /** Stable name of the limit, e.g. 'login-ticket.create'. */
  name: string
  limit: number
  windowSeconds: number
}

/** For use cases (no ctx): count a hit and throw 429 RATE_LIMITED with Retry-After when over the limit. */
export async function enforceRateLimit(limiter: RateLimiter, rule: RateLimitRule, key: string): Promise<RateLimitResult> {
  const r = await limiter.hit(bucketKeyFor(rule.name, key), rule.limit, rule.windowSeconds)
  if (!r.allowed) {
    throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(r.retryAfterSeconds) } })
  }
  return r
}

export interface RateLimitOptions extends RateLimitRule {
  /** Caller key, e.g. `ctx => ctx.ip` or `ctx => String(ctx.state.auth?.personId)`; undefined/'' → not limited. */
  key: (ctx: Context) => string | undefined
  /** Defaults to the app's limiter (`ctx.rateLimiter`, installed by createApp). */
  limiter?: RateLimiter
}

/** Koa middleware: `router.post('/api/auth/login-tickets', rateLimit({ name, limit: 10, windowSeconds: 60, key: ctx => ctx.ip }), …)` */
export function rateLimit(opts: RateLimitOptions): Middleware {
  return async function rateLimitMiddleware(ctx, next) {
    const key = opts.key(ctx)
    if (key) {
      const limiter = opts.limiter ?? ctx.rateLimiter
      const r = await enforceRateLimit(limiter, opts, key)
      ctx.set('RateLimit-Remaining', String(r.remaining))
    }
    await next()
  }
}
