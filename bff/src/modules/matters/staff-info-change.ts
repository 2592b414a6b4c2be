// 单位职工一般信息变更登记 (§3.3.6): instant. Only the general information (R19 plus the form's extras) changes;
// 个人编号、证件类型、姓名、证件号码 are not changeable here (R17; R004-35: key information is changed at the
// counter). The worker is identified by 个人编号 or by 证件号码 + 姓名 (R18), must have insurance with this unit
// (in service or retired, R20). Before/after values are recorded for the 变更项 table.
import { PERSON_GENERAL_FIELDS, type RowIssue, type StaffInfoChangeRow } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { chunks, dateOnly, isoOfDate } from './lookup.ts'
import { identifyWorkers } from './staff-common.ts'
import type { CheckContext, EffectContext, EffectItem, MatterHandler, RowCheck } from './types.ts'

const FIELDS = PERSON_GENERAL_FIELDS.map((f) => f.field)

async function checkRows(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<RowCheck[]> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const rows = raw as unknown as StaffInfoChangeRow[]
  const ids = await identifyWorkers(ctx, rows, { idNumber: '证件号码', name: '姓名', personNo: '个人编号' })
  const personIds = ids.flatMap((x) => (x.person ? [x.person.id] : []))
  const mine = new Set<number>()
  for (const part of chunks(personIds)) {
    const rs = await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId: { in: part } }, select: { personId: true }, distinct: ['personId'] })
    for (const r of rs) mine.add(r.personId)
  }
  return rows.map((row, i) => {
    const id = ids[i] as (typeof ids)[number]
    const issues: RowIssue[] = [...id.issues]
    if (!id.person) return { issues }
    if (!mine.has(id.person.id)) issues.push({ field: 'idNumber', column: '证件号码', reason: '该人员不是本单位参保人员' })
    // Identification completed from the register, so the row always names the worker by 证件号码 and 姓名.
    const data: Record<string, unknown> = { ...row, personNo: id.person.personNo, idNumber: id.person.idNumber, name: id.person.name }
    return { issues, personId: id.person.id, data }
  })
}

async function snapshotRows(ctx: CheckContext, items: EffectItem[]): Promise<Array<Record<string, unknown> | null>> {
  const ids = items.map((i) => i.personId).filter((x): x is number => x !== null)
  const persons = new Map<number, Record<string, unknown>>()
  for (const part of chunks(ids)) {
    const rows = await ctx.db.person.findMany({
      where: { id: { in: part } },
      select: {
        id: true,
        nationality: true,
        ethnicity: true,
        politicalStatus: true,
        education: true,
        maritalStatus: true,
        bloodType: true,
        hukouType: true,
        firstWorkDate: true,
        postalCode: true,
        phone: true,
        email: true,
        address: true
      }
    })
    for (const p of rows) persons.set(p.id, { ...p, firstWorkDate: isoOfDate(p.firstWorkDate) })
  }
  return items.map((item) => {
    const p = item.personId !== null ? persons.get(item.personId) : undefined
    if (!p) return null
    return Object.fromEntries(FIELDS.filter((f) => item.data[f] !== undefined).map((f) => [f, p[f] ?? null]))
  })
}

async function apply(ctx: EffectContext): Promise<void> {
  const checks = await checkRows(ctx, ctx.items.map((i) => i.data))
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${ctx.items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') })
  for (const [i, item] of ctx.items.entries()) {
    const row = item.data as unknown as StaffInfoChangeRow
    const data: Record<string, unknown> = {}
    for (const f of FIELDS) {
      const v = (row as Record<string, unknown>)[f]
      if (v === undefined) continue
      data[f] = f === 'firstWorkDate' ? dateOnly(v as string) : v
    }
    await ctx.db.person.update({ where: { id: checks[i]?.personId as number }, data })
  }
}

export const staffInfoChangeHandler: MatterHandler = { code: 'STAFF_INFO_CHANGE', checkRows, snapshotRows, apply }
