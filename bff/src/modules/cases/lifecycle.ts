// Internals every case use case shares: loading and locking a case, its matter and handler, events, in-flight
// keys, and applying a matter's effect. Statuses follow shared's caseMachine.
import { CaseStatuses, caseMachine, getMatter, shanghaiToday, type CaseStatus, type MatterDefinition } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { Tx, TxOptions } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { matterHandler } from '../matters/registry.ts'
import type { CheckContext, EffectItem, MatterHandler, UnitSnapshot } from '../matters/types.ts'
import type { Actor } from './actor.ts'
import { isUniqueViolation } from './db-errors.ts'

/**
 * Case transactions: generous limits (thousands of rows), and READ COMMITTED so that the rules re-checked after a
 * lock see what concurrent transactions committed meanwhile (under REPEATABLE READ a plain read after a lock can
 * still return the snapshot taken before it — e.g. a worker another unit's approval just enrolled).
 */
export const CASE_TX: TxOptions = { timeout: 120_000, maxWait: 20_000, isolationLevel: 'ReadCommitted' }

/** Row 0 of a form matter holds the form's 变更前值 snapshot; real rows start at 1. */
export const FORM_SNAPSHOT_ROW = 0

/** Case statuses the applicant may still edit. */
export const EDITABLE: readonly CaseStatus[] = ['DRAFT', 'RETURNED']
/** Case statuses from which the applicant may withdraw (before a decision). */
export const WITHDRAWABLE: readonly CaseStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED']

export type CaseRow = Prisma.CaseGetPayload<{ include: { unit: true } }>

export function matterOf(code: string): { matter: MatterDefinition; handler: MatterHandler } {
  const matter = getMatter(code)
  if (!matter) throw new AppError('MATTER_NOT_FOUND')
  return { matter, handler: matterHandler(code) }
}

export function statusLabel(s: string): string {
  return CaseStatuses.label(s)
}

export function unitSnapshot(u: { id: number; unitNo: string; name: string; regionCode: string; legalRepIdNumber: string } | null): UnitSnapshot | null {
  return u ? { id: u.id, unitNo: u.unitNo, name: u.name, regionCode: u.regionCode, legalRepIdNumber: u.legalRepIdNumber } : null
}

export function checkContext(db: PrismaClient | Tx, matter: MatterDefinition, row: CaseRow, actor: Actor, now: Date): CheckContext {
  return { db, matter, unit: unitSnapshot(row.unit), actor, today: shanghaiToday(now), caseId: row.id }
}

/** Lock the case row for the rest of the transaction (concurrent submits/decisions of one case queue here). */
export async function lockCase(tx: Tx, serialNo: string, where: Prisma.CaseWhereInput): Promise<CaseRow> {
  // The locking read comes FIRST: under REPEATABLE READ a plain read would fix this transaction's snapshot before
  // the lock, and the row read after the lock could be stale (a concurrent submit already committed). A stranger's
  // serial thus locks the row for the few milliseconds until their 404 rolls back; it never reads it.
  await tx.$queryRaw`SELECT id FROM cases WHERE serial_no = ${serialNo} FOR UPDATE`
  const row = await tx.case.findFirst({ where: { AND: [{ serialNo }, where] }, include: { unit: true } })
  if (!row) throw new AppError('NOT_FOUND')
  return row
}
export async function addEvent(db: PrismaClient | Tx, caseId: number, type: string, actor: Actor, note?: string | null, at?: Date): Promise<void> {
  await db.caseEvent.create({
    data: {
      caseId,
      type,
      actorRole: actor.role,
      actorId: actor.id,
      actorName: actor.name.slice(0, 64),
      note: note ? note.slice(0, 512) : null,
      ...(at ? { createdAt: at } : {})
    }
  })
}

export function assertTransition(row: { status: CaseStatus }, to: CaseStatus, code: 'CASE_NOT_SUBMITTABLE' | 'CASE_NOT_WITHDRAWABLE' | 'REVIEW_NOT_PENDING'): void {
  if (!caseMachine.canTransition(row.status, to)) throw new AppError(code, { detail: statusLabel(row.status) })
}

/** The case-level in-flight key ('unit'/'person' scope), or null for per-worker ('staff') matters. */
export function caseInFlightKey(matter: MatterDefinition, row: { unitId: number | null; personId: number | null }): string | null {
  if (matter.inFlight === 'unit') return `${matter.code}:unit:${row.unitId}`
  if (matter.inFlight === 'person') return `${matter.code}:person:${row.personId}`
  return null
}

/**
 * Take the in-flight keys of a case being submitted: the case's own key, or one key per worker row
 * (`staff:<unit>:<ID number>`, one statement for all rows). A key held by another open case → 409 CASE_IN_FLIGHT.
 * Both racing submissions reach the unique index; the second waits for the first's commit, then fails here.
 */
export async function takeInFlight(tx: Tx, matter: MatterDefinition, row: CaseRow): Promise<void> {
  try {
    const key = caseInFlightKey(matter, row)
    if (key) await tx.case.update({ where: { id: row.id }, data: { inFlightKey: key } })
    else if (row.unitId !== null) {
      await tx.$executeRaw`UPDATE case_item
        SET in_flight_key = CONCAT('staff:', ${row.unitId}, ':', JSON_UNQUOTE(JSON_EXTRACT(data, '$.idNumber')))
        WHERE case_id = ${row.id} AND row_no > 0`
    }
  } catch (err) {
    if (isUniqueViolation(err, 'in_flight_key')) throw new AppError('CASE_IN_FLIGHT', { cause: err })
    throw err
  }
}

/**
 * Release the keys (final states and RETURNED: a returned case is back with the applicant, not in flight), with
 * the case's new status in the same statement.
 */
export async function releaseInFlight(tx: Tx, caseId: number, data: Prisma.CaseUpdateInput = {}): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: { ...data, inFlightKey: null } })
  await tx.$executeRaw`UPDATE case_item SET in_flight_key = NULL WHERE case_id = ${caseId} AND in_flight_key IS NOT NULL`
}

/** The case's rows as the effect functions take them (row 0, the form snapshot, excluded). */
export async function effectItems(db: PrismaClient | Tx, caseId: number): Promise<EffectItem[]> {
  const rows = await db.caseItem.findMany({
    where: { caseId, rowNo: { gt: FORM_SNAPSHOT_ROW } },
    orderBy: { rowNo: 'asc' },
    select: { id: true, rowNo: true, data: true, personId: true, before: true }
  })
  return rows.map((r) => ({
    id: r.id,
    rowNo: r.rowNo,
    data: r.data as Record<string, unknown>,
    personId: r.personId,
    before: (r.before as Record<string, unknown> | null) ?? null
  }))
}

/** Record the 变更前值 of a change matter (form snapshot in row 0, or per row). */
export async function recordSnapshot(tx: Tx, matter: MatterDefinition, handler: MatterHandler, ctx: CheckContext, row: CaseRow, items: EffectItem[]): Promise<void> {
  if (handler.snapshotForm) {
    const before = await handler.snapshotForm(ctx, row.form as Record<string, unknown>)
    await tx.caseItem.upsert({
      where: { caseId_rowNo: { caseId: row.id, rowNo: FORM_SNAPSHOT_ROW } },
      create: { caseId: row.id, rowNo: FORM_SNAPSHOT_ROW, data: row.form as object, before: before as object },
      update: { data: row.form as object, before: before as object }
    })
  }
  if (handler.snapshotRows && matter.row) {
    const befores = await handler.snapshotRows(ctx, items)
    for (const [i, item] of items.entries()) {
      const before = befores[i] ?? null
      item.before = before
      if (before) await tx.caseItem.update({ where: { id: item.id }, data: { before: before as object } })
    }
  }
}

/** Apply the matter's effect and make the case EFFECTIVE (same transaction as the caller's status change). */
export async function makeEffective(tx: Tx, matter: MatterDefinition, handler: MatterHandler, ctx: CheckContext, row: CaseRow, actor: Actor, now: Date, items?: EffectItem[]): Promise<void> {
  const list = items ?? (await effectItems(tx, row.id))
  await handler.apply({ ...ctx, db: tx, caseId: row.id, serialNo: row.serialNo, form: row.form as Record<string, unknown>, items: list, now })
  await releaseInFlight(tx, row.id, { status: 'EFFECTIVE', decidedAt: now })
  await addEvent(tx, row.id, 'EFFECTIVE', actor, matter.review === 'instant' ? '该业务已成功办结' : '审核通过，业务已生效', now)
}
