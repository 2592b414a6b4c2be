// Every verification attempt is logged in certificate_verification (time, IP, user agent, result, token check).
// The public endpoint must answer thousands of requests a second, so attempts are written in small batches (one
// multi-row INSERT through the raw driver at most every `maxDelayMs`, or at `maxBatch` rows) instead of one INSERT
// per request; the response does not wait for it. A crash loses at most the last few milliseconds of attempts; `flush()` on
// shutdown and in tests writes what is pending.
import type { Logger } from '../../http/logger.ts'
import { utcText, type SqlReader } from './sql.ts'

export interface VerificationAttempt {
  certificateId: number | null
  result: string
  tokenCheck: string
  ip: string
  userAgent: string
  createdAt: Date
}

export interface VerificationLogOptions {
  maxDelayMs?: number
  maxBatch?: number
}

export class VerificationLog {
  private queue: VerificationAttempt[] = []
  private timer: NodeJS.Timeout | undefined
  private inFlight = new Set<Promise<void>>()
  private readonly maxDelayMs: number
  private readonly maxBatch: number

  constructor(
    private readonly sql: Pick<SqlReader, 'query'>,
    private readonly logger: Pick<Logger, 'error'>,
    opts: VerificationLogOptions = {}
  ) {
    this.maxDelayMs = opts.maxDelayMs ?? 20
    this.maxBatch = opts.maxBatch ?? 200
  }

  record(attempt: VerificationAttempt): void {
    this.queue.push(attempt)
    if (this.queue.length >= this.maxBatch) this.write()
    else if (!this.timer) {
      this.timer = setTimeout(() => this.write(), this.maxDelayMs)
      this.timer.unref()
    }
  }

  /** Write everything recorded so far and wait for it. */
  async flush(): Promise<void> {
    this.write()
    await Promise.all([...this.inFlight])
  }

  private write(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (!this.queue.length) return
    const batch = this.queue
    this.queue = []
    const values: unknown[] = []
    for (const a of batch) values.push(a.certificateId, a.result, a.tokenCheck, a.ip.slice(0, 64), a.userAgent.slice(0, 256), utcText(a.createdAt))
    const p = this.sql
      .query(
        `INSERT INTO certificate_verification (certificate_id, result, token_check, ip, user_agent, created_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        values
      )
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err, lost: batch.length }, 'certificate verification log write failed')
      )
    this.inFlight.add(p)
    void p.finally(() => this.inFlight.delete(p))
  }
}
