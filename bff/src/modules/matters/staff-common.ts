// Shared by the staff matters that act on a worker of the unit (减员, 减少/增加险种, 一般信息变更): find the worker
// by 身份证号码 (and 个人编号 when given), check the name, and check the in-flight rule early.
import type { RowIssue } from '@shebao/shared'
import { personsByIdNumber, personsByPersonNo, workersInFlight, type PersonLite } from './lookup.ts'
import type { CheckContext } from './types.ts'

export interface IdentifiedRow {
  person?: PersonLite
  issues: RowIssue[]
}

/**
 * Resolve each row's worker. Rows carry idNumber (+ name) and/or personNo. A name that differs from the register is
 * refused with R004-35's wording (姓名、身份证号码 are key information, changed at the counter only).
 */
export async function identifyWorkers(
  ctx: CheckContext,
  rows: Array<{ idNumber?: string | undefined; name?: string | undefined; personNo?: string | undefined }>,
  columns: { idNumber: string; name: string; personNo: string }
): Promise<IdentifiedRow[]> {
  const byId = await personsByIdNumber(ctx.db, rows.flatMap((r) => (r.idNumber ? [r.idNumber] : [])))
  const byNo = await personsByPersonNo(ctx.db, rows.flatMap((r) => (r.personNo ? [r.personNo] : [])))
  const found = rows.map((r) => (r.idNumber ? byId.get(r.idNumber) : r.personNo ? byNo.get(r.personNo) : undefined))
  const inFlight = ctx.unit
    ? await workersInFlight(ctx.db, ctx.unit.id, found.flatMap((p) => (p ? [p.idNumber] : [])), ctx.caseId)
    : new Set<string>()
  return rows.map((r, i) => {
    const issues: RowIssue[] = []
    const person = found[i]
    if (!person) {
      issues.push(
        r.idNumber
          ? { field: 'idNumber', column: columns.idNumber, reason: '未查询到该证件号码的参保人员信息' }
          : { field: 'personNo', column: columns.personNo, reason: '未查询到该个人编号的参保人员信息' }
      )
      return { issues }
    }
    if (r.personNo && r.personNo !== person.personNo) {
      issues.push({ field: 'personNo', column: columns.personNo, reason: '个人编号与证件号码不一致' })
    }
    if (r.name !== undefined && r.name !== person.name) {
      issues.push({ field: 'name', column: columns.name, reason: '姓名与系统登记不一致（姓名、身份证号码修改属于关键信息修改，只能到大厅前台修改）' })
    }
    if (inFlight.has(person.idNumber)) {
      issues.push({ field: 'idNumber', column: columns.idNumber, reason: '该人员有在途申请的记录，不允许申请新的变更' })
    }
    return { person, issues }
  })
}
