// 单位职工社会保险缴费工资申报 (年度缴费工资申报, §3.3.20; R35, R36, R004-5…8) on the case engine: the matter
// 'WAGE_DECLARATION' (shared/src/matters/contributions.ts) and its effect.
//
// Rules:
//  - window 4/1–6/30 of the current year (R004-6), Asia/Shanghai, read from this module's clock (so tests can stand
//    on both sides of the boundaries): outside → 409 WAGE_DECLARATION_WINDOW_CLOSED, on 添加校验 and on 确认提交;
//  - the declaration year (申报年度) is the social year starting 7/1 of this year, the wages are the previous calendar
//    year's (R004-5): 申报工资 = 上年工资总额 ÷ 上年工作月数, half-up to 10 yuan (shared declaredMonthlyWage);
//    核定缴费基数 = that wage floored / capped by the new year's bounds (R35, shared contributionBase);
//  - each row is a worker enrolled (参保缴费) in this unit, identified by ID number, the name as registered;
//  - 《承诺书》 is a required material (R36: the engine refuses submission without it);
//  - one open wage declaration per unit (in-flight 'unit').
// Effect (instant, in the submit transaction): one wage_declaration row per worker for the year (replacing an
// earlier one of the same year), and the worker's enrolments in the unit take the new 申报工资 and base. So that
// May and June keep the current year's base, a worker without a row for the current year first gets one frozen
// from the enrolment's present values. From 7/1 the monthly declaration uses the new rows (declaration gate R004-7).
import { contributionBase, declaredMonthlyWage, shanghaiToday, socialYearLabel, wageDeclaration, type RowIssue, type WageDeclarationRow } from '@shebao/shared'
import ExcelJS from 'exceljs'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { buildTemplate } from '../cases/workbook.ts'
import type { CheckContext, EffectContext, MatterHandler, RowCheck } from '../matters/types.ts'
import { contributionsNow } from './clock.ts'
import { dec, toFen, toFenOrNull } from './convert.ts'
import { boundsOf, findPolicy } from './policy.ts'
import { clerkUnit } from './unit.ts'
import { applyingUnit, refuseFailedRows, rowWorkers, workerIssues } from './worker-rows.ts'

/** The declaration year open now; 409 outside 4/1–6/30. */
export function openWageYear(now = contributionsNow()): number {
  const today = shanghaiToday(now)
  const year = Number(today.slice(0, 4))
  if (today < `${year}-04-01` || today > `${year}-06-30`) {
    throw new AppError('WAGE_DECLARATION_WINDOW_CLOSED', { detail: `（今天是${today}）` })
  }
  return year
}

async function checkForm(_ctx: CheckContext, form: Record<string, unknown>): Promise<RowIssue[]> {
  const year = openWageYear()
  if (form['year'] !== year) return [{ field: 'year', column: '申报年度', reason: `申报年度只能为${year}年（${socialYearLabel(year)}）` }]
  return []
}

async function checkRows(ctx: CheckContext, raw: Record<string, unknown>[]): Promise<RowCheck[]> {
  const unit = applyingUnit(ctx)
  const year = openWageYear()
  const policy = await findPolicy(ctx.db, unit.regionCode, year)
  if (!policy) throw new AppError('POLICY_NOT_PUBLISHED', { detail: `${year}社保年度` })
  const bounds = boundsOf(policy)
  const rows = raw as unknown as WageDeclarationRow[]
  const { persons, ids } = await rowWorkers(ctx.db, rows)
  const enrolled = new Set(
    ids.length
      ? (await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId: { in: ids }, status: 'ACTIVE' }, select: { personId: true } })).map((e) => e.personId)
      : []
  )
  return rows.map((row) => {
    const issues: RowIssue[] = []
    const p = persons.get(row.idNumber)
    issues.push(...workerIssues(p, row, '身份证号码', { personNo: true }))
    if (p) {
      if (!enrolled.has(p.id)) issues.push({ field: 'idNumber', column: '身份证号码', reason: '该人员不是本单位参保缴费人员' })
    }
    const declaredWage = declaredMonthlyWage(row.wageTotal, row.months)
    const base = contributionBase(declaredWage, bounds)
    return {
      issues,
      personId: p?.id ?? null,
      derived: { declaredWage, base, floorApplied: base === bounds.floorFen && declaredWage < bounds.floorFen, ceilingApplied: base === bounds.ceilingFen && declaredWage > bounds.ceilingFen }
    }
  })
}

async function apply(ctx: EffectContext): Promise<void> {
  const unit = applyingUnit(ctx)
  const year = openWageYear()
  const checks = await checkRows(ctx, ctx.items.map((i) => i.data))
  refuseFailedRows(ctx.items, checks)
  for (const [i, item] of ctx.items.entries()) {
    const personId = checks[i]?.personId as number
    const declaredWage = checks[i]?.derived?.['declaredWage'] as number
    const base = checks[i]?.derived?.['base'] as number
    const enrolments = await ctx.db.enrolment.findMany({ where: { unitId: unit.id, personId, status: 'ACTIVE' }, select: { id: true, declaredWage: true, monthlyBase: true } })
    // Keep the current social year's base for May/June: freeze it into a row when the worker has none.
    const current = await ctx.db.wageDeclaration.findUnique({ where: { unitId_personId_year: { unitId: unit.id, personId, year: year - 1 } }, select: { id: true } })
    const e = enrolments.find((x) => x.monthlyBase !== null || x.declaredWage !== null)
    if (!current && e) {
      const baseNow = toFenOrNull(e.monthlyBase) ?? toFen(e.declaredWage)
      await ctx.db.wageDeclaration.create({
        data: { unitId: unit.id, personId, year: year - 1, declaredWage: dec(toFenOrNull(e.declaredWage) ?? baseNow), base: dec(baseNow) }
      })
    }
    await ctx.db.wageDeclaration.upsert({
      where: { unitId_personId_year: { unitId: unit.id, personId, year } },
      create: { unitId: unit.id, personId, year, declaredWage: dec(declaredWage), base: dec(base), caseId: ctx.caseId },
      update: { declaredWage: dec(declaredWage), base: dec(base), caseId: ctx.caseId }
    })
    await ctx.db.enrolment.updateMany({ where: { id: { in: enrolments.map((x) => x.id) } }, data: { declaredWage: dec(declaredWage), monthlyBase: dec(base) } })
    await ctx.db.caseItem.update({ where: { id: item.id }, data: { personId } })
  }
}

export const wageDeclarationHandler: MatterHandler = { code: 'WAGE_DECLARATION', checkForm, checkRows, apply }

// ── the pre-filled template (T13) ─────────────────────────────────────────────────────────────

interface StaffRow {
  person_no: string
  name: string
  id_number: string
  months: bigint | number | null
}

/**
 * 年度职工养老保险缴费工资申报表 pre-filled with the unit's staff (every worker enrolled 参保缴费 in the unit): 个人编号,
 * 姓名, 身份证号码 (text cells), and 上年工作月数 from the worker's paid months in this unit last calendar year (left
 * blank when none); the clerk fills 上年工资总额 and checks the months.
 */
export async function wageDeclarationTemplate(prisma: PrismaClient, auth: AuthContext, now = contributionsNow()): Promise<{ fileName: string; bytes: Buffer }> {
  const { unit } = await clerkUnit(prisma, auth)
  const template = wageDeclaration.template
  if (!template) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: '批量添加' })
  const lastYear = Number(shanghaiToday(now).slice(0, 4)) - 1
  const staff = await prisma.$queryRaw<StaffRow[]>`
    SELECT p.person_no, p.name, p.id_number,
           (SELECT COUNT(DISTINCT c.period) FROM contribution_record c
             WHERE c.person_id = p.id AND c.unit_id = ${unit.id} AND c.status IN ('PAID', 'BACK_PAID')
               AND c.period BETWEEN ${lastYear * 100 + 1} AND ${lastYear * 100 + 12}) AS months
      FROM person p
     WHERE p.id IN (SELECT DISTINCT e.person_id FROM enrolment e WHERE e.unit_id = ${unit.id} AND e.status = 'ACTIVE')
     ORDER BY p.person_no`
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await buildTemplate(template, unit)) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0] as ExcelJS.Worksheet
  const col = (field: string) => template.columns.findIndex((c) => c.field === field) + 1
  staff.forEach((s, i) => {
    const row = ws.getRow(6 + i)
    const set = (c: number, v: string) => {
      if (c <= 0) return
      const cell = row.getCell(c)
      cell.value = v
      cell.numFmt = '@'
    }
    set(1, String(i + 1))
    set(col('unitNo'), unit.unitNo)
    set(col('unitName'), unit.name)
    set(col('personNo'), s.person_no)
    set(col('name'), s.name)
    set(col('idNumber'), s.id_number)
    const months = Number(s.months ?? 0)
    if (months > 0) set(col('months'), String(months))
  })
  return { fileName: `${template.fileName}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) }
}
