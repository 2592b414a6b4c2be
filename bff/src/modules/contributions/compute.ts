// 单位缴费申报 arithmetic (§3.3.22, R42): for every person contributing in the unit in the period, one base (核定缴费基数)
// and, per insurance type the person is enrolled in, the unit and personal amounts from shared's arithmetic
// (contributionBase: half-up to 10 yuan then the year's floor/ceiling; contributionLine: base × rate half-up to the
// fen, unit and personal separately). Totals are sums of the per-person amounts (R104: 2 × 8890 = 17780).
//
// Who contributes in period P (the 核定 population):
//   enrolment of this unit, insurance type among the unit's ACTIVE insurance types, start_period ≤ P, and either
//   ACTIVE and not stopped before P, or stopped (SUSPENDED/TERMINATED) with stop_period ≥ P — the stop month is
//   still paid (FAQ17 "停保时间选择的当月要缴费"); the person's status is 在职 (retired or deceased persons are
//   不可做账, FAQ11).
// Each person's base for social year Y = socialYearOf(P):
//   1. the unit's wage_declaration for (person, Y): its 核定缴费基数, re-clamped to the year's bounds;
//   2. else the enrolment's declared wage (增员's 月缴费工资, a new hire's first month, R004-5): contributionBase;
//   3. else the enrolment's monthly base, clamped;
//   4. else the floor (保底) — counted in `undeclaredWage` so the preview can point at it.
// Reads go through two indexed raw queries (enrolment (unit_id, status, insurance_type), wage_declaration unique
// (unit_id, person_id, year)): a unit of 5 000 staff is 15 000 enrolment rows.
import {
  clampBase,
  contributionBase,
  contributionLine,
  InsuranceTypes,
  socialYearOf,
  type Fen,
  type Period,
  type RatePair,
  type UnitInsuranceType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { toFenOrNull, yuan } from './convert.ts'
import { boundsOf, unitRate, type Policy } from './policy.ts'
import { UNIT_TYPES, type UnitRow } from './unit.ts'

type Db = PrismaClient | Tx

export interface PersonLine {
  personId: number
  insuranceType: UnitInsuranceType
  wageFen: Fen | null
  baseFen: Fen
  unitFen: Fen
  personalFen: Fen
}

export interface TypeTotal {
  insuranceType: UnitInsuranceType
  label: string
  headcount: number
  wageTotalFen: Fen
  baseTotalFen: Fen
  unitRatePpm: number
  personalRatePpm: number
  unitFen: Fen
  personalFen: Fen
  totalFen: Fen
}

export interface Computation {
  period: Period
  socialYear: number
  lines: PersonLine[]
  byType: TypeTotal[]
  headcount: number
  wageTotalFen: Fen
  baseTotalFen: Fen
  unitFen: Fen
  personalFen: Fen
  totalFen: Fen
  floorApplied: number
  ceilingApplied: number
  undeclaredWage: number
}

interface EnrolmentFact {
  person_id: number
  insurance_type: UnitInsuranceType
  declared_wage: string | null
  monthly_base: string | null
}

interface WageFact {
  person_id: number
  declared_wage: string
  base: string
}

export async function computeDeclaration(db: Db, unit: UnitRow, types: readonly UnitInsuranceType[], period: Period, policy: Policy): Promise<Computation> {
  const socialYear = socialYearOf(period)
  const bounds = boundsOf(policy)
  const rates = new Map<UnitInsuranceType, RatePair>(types.map((t) => [t, unitRate(policy, t, unit.riskClass)]))
  const enrolments =
    types.length === 0
      ? []
      : await db.$queryRawUnsafe<EnrolmentFact[]>(
          `SELECT e.person_id, e.insurance_type, CAST(e.declared_wage AS CHAR) AS declared_wage, CAST(e.monthly_base AS CHAR) AS monthly_base
             FROM enrolment e JOIN person p ON p.id = e.person_id
            WHERE e.unit_id = ? AND e.insurance_type IN (${types.map(() => '?').join(',')})
              AND e.start_period <= ?
              AND ((e.status = 'ACTIVE' AND (e.stop_period IS NULL OR e.stop_period >= ?)) OR (e.status <> 'ACTIVE' AND e.stop_period >= ?))
              AND p.status = 'ACTIVE'
            ORDER BY e.person_id, e.id`,
          unit.id,
          ...types,
          period,
          period,
          period
        )
  const wages = await db.$queryRaw<WageFact[]>`
    SELECT person_id, CAST(declared_wage AS CHAR) AS declared_wage, CAST(base AS CHAR) AS base
      FROM wage_declaration WHERE unit_id = ${unit.id} AND year = ${socialYear}`
  const wageByPerson = new Map(wages.map((w) => [Number(w.person_id), w]))

  // Per person: the types enrolled and the facts for the base.
  const persons = new Map<number, { types: Set<UnitInsuranceType>; wage: Fen | null; monthlyBase: Fen | null; pensionWage: boolean }>()
  for (const e of enrolments) {
    const id = Number(e.person_id)
    const p = persons.get(id) ?? { types: new Set<UnitInsuranceType>(), wage: null, monthlyBase: null, pensionWage: false }
    p.types.add(e.insurance_type)
    const wage = toFenOrNull(e.declared_wage)
    // Prefer the pension enrolment's facts (the 核定 base of the person), else the first that has any.
    if (wage !== null && (p.wage === null || (e.insurance_type === 'PENSION' && !p.pensionWage))) {
      p.wage = wage
      p.pensionWage = e.insurance_type === 'PENSION'
    }
    const mb = toFenOrNull(e.monthly_base)
    if (mb !== null && p.monthlyBase === null) p.monthlyBase = mb
    persons.set(id, p)
  }

  const lines: PersonLine[] = []
  let floorApplied = 0
  let ceilingApplied = 0
  let undeclaredWage = 0
  let wageTotalFen = 0
  let baseTotalFen = 0
  const totals = new Map<UnitInsuranceType, TypeTotal>(
    types.map((t) => {
      const r = rates.get(t) as RatePair
      return [t, { insuranceType: t, label: InsuranceTypes.label(t), headcount: 0, wageTotalFen: 0, baseTotalFen: 0, unitRatePpm: r.unitPpm, personalRatePpm: r.personalPpm, unitFen: 0, personalFen: 0, totalFen: 0 }]
    })
  )
  for (const [personId, p] of persons) {
    const declared = wageByPerson.get(personId)
    let wageFen: Fen | null
    let baseFen: Fen
    if (declared) {
      wageFen = toFenOrNull(declared.declared_wage)
      baseFen = clampBase(toFenOrNull(declared.base) ?? 0, bounds)
    } else if (p.wage !== null) {
      wageFen = p.wage
      baseFen = contributionBase(p.wage, bounds)
    } else if (p.monthlyBase !== null) {
      wageFen = null
      baseFen = clampBase(p.monthlyBase, bounds)
    } else {
      wageFen = null
      baseFen = bounds.floorFen
      undeclaredWage++
    }
    if (baseFen === bounds.floorFen && (wageFen === null || wageFen < bounds.floorFen)) floorApplied++
    else if (baseFen === bounds.ceilingFen && wageFen !== null && wageFen > bounds.ceilingFen) ceilingApplied++
    wageTotalFen += wageFen ?? baseFen
    baseTotalFen += baseFen
    for (const t of UNIT_TYPES) {
      if (!p.types.has(t)) continue
      const l = contributionLine(t, baseFen, rates.get(t) as RatePair)
      lines.push({ personId, insuranceType: t, wageFen, baseFen, unitFen: l.unitFen, personalFen: l.personalFen })
      const tt = totals.get(t) as TypeTotal
      tt.headcount++
      tt.wageTotalFen += wageFen ?? baseFen
      tt.baseTotalFen += baseFen
      tt.unitFen += l.unitFen
      tt.personalFen += l.personalFen
      tt.totalFen += l.totalFen
    }
  }
  const byType = [...totals.values()]
  const unitFen = byType.reduce((s, t) => s + t.unitFen, 0)
  const personalFen = byType.reduce((s, t) => s + t.personalFen, 0)
  return {
    period,
    socialYear,
    lines,
    byType,
    headcount: persons.size,
    wageTotalFen,
    baseTotalFen,
    unitFen,
    personalFen,
    totalFen: unitFen + personalFen,
    floorApplied,
    ceilingApplied,
    undeclaredWage
  }
}

/** The API form of a type total. */
export function typeTotalView(t: TypeTotal) {
  return {
    insuranceType: t.insuranceType,
    label: t.label,
    headcount: t.headcount,
    wageTotalFen: t.wageTotalFen,
    wageTotalYuan: yuan(t.wageTotalFen),
    baseTotalFen: t.baseTotalFen,
    baseTotalYuan: yuan(t.baseTotalFen),
    unitRatePpm: t.unitRatePpm,
    personalRatePpm: t.personalRatePpm,
    unitFen: t.unitFen,
    unitYuan: yuan(t.unitFen),
    personalFen: t.personalFen,
    personalYuan: yuan(t.personalFen),
    totalFen: t.totalFen,
    totalYuan: yuan(t.totalFen)
  }
}
