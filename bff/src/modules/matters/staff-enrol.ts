// 单位职工参保登记/续保 (增员, §3.3.3): reviewed. Rules: the unit takes part in the chosen types; the person is not
// dead or retired, the name matches the register, and is not contributing for the same type in ANOTHER unit —
// the old unit stops first (R004-25); not already enrolled here. Base = wage rounded to 10 yuan, floored/capped by
// the year's bounds (R12, R13). Effect: creates the person when new, then creates or resumes (续保) the enrolments.
import { contributionBase, periodOfDate, type RowIssue, type StaffEnrolRow } from '@shebao/shared'
import type { Prisma } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { nextSequenceInTx } from '../cases/sequence.ts'
import {
  baseBounds,
  chunks,
  dateOnly,
  enrolmentsOf,
  fenToDecimal,
  insuranceLabel,
  lockPersons,
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
  // The world may have moved since submission (another unit enrolled the worker): lock the workers, then check
  // again inside the transaction that applies the effect.
  await lockPersons(ctx.db, ctx.items.map((i) => String(i.data['idNumber'])))
  const checks = await checkRows(ctx, ctx.items.map((i) => i.data))
  const problems = checks.flatMap((c, i) => c.issues.map((x) => `第${ctx.items[i]?.rowNo}行：${x.reason}`))
  if (problems.length) throw new AppError('RULE_VIOLATION', { detail: problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}项` : '') })
  const rows = ctx.items.map((i) => i.data as unknown as StaffEnrolRow)
  // Bulk work so a 10 000-row file is approved in a few dozen statements, not tens of thousands.
  const known = await personsByIdNumber(ctx.db, rows.map((r) => r.idNumber))
  const newcomers = rows.filter((r) => !known.has(r.idNumber))
  if (newcomers.length) {
    // One block of 个人编号 from the sequence for all newcomers.
    const last = await nextSequenceInTx(ctx.db, 'person_no', newcomers.length)
    const first = last - newcomers.length + 1
    for (const part of chunks(newcomers.map((row, i) => ({ row, seq: first + i })))) {
      await ctx.db.person.createMany({
        data: part.map(({ row, seq }) => ({
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
          currentWorkDate: dateOnly(row.workStartDate),
          address: row.address ?? null,
          postalCode: row.postalCode ?? null,
          email: row.email ?? null
        }))
      })
    }
  }
  // Returning workers (续保): their current work date and phone.
  for (const row of rows) {
    const p = known.get(row.idNumber)
    if (p) await ctx.db.person.update({ where: { id: p.id }, data: { currentWorkDate: dateOnly(row.workStartDate), phone: row.phone, ...(row.address ? { address: row.address } : {}) } })
  }
  const persons = newcomers.length ? await personsByIdNumber(ctx.db, rows.map((r) => r.idNumber)) : known
  await ctx.db.$executeRaw`UPDATE case_item ci JOIN person p ON p.id_number = JSON_UNQUOTE(JSON_EXTRACT(ci.data, '$.idNumber'))
    SET ci.person_id = p.id WHERE ci.case_id = ${ctx.caseId} AND ci.row_no > 0`
  // Enrolments: resume this unit's earlier rows (续保), create the others.
  const existing = new Map<string, number>()
  for (const part of chunks([...persons.values()].map((p) => p.id))) {
    const rs = await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId: { in: part } }, orderBy: { id: 'asc' }, select: { id: true, personId: true, insuranceType: true } })
    for (const e of rs) existing.set(`${e.personId}:${e.insuranceType}`, e.id)
  }
  const creates: Prisma.EnrolmentCreateManyInput[] = []
  for (const [i, row] of rows.entries()) {
    const personId = (persons.get(row.idNumber) as { id: number }).id
    const data = {
      status: 'ACTIVE' as const,
      startedOn: dateOnly(row.workStartDate),
      startPeriod: periodOfDate(row.workStartDate),
      stopPeriod: null,
      stoppedOn: null,
      stopReason: null,
      monthlyBase: fenToDecimal(checks[i]?.derived?.['base'] as number),
      declaredWage: fenToDecimal(row.monthlyWage)
    }
    for (const t of row.insuranceTypes) {
      const id = existing.get(`${personId}:${t}`)
      if (id !== undefined) await ctx.db.enrolment.update({ where: { id }, data })
      else creates.push({ personId, unitId: unit.id, insuranceType: t, ...data })
    }
  }
  for (const part of chunks(creates)) await ctx.db.enrolment.createMany({ data: part })
}

export const staffEnrolHandler: MatterHandler = { code: 'STAFF_ENROL', checkRows, apply }
