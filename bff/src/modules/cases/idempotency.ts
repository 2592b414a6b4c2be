// Idempotent submissions (`Idempotency-Key` header, draft-ietf-httpapi-idempotency-key-header).
// The key row is inserted in the SAME transaction as the work it guards and carries the response when that
// transaction commits, so "key recorded" and "work done" cannot disagree:
// - a second request with the same key and body waits on the unique index until the first commits, then replays
//   the stored response (same status, same body); if the first rolled back, the second simply runs;
// - the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED (the draft's status for a mismatched payload);
// - errors are not stored: a failed request can be retried with the same key.
import crypto from 'node:crypto'
import type { PrismaClient } from '../../db/client.ts'
import { inTransaction, type Tx, type TxOptions } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { isUniqueViolation } from './db-errors.ts'

export interface IdempotencyRequest {
  /** Client-chosen key (the header value). */
  key: string
  /** Whose key it is (keys are per caller). */
  scope: string
  /** What the request asked for: method, path and body; hashed. */
  fingerprint: unknown
}

export interface Outcome<T> {
  status: number
  body: T
  /** True when this is a stored response replayed for a repeated key. */
  replayed: boolean
}

const KEY_RE = /^[\x21-\x7e]{1,128}$/

/** Validate the header value (printable ASCII, ≤ 128 chars); undefined when absent. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined
  const key = header.trim().replace(/^"(.*)"$/, '$1')
  if (!KEY_RE.test(key)) throw new AppError('VALIDATION_FAILED', { field: 'Idempotency-Key', detail: '幂等键须为1–128位可见字符' })
  return key
}

export function idempotencyScope(auth: AuthContext): string {
  if (auth.role === 'unit') return `unit:${auth.unitId}:${auth.personId}`
  if (auth.role === 'person') return `person:${auth.personId}`
  return `reviewer:${auth.reviewerId}`
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

export function requestHash(fingerprint: unknown): string {
  return crypto.createHash('sha256').update(canonical(fingerprint)).digest('hex')
}

class KeyTaken extends Error {}

/**
 * Run `work` in one transaction guarded by the idempotency key (or plainly when there is no key).
 * `work` returns the status and body to answer with; they are stored with the key.
 */
export async function runIdempotent<T>(
  prisma: PrismaClient,
  req: IdempotencyRequest | undefined,
  work: (tx: Tx) => Promise<{ status: number; body: T }>,
  txOpts: TxOptions = {}
): Promise<Outcome<T>> {
  if (!req) {
    const r = await inTransaction(prisma, work, txOpts)
    return { ...r, replayed: false }
  }
  const hash = requestHash(req.fingerprint)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const r = await inTransaction(
        prisma,
        async (tx) => {
          try {
            await tx.idempotencyKey.create({ data: { scope: req.scope, key: req.key, requestHash: hash } })
          } catch (err) {
            if (isUniqueViolation(err)) throw new KeyTaken()
            throw err
          }
          const out = await work(tx)
          await tx.idempotencyKey.update({
            where: { scope_key: { scope: req.scope, key: req.key } },
            data: { status: out.status, response: out.body as object }
          })
          return out
        },
        txOpts
      )
      return { ...r, replayed: false }
    } catch (err) {
      if (!(err instanceof KeyTaken) && !isLockWaitTimeout(err)) throw err
      const row = await prisma.idempotencyKey.findUnique({ where: { scope_key: { scope: req.scope, key: req.key } } })
      if (!row) continue // the other request rolled back between our insert and this read: run again
      if (row.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
      if (row.status === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS')
      return { status: row.status, body: row.response as T, replayed: true }
    }
  }
  throw new AppError('IDEMPOTENCY_IN_PROGRESS')
}

function isLockWaitTimeout(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const o = e as Record<string, unknown>
    if (o['errno'] === 1205 || o['code'] === 'ER_LOCK_WAIT_TIMEOUT' || o['originalCode'] === '1205') return true
    const meta = o['meta'] as Record<string, unknown> | undefined
    const dae = meta?.['driverAdapterError'] as Record<string, unknown> | undefined
    e = dae?.['cause'] ?? dae ?? o['cause']
  }
  return false
}
