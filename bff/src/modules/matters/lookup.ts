// Batched lookups the staff matters share: persons by ID number, their enrolments, in-flight rows of other cases,
// the contribution-base bounds of a region and year. Chunked IN (…) queries, so 10 000 rows cost a few queries.
import {
  InsuranceTypes,
  fenToYuanString,
  socialYearOf,
  yuanToFen,
  type BaseBounds,
  type Fen,
  type Period
} from '@shebao/shared'
import { Prisma, type PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'

type Db = PrismaClient | Tx

export const CHUNK = 1000

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export interface PersonLite {
  id: number
  personNo: string
  idNumber: string
  name: string
  status: 'ACTIVE' | 'RETIRED' | 'DECEASED'
}

export async function personsByIdNumber(db: Db, idNumbers: readonly string[]): Promise<Map<string, PersonLite>> {
  const out = new Map<string, PersonLite>()
  for (const part of chunks([...new Set(idNumbers)])) {
    const rows = await db.person.findMany({
      where: { idNumber: { in: part } },
      select: { id: true, personNo: true, idNumber: true, name: true, status: true }
    })
    for (const r of rows) out.set(r.idNumber, r)
  }
  return out
}

export async function personsByPersonNo(db: Db, personNos: readonly string[]): Promise<Map<string, PersonLite>> {
  const out = new Map<string, PersonLite>()
  for (const part of chunks([...new Set(personNos)])) {
    const rows = await db.person.findMany({
      where: { personNo: { in: part } },
      select: { id: true, personNo: true, idNumber: true, name: true, status: true }
    })
    for (const r of rows) out.set(r.personNo, r)
  }
  return out
}

export interface EnrolmentLite {
  id: number
  personId: number
  unitId: number | null
  insuranceType: string
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED'
  startPeriod: number
}

/** Enrolments of these persons in the unit types (any unit), optionally only some statuses. */
export async function enrolmentsOf(db: Db, personIds: readonly number[], statuses?: Array<'ACTIVE' | 'SUSPENDED' | 'TERMINATED'>): Promise<Map<number, EnrolmentLite[]>> {
  const out = new Map<number, EnrolmentLite[]>()
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await db.enrolment.findMany({
      where: {
        personId: { in: part },
        insuranceType: { in: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] },
        ...(statuses ? { status: { in: statuses } } : {})
      },
      select: { id: true, personId: true, unitId: true, insuranceType: true, status: true, startPeriod: true }
    })
    for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r])
  }
  return out
}

/** The in-flight key of a worker's staff change within a unit (case_item.in_flight_key). */
export function staffInFlightKey(unitId: number, idNumber: string): string {
  return `staff:${unitId}:${idNumber}`
}

/** ID numbers (of these) that another open case of the unit holds in flight. */
export async function workersInFlight(db: Db, unitId: number, idNumbers: readonly string[], exceptCaseId?: number): Promise<Set<string>> {
  const out = new Set<string>()
  for (const part of chunks([...new Set(idNumbers)])) {
    const rows = await db.caseItem.findMany({
      where: {
        inFlightKey: { in: part.map((id) => staffInFlightKey(unitId, id)) },
        ...(exceptCaseId !== undefined ? { caseId: { not: exceptCaseId } } : {})
      },
      select: { inFlightKey: true }
    })
    for (const r of rows) if (r.inFlightKey) out.add(r.inFlightKey.slice(r.inFlightKey.lastIndexOf(':') + 1))
  }
  return out
}

export function insuranceLabel(type: string): string {
  return InsuranceTypes.label(type)
}

/** Region codes to try for policy parameters: the county, its city, its province. */
function regionChain(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])]
}

/**
 * The floor and ceiling of the base for a region and period: the policy year of the period's social-insurance
 * year (7/1–6/30) for the region, its city or its province; the latest earlier year when that one is not yet
 * published. undefined when no parameters exist (then only the 10-yuan rounding applies).
 */
export async function baseBounds(db: Db, regionCode: string, period: Period): Promise<BaseBounds | undefined> {
  const year = socialYearOf(period)
  const rows = await db.policyYear.findMany({
    where: { regionCode: { in: regionChain(regionCode) }, year: { lte: year } },
    orderBy: { year: 'desc' },
    select: { regionCode: true, year: true, baseFloor: true, baseCeiling: true }
  })
  for (const code of regionChain(regionCode)) {
    const r = rows.find((x) => x.regionCode === code)
    if (r) return { floorFen: decimalToFen(r.baseFloor), ceilingFen: decimalToFen(r.baseCeiling) }
  }
  return undefined
}

export function decimalToFen(d: Prisma.Decimal | string | number): Fen {
  return yuanToFen(typeof d === 'object' ? d.toFixed(2) : String(d))
}

export function fenToDecimal(fen: Fen): Prisma.Decimal {
  return new Prisma.Decimal(fenToYuanString(fen))
}

/** 'YYYY-MM-DD' → a Date at UTC midnight (what Prisma writes to a DATE column unchanged). */
export function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`)
}

export function isoOfDate(d: Date | null | undefined): string | undefined {
  return d ? d.toISOString().slice(0, 10) : undefined
}

/**
 * Lock the person rows of these ID numbers (FOR UPDATE, in id order so two effects never deadlock on each other):
 * concurrent effects about the same workers (two units' 增员 approved at once) queue here, and the re-check that
 * follows sees the other's result (case transactions run READ COMMITTED).
 */
export async function lockPersons(db: Tx, idNumbers: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(idNumbers)].sort())) {
    await db.$queryRaw`SELECT id FROM person WHERE id_number IN (${Prisma.join(part)}) ORDER BY id FOR UPDATE`
  }
}
