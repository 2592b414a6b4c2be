// Every change to a unit's contribution business — declare, back-declare, revoke a declaration, issue / revoke /
// re-issue a bill, 到账 — runs the same way: once per Idempotency-Key (a repeated key replays the first answer,
// cases/idempotency.ts), in one transaction holding the unit's row lock (two changes of one unit queue, and the second
// sees the first), and, where bills are involved, after the unit's bills past their deadline have expired.
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { idempotencyScope, runIdempotent, type Outcome } from '../cases/idempotency.ts'
import { expireDueBills } from './expiry.ts'
import { lockUnit } from './unit.ts'

/** Big transactions (5 000 staff = 15 000 lines): generous limits. */
export const CONTRIB_TX = { timeout: 120_000, maxWait: 20_000 }

export interface UnitChange {
  /** Whose change it is (the key's scope). */
  auth: AuthContext
  unitId: number
  /** The Idempotency-Key header, if any. */
  idempotencyKey: string | undefined
  /** What is asked (`op` and its arguments): the same key with another fingerprint → 422. */
  fingerprint: { op: string } & Record<string, unknown>
  /** Expire the unit's due bills as of this instant first. */
  expireBillsAt?: Date
}

export async function changeUnit<T>(prisma: PrismaClient, change: UnitChange, work: (tx: Tx) => Promise<{ status: number; body: T }>): Promise<Outcome<T>> {
  const idem = change.idempotencyKey ? { key: change.idempotencyKey, scope: idempotencyScope(change.auth), fingerprint: change.fingerprint } : undefined
  return runIdempotent(
    prisma,
    idem,
    async (tx) => {
      await lockUnit(tx, change.unitId)
      if (change.expireBillsAt) await expireDueBills(tx, { unitId: change.unitId }, change.expireBillsAt)
      return work(tx)
    },
    CONTRIB_TX
  )
}
