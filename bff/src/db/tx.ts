// Transaction helper: run `fn` in one interactive transaction and retry it when the database picked it as a
// deadlock victim (MariaDB/MySQL error 1213 → Prisma P2034 "write conflict or deadlock"). `fn` must therefore
// be safe to re-run: no side effects outside the transaction (send SMS, write files) inside it.
import type { Prisma, PrismaClient } from './generated/client.ts'

export type Tx = Prisma.TransactionClient

export interface TxOptions {
  /** Attempts in all (default 3). */
  attempts?: number
  isolationLevel?: Prisma.TransactionIsolationLevel
  /** Max ms to wait for a connection / for the whole transaction (Prisma defaults 2000 / 5000). */
  maxWait?: number
  timeout?: number
}

export async function inTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 3
  const txOpts: { isolationLevel?: Prisma.TransactionIsolationLevel; maxWait?: number; timeout?: number } = {}
  if (opts.isolationLevel !== undefined) txOpts.isolationLevel = opts.isolationLevel
  if (opts.maxWait !== undefined) txOpts.maxWait = opts.maxWait
  if (opts.timeout !== undefined) txOpts.timeout = opts.timeout
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, txOpts)
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err
      // Small jittered backoff so the two victims do not collide again.
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20))
    }
  }
}

/** True for a deadlock / write conflict however it surfaces (Prisma P2034, adapter error kind, raw errno 1213). */
export function isDeadlock(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const o = e as Record<string, unknown>
    if (o['code'] === 'P2034' || o['errno'] === 1213 || o['code'] === 'ER_LOCK_DEADLOCK') return true
    if (o['kind'] === 'TransactionWriteConflict' || o['originalCode'] === '1213') return true
    const meta = o['meta'] as Record<string, unknown> | undefined
    const dae = meta?.['driverAdapterError'] as Record<string, unknown> | undefined
    e = dae?.['cause'] ?? dae ?? o['cause']
  }
  return false
}
