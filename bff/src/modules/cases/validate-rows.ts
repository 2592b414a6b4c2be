// 校验: rows (typed in single mode, or read from a batch file) → passed and failed lists. Three layers, all with
// Chinese reasons naming the row and column: the matter's schema and pure rules (shared), duplicates within the
// submission and against the case's other rows, then the matter's database rules (one batched call).
import { validateMatterRow, type MatterDefinition, type RowIssue, type RowFailure } from '@shebao/shared'
import type { CheckContext, MatterHandler, RowCheck } from '../matters/types.ts'

export interface InputRow {
  /** Row number to report: Excel row, or 1-based position in the request. */
  row: number
  data: unknown
  /** Problems found while reading the cell values (batch files); the row fails without further checks. */
  readIssues?: RowIssue[]
}

export interface CheckedRow {
  row: number
  data: Record<string, unknown>
  personId: number | null
  derived?: Record<string, unknown>
}

export interface RowsVerdict {
  passed: CheckedRow[]
  failed: RowFailure[]
}

function failures(row: number, issues: RowIssue[]): RowFailure[] {
  return issues.map((i) => ({ row, column: i.column, field: i.field, reason: i.reason }))
}

/**
 * Validate rows for a matter. `otherKeys` maps the row key (证件号码) of rows already in the case to their row
 * numbers there (for the duplicate rule across submissions); rows replacing themselves are not duplicates when
 * `replaceSameKey` is set (a re-uploaded, corrected row replaces the earlier one).
 */
export async function validateRows(
  ctx: CheckContext,
  matter: MatterDefinition,
  handler: MatterHandler,
  rows: InputRow[],
  opts: { keyLabel?: string } = {}
): Promise<RowsVerdict> {
  const failed: RowFailure[] = []
  const shaped: Array<{ row: number; data: Record<string, unknown> }> = []
  for (const r of rows) {
    if (r.readIssues?.length) {
      failed.push(...failures(r.row, r.readIssues))
      continue
    }
    const v = validateMatterRow(matter, r.data, { today: ctx.today })
    if (!v.ok) failed.push(...failures(r.row, v.issues))
    else shaped.push({ row: r.row, data: v.value })
  }
  // Duplicates of the row key within this submission: every occurrence fails, naming the others.
  const key = matter.rowKey
  let unique = shaped
  if (key) {
    const byKey = new Map<string, number[]>()
    for (const s of shaped) {
      const k = s.data[key]
      if (typeof k === 'string') byKey.set(k, [...(byKey.get(k) ?? []), s.row])
    }
    const label = opts.keyLabel ?? matter.rowLabels?.[key] ?? key
    unique = []
    for (const s of shaped) {
      const k = s.data[key]
      const same = typeof k === 'string' ? (byKey.get(k) ?? []) : []
      if (same.length > 1) {
        const others = same.filter((n) => n !== s.row).map((n) => `第${n}行`).join('、')
        failed.push({ row: s.row, column: label, field: key, reason: `${label}与${others}重复` })
      } else unique.push(s)
    }
  }
  const checks: RowCheck[] = handler.checkRows ? await handler.checkRows(ctx, unique.map((s) => s.data)) : unique.map(() => ({ issues: [] }))
  const passed: CheckedRow[] = []
  unique.forEach((s, i) => {
    const c: RowCheck = checks[i] ?? { issues: [] }
    if (c.issues.length) failed.push(...failures(s.row, c.issues))
    else {
      const p: CheckedRow = { row: s.row, data: c.data ?? s.data, personId: c.personId ?? null }
      if (c.derived) p.derived = c.derived
      passed.push(p)
    }
  })
  failed.sort((a, b) => a.row - b.row)
  return { passed, failed }
}
