// Saving validated rows into a draft (case_item): a row whose key (证件号码) is already in the case replaces that
// row (a corrected re-upload), others are appended. Bulk inserts, so a 10 000-row file saves in a few statements.
import type { MatterDefinition, ValidationResult } from '@shebao/shared'
import { Prisma } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { AppError } from '../../http/errors.ts'
import { chunks } from '../matters/lookup.ts'
import { FORM_SNAPSHOT_ROW } from './lifecycle.ts'
import type { CheckedRow, RowsVerdict } from './validate-rows.ts'

export const DEFAULT_MAX_ITEMS = 10_000
const PASSED_SHOWN = 200

export function maxItemsOf(matter: MatterDefinition): number {
  return matter.template?.maxRows ?? DEFAULT_MAX_ITEMS
}

/** Row keys already in the case → their item id and row number. */
async function existingKeys(tx: Tx, caseId: number, key: string | undefined): Promise<{ byKey: Map<string, { id: number; rowNo: number }>; maxRowNo: number; count: number }> {
  const path = `$.${key ?? '__none__'}`
  const rows = await tx.$queryRaw<Array<{ id: number; row_no: number; k: string | null }>>`
    SELECT id, row_no, JSON_UNQUOTE(JSON_EXTRACT(data, ${path})) AS k FROM case_item WHERE case_id = ${caseId} AND row_no > ${FORM_SNAPSHOT_ROW}`
  const byKey = new Map<string, { id: number; rowNo: number }>()
  let maxRowNo = 0
  for (const r of rows) {
    const rowNo = Number(r.row_no)
    maxRowNo = Math.max(maxRowNo, rowNo)
    if (key && r.k !== null && r.k !== 'null') byKey.set(r.k, { id: Number(r.id), rowNo })
  }
  return { byKey, maxRowNo, count: rows.length }
}

export async function storeRows(tx: Tx, caseId: number, matter: MatterDefinition, passed: CheckedRow[]): Promise<{ rowNos: number[]; itemCount: number }> {
  const { byKey, maxRowNo, count } = await existingKeys(tx, caseId, matter.rowKey)
  const rowNos: number[] = []
  const creates: Prisma.CaseItemCreateManyInput[] = []
  let next = maxRowNo
  for (const p of passed) {
    const k = matter.rowKey ? p.data[matter.rowKey] : undefined
    const hit = typeof k === 'string' ? byKey.get(k) : undefined
    if (hit) {
      await tx.caseItem.update({ where: { id: hit.id }, data: { data: p.data as object, personId: p.personId, before: Prisma.DbNull, valid: true, errors: Prisma.DbNull } })
      rowNos.push(hit.rowNo)
    } else {
      next++
      creates.push({ caseId, rowNo: next, data: p.data as object, personId: p.personId })
      rowNos.push(next)
    }
  }
  const itemCount = count + creates.length
  if (itemCount > maxItemsOf(matter)) throw new AppError('CASE_TOO_MANY_ITEMS', { detail: String(maxItemsOf(matter)) })
  for (const part of chunks(creates, 1000)) await tx.caseItem.createMany({ data: part })
  return { rowNos, itemCount }
}

export function verdictResponse(verdict: RowsVerdict, rowNos: number[], itemCount: number, saved: boolean): ValidationResult {
  return {
    passedCount: verdict.passed.length,
    failedCount: new Set(verdict.failed.map((f) => f.row)).size,
    passed: verdict.passed.slice(0, PASSED_SHOWN).map((p, i) => ({
      row: p.row,
      rowNo: saved ? (rowNos[i] ?? 0) : 0,
      ...(typeof p.data['idNumber'] === 'string' ? { idNumber: p.data['idNumber'] as string } : {}),
      ...(typeof p.data['name'] === 'string' ? { name: p.data['name'] as string } : {}),
      ...(p.derived ? { derived: p.derived } : {})
    })),
    failed: verdict.failed,
    savedCount: saved ? verdict.passed.length : 0,
    itemCount
  }
}
