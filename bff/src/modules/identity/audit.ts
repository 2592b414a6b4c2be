// Audit rows (audit_log) for identity events: sign-ins, redeems, refreshes, sign-outs, refresh-token reuse,
// lockouts, PIN changes, clerk and reviewer administration. Never secrets: no PINs, codes, tokens, cookies.
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { RequestMeta } from './request-meta.ts'

export interface AuditEntry {
  action: string
  actorRole?: 'PERSON' | 'UNIT' | 'REVIEWER'
  actorId?: number
  targetType?: string
  targetId?: string | number
  detail?: Prisma.InputJsonObject
  meta?: RequestMeta
  at?: Date
}

export async function writeAudit(db: PrismaClient | Tx, e: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      action: e.action,
      actorRole: e.actorRole ?? null,
      actorId: e.actorId ?? null,
      targetType: e.targetType ?? null,
      targetId: e.targetId === undefined ? null : String(e.targetId),
      ip: e.meta?.ip.slice(0, 64) ?? null,
      requestId: e.meta?.requestId.slice(0, 64) ?? null,
      ...(e.detail ? { detail: e.detail } : {}),
      ...(e.at ? { createdAt: e.at } : {})
    }
  })
}
