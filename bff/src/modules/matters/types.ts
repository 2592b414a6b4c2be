// What a matter's BFF side provides to the case engine: database checks of rows and forms (on 校验, on submit and
// again on approval), the 变更前值 snapshot, and the effect applied when the case takes effect — in the engine's
// transaction, together with the status change.
import type { ChangeRow, IsoDate, MatterDefinition, RowIssue } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { Actor } from '../cases/actor.ts'

/** The applying unit as the matters need it. */
export interface UnitSnapshot {
  id: number
  unitNo: string
  name: string
  regionCode: string
  legalRepIdNumber: string
}

export interface CheckContext {
  db: PrismaClient | Tx
  matter: MatterDefinition
  unit: UnitSnapshot | null
  actor: Actor
  today: IsoDate
  /** The case being checked: its own in-flight rows are not conflicts. */
  caseId?: number
}

export interface RowCheck {
  issues: RowIssue[]
  /** The existing person the row is about, when found. */
  personId?: number | null
  /** Replacement row data (identification completed from the register, e.g. 证件号码 for a 个人编号-only row). */
  data?: Record<string, unknown>
  /** Derived values shown in the passed list (核定缴费基数 …). */
  derived?: Record<string, unknown>
}

export interface EffectItem {
  id: number
  rowNo: number
  data: Record<string, unknown>
  personId: number | null
  before: Record<string, unknown> | null
}

export interface EffectContext extends CheckContext {
  db: Tx
  caseId: number
  serialNo: string
  form: Record<string, unknown>
  items: EffectItem[]
  now: Date
}

export interface MatterHandler {
  code: string
  /** Database rules on rows that passed their schema (one call for many rows: batch lookups, no N+1). */
  checkRows?(ctx: CheckContext, rows: Record<string, unknown>[]): Promise<RowCheck[]>
  /** Database rules on the form; may throw an AppError for rules about the caller (法人 only …). */
  checkForm?(ctx: CheckContext, form: Record<string, unknown>): Promise<RowIssue[]>
  /** 变更前值 of each row (same order), for change matters. */
  snapshotRows?(ctx: CheckContext, items: EffectItem[]): Promise<Array<Record<string, unknown> | null>>
  /** 变更前值 of the form, for form change matters. */
  snapshotForm?(ctx: CheckContext, form: Record<string, unknown>): Promise<Record<string, unknown>>
  /** The 变更项 table of one row or of the form (default: changeTable over the matter's changeFields). */
  describeChanges?(after: Record<string, unknown>, before: Record<string, unknown> | null): ChangeRow[]
  /** Apply the effect. Throw AppError('RULE_VIOLATION', { detail }) when the world no longer allows it. */
  apply(ctx: EffectContext): Promise<void>
}
