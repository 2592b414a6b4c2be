// 单位职工参保登记/续保 (增员, §3.3.3): reviewed. Rules: the unit takes part in the chosen types; the person is not
// dead or retired, the name matches the register, and is not contributing for the same type in ANOTHER unit —
// the old unit stops first (R004-25); not already enrolled here. Base = wage rounded to 10 yuan, floored/capped by
// the year's bounds (R12, R13). Effect: creates the person when new, then creates or resumes (续保) the enrolments.
import { contributionBase, periodOfDate, type RowIssue, type StaffEnrolRow } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { nextSequenceInTx } from '../cases/sequence.ts'
import {
  baseBounds,
  dateOnly,
  enrolmentsOf,
  fenToDecimal,
  insuranceLabel,
  personsByIdNumber,
  workersInFlight
} from './lookup.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from './types.ts'

const COL_TYPES = '参保险种'

async function unitActiveTypes(ctx: CheckContext): Promise<Set<string>> {
  if (!ctx.unit) return new Set()
  const rows = await ctx.db.unitInsurance.findMany({ where: { unitId: ctx.unit.id, status: 'ACTIVE' }, select: { insuranceType: true } })
  return new Set(rows.map((r) => r.insuranceType))
}

async function checkRows(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<RowCheck[]> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const rows = raw as unknown as StaffEnrolRow[]
  const unitTypes = await unitActiveTypes(ctx)
  const persons = await personsByIdNumber(ctx.db, rows.map((r) => r.idNumber))
  const enrolments = await enrolmentsOf(ctx.db, [...persons.values()].map((p) => p.id), ['ACTIVE'])
  const inFlight = await workersInFlight(ctx.db, unit.id, rows.map((r) => r.idNumber), ctx.caseId)
  const boundsByPeriod = new Map<number, Awaited<ReturnType<typeof baseBounds>>>()
  const out: RowCheck[] = []
  for (const row of rows) {
    const issues: RowIssue[] = []
    const person = persons.get(row.idNumber)
    for (const t of row.insuranceTypes) {
      if (!unitTypes.has(t)) issues.push({ field: 'insuranceTypes', column: COL_TYPES, reason: `本单位未参加${insuranceLabel(t)}，不能为职工办理该险种参保` })
    }
    if (inFlight.has(row.idNumber)) issues.push({ field: 'idNumber', column: '身份证号码', reason: '该人员有在途申请的记录，不允许申请新的变更' })
    if (person) {
      if (person.name !== row.name) issues.push({ field: 'name', column: '姓名', reason: `姓名与该身份证号码登记的姓名不一致` })
      if (person.status === 'DECEASED') issues.push({ field: 'idNumber', column: '身份证号码', reason: '该人员已死亡，不能办理参保' })
      if (person.status === 'RETIRED') issues.push({ field: 'idNumber', column: '身份证号码', reason: '该人员已离退休，不能办理参保' })
      for (const e of enrolments.get(person.id) ?? []) {
        if (!row.insuranceTypes.includes(e.insuranceType as never)) continue
        if (e.unitId === unit.id) {
          issues.push({ field: 'insuranceTypes', column: COL_TYPES, reason: `该人员已在本单位参加${insuranceLabel(e.insuranceType)}，无需重复登记` })
        } else {
          issues.push({
            field: 'insuranceTypes',
            column: COL_TYPES,
            reason: `该人员${insuranceLabel(e.insuranceType)}在其他单位处于参保缴费状态，须原单位先办理停保后才能在本单位参保（续保）`
          })
        }
      }
    }
    const period = periodOfDate(row.workStartDate)
    if (!boundsByPeriod.has(period)) boundsByPeriod.set(period, await baseBounds(ctx.db, unit.regionCode, period))
    const base = contributionBase(row.monthlyWage, boundsByPeriod.get(period))
    out.push({ issues, personId: person?.id ?? null, derived: { base, renewal: person !== undefined } })
  }
  return out
}

async function apply(ctx: EffectContext): Promise<void> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  // The world may have moved since submission (another unit enrolled the worker): check again, inside the
  // transaction that applies the effect.
  const checks = await checkRows(ctx, ctx.items.map((i) => i.data))
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${ctx.items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}项` : '') })
  const persons = await personsByIdNumber(ctx.db, ctx.items.map((i) => String(i.data['idNumber'])))
  for (const [i, item] of ctx.items.entries()) {
    const row = item.data as unknown as StaffEnrolRow
    const start = dateOnly(row.workStartDate)
    let personId = persons.get(row.idNumber)?.id
    if (personId === undefined) {
      const seq = await nextSequenceInTx(ctx.db, 'person_no')
      const created = await ctx.db.person.create({
        data: {
          personNo: `${unit.regionCode.slice(0, 4)}${String(seq).padStart(8, '0')}`,
          idType: '01',
          idNumber: row.idNumber,
          name: row.name,
          sex: Number(row.idNumber[16]) % 2 === 1 ? '1' : '2',
          birthDate: dateOnly(`${row.idNumber.slice(6, 10)}-${row.idNumber.slice(10, 12)}-${row.idNumber.slice(12, 14)}`),
          ethnicity: row.ethnicity,
          phone: row.phone,
          regionCode: unit.regionCode,
          firstWorkDate: dateOnly(row.firstWorkDate ?? row.workStartDate),
          currentWorkDate: start,
          address: row.address ?? null,
          postalCode: row.postalCode ?? null,
          email: row.email ?? null
        },
        select: { id: true }
      })
      personId = created.id
    } else {
      await ctx.db.person.update({
        where: { id: personId },
        data: { currentWorkDate: start, phone: row.phone, ...(row.address ? { address: row.address } : {}) }
      })
    }
    await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId } })
    const base = fenToDecimal(checks[i]?.derived?.['base'] as number)
    const wage = fenToDecimal(row.monthlyWage)
    const startPeriod = periodOfDate(row.workStartDate)
    for (const t of row.insuranceTypes) {
      const existing = await ctx.db.enrolment.findFirst({ where: { personId, unitId: unit.id, insuranceType: t }, orderBy: { id: 'desc' }, select: { id: true } })
      const data = { status: 'ACTIVE' as const, startedOn: start, startPeriod, stopPeriod: null, stoppedOn: null, stopReason: null, monthlyBase: base, declaredWage: wage }
      if (existing) await ctx.db.enrolment.update({ where: { id: existing.id }, data })
      else await ctx.db.enrolment.create({ data: { personId, unitId: unit.id, insuranceType: t, ...data } })
    }
  }
}

export const staffEnrolHandler: MatterHandler = { code: 'STAFF_ENROL', checkRows, apply }
