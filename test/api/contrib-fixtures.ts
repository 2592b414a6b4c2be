// Test data for the contributions tests (issue 7), written through Prisma (and multi-row SQL for big rosters):
// a region of our own (a fake city code 98xx00 under a fake province 98xx… so no other suite's policy rows apply),
// its policy years (standard, floor, ceiling, rates, the 8 work-injury classes, late fee), units with their insurance
// rows and 最大核止期号, clerks with unit tokens, reviewers, persons with enrolments and wage declarations.
// Every run uses a fresh tag and region; `cleanup()` removes what it made.
import crypto from 'node:crypto'
import { ACCOUNT_INTEREST_RATES, buildIdNumber, fenToYuanString, usccCheckChar, type UnitInsuranceType } from '@shebao/shared'
import type { PrismaClient } from '../../bff/src/db/client.ts'
import type { SigningKeys } from '../../bff/src/http/keys.ts'
import { deleteSessionsOf, sessionToken } from '../helpers/sessions.ts'

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('')
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇']
export const randomName = () => `${SURNAMES[crypto.randomInt(10)]}${GIVEN[crypto.randomInt(10)]}${GIVEN[crypto.randomInt(10)]}`

export interface PolicySpec {
  year: number
  standard: string
  floor: string
  ceiling: string
  pension?: [string, string]
  unemployment?: [string, string]
  /** Rate of work-injury class 1…8 (DECIMAL fractions). */
  workInjuryClasses?: string[]
  lateFeeDaily?: string
}

export interface UnitSpec {
  riskClass?: number
  insurances: Array<{ type: UnitInsuranceType; enrolledOn?: string; lastSettled: number | null }>
  name?: string
}

export interface FxUnit {
  id: number
  unitNo: string
  name: string
  clerkPersonId: number
  token: string
}

export interface FxPerson {
  id: number
  personNo: string
  idNumber: string
  name: string
}

export const DEFAULT_WORK_INJURY = ['0.002000', '0.004000', '0.007000', '0.009000', '0.011000', '0.013000', '0.016000', '0.019000']

export class ContribFixtures {
  readonly tag = crypto.randomBytes(3).toString('hex').toUpperCase()
  /** A city code of our own: 98 + two random digits + 00. */
  readonly regionCode = `98${String(10 + crypto.randomInt(90))}00`
  readonly provinceCode = `${this.regionCode.slice(0, 2)}0000`
  private readonly unitIds: number[] = []
  private readonly personIds: number[] = []
  private readonly reviewerIds: number[] = []
  private seq = 0

  constructor(
    readonly prisma: PrismaClient,
    readonly keys: SigningKeys
  ) {}

  async setup(): Promise<void> {
    const p = this.prisma
    await p.region.upsert({ where: { code: this.provinceCode }, update: {}, create: { code: this.provinceCode, name: '测试省', level: 1 } })
    await p.region.upsert({ where: { code: this.regionCode }, update: {}, create: { code: this.regionCode, name: `测${this.tag}市`, parentCode: this.provinceCode, level: 2 } })
    // Policy rows left by an earlier run that failed before cleanup.
    await p.policyYear.deleteMany({ where: { regionCode: this.regionCode } })
    // 记账利率 as published (PRODUCT.md; the seed writes the same rows).
    for (const [year, ppm] of Object.entries(ACCOUNT_INTEREST_RATES)) {
      await p.accountInterestRate.upsert({ where: { year: Number(year) }, update: {}, create: { year: Number(year), rate: (ppm / 1_000_000).toFixed(6) } })
    }
  }

  async policy(spec: PolicySpec): Promise<number> {
    const row = await this.prisma.policyYear.create({
      data: {
        regionCode: this.regionCode,
        year: spec.year,
        baseStandard: spec.standard,
        baseFloor: spec.floor,
        baseCeiling: spec.ceiling,
        lateFeeDailyRate: spec.lateFeeDaily ?? '0.000500',
        rates: {
          create: [
            { insuranceType: 'PENSION', unitRate: spec.pension?.[0] ?? '0.160000', personalRate: spec.pension?.[1] ?? '0.080000' },
            { insuranceType: 'UNEMPLOYMENT', unitRate: spec.unemployment?.[0] ?? '0.007000', personalRate: spec.unemployment?.[1] ?? '0.003000' },
            { insuranceType: 'WORK_INJURY', unitRate: (spec.workInjuryClasses ?? DEFAULT_WORK_INJURY)[0] as string, personalRate: '0.000000' }
          ]
        },
        workInjuryClasses: { create: (spec.workInjuryClasses ?? DEFAULT_WORK_INJURY).map((rate, i) => ({ riskClass: i + 1, rate })) }
      },
      select: { id: true }
    })
    return row.id
  }

  private idNumber(birth = '1985-06-15'): string {
    for (;;) {
      const y = 1965 + crypto.randomInt(35)
      const d = `${y}-${String(1 + crypto.randomInt(12)).padStart(2, '0')}-${String(1 + crypto.randomInt(28)).padStart(2, '0')}`
      void birth
      return buildIdNumber('420502', d, crypto.randomInt(1000))
    }
  }

  async person(opts: { name?: string; status?: 'ACTIVE' | 'RETIRED' | 'DECEASED' } = {}): Promise<FxPerson> {
    for (let attempt = 0; ; attempt++) {
      const idNumber = this.idNumber()
      try {
        const p = await this.prisma.person.create({
          data: {
            personNo: `TB${this.tag}${String(++this.seq).padStart(8, '0')}`,
            idNumber,
            name: opts.name ?? randomName(),
            sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
            birthDate: new Date(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}T00:00:00Z`),
            regionCode: this.regionCode,
            status: opts.status ?? 'ACTIVE'
          },
          select: { id: true, personNo: true, idNumber: true, name: true }
        })
        this.personIds.push(p.id)
        return p
      } catch (err) {
        if (attempt < 5 && (err as { code?: string }).code === 'P2002') continue
        throw err
      }
    }
  }

  async unit(spec: UnitSpec): Promise<FxUnit> {
    const clerk = await this.person({ name: '经办' + randomName().slice(1) })
    const body17 = `91${this.regionCode}${digits(9)}`
    const u = await this.prisma.unit.create({
      data: {
        unitNo: `TB${this.tag}${digits(6)}`.slice(0, 20),
        name: spec.name ?? `测试缴费${this.tag}${digits(4)}有限公司`,
        creditCode: body17 + usccCheckChar(body17),
        regionCode: this.regionCode,
        riskClass: spec.riskClass ?? 1,
        legalRepName: '法人' + randomName().slice(1),
        legalRepIdNumber: this.idNumber()
      },
      select: { id: true, unitNo: true, name: true }
    })
    this.unitIds.push(u.id)
    for (const i of spec.insurances) {
      await this.prisma.unitInsurance.create({
        data: { unitId: u.id, insuranceType: i.type, status: 'ACTIVE', enrolledOn: new Date(`${i.enrolledOn ?? '2015-01-01'}T00:00:00Z`), lastSettledPeriod: i.lastSettled }
      })
    }
    await this.prisma.unitClerk.create({ data: { unitId: u.id, personId: clerk.id, name: clerk.name, idNumber: clerk.idNumber, phone: `139${digits(8)}` } })
    return { ...u, clerkPersonId: clerk.id, token: await this.unitToken(clerk.id, u.id) }
  }

  /** Tokens come with their session rows (test/helpers/sessions.ts); cleanup() removes them. */
  async unitToken(personId: number, unitId: number): Promise<string> {
    return sessionToken(this.prisma, this.keys, { role: 'unit', personId, unitId })
  }

  async personToken(personId: number): Promise<string> {
    return sessionToken(this.prisma, this.keys, { role: 'person', personId })
  }

  async reviewerToken(regionCode: string | null = null): Promise<string> {
    const r = await this.prisma.reviewer.create({ data: { username: `t_contrib_${this.tag}_${digits(6)}`, name: '审核员乙', passwordHash: 'x', regionCode } })
    this.reviewerIds.push(r.id)
    return sessionToken(this.prisma, this.keys, { role: 'reviewer', reviewerId: r.id })
  }

  /** Enrol a person in the unit: ACTIVE from `startPeriod`, with the declared (增员) wage in yuan. */
  async enrol(person: FxPerson, unitId: number, types: UnitInsuranceType[], opts: { startPeriod?: number; wage?: string | null; base?: string | null; status?: 'ACTIVE' | 'SUSPENDED'; stopPeriod?: number | null } = {}): Promise<void> {
    const start = opts.startPeriod ?? 201801
    for (const t of types) {
      await this.prisma.enrolment.create({
        data: {
          personId: person.id,
          unitId,
          insuranceType: t,
          status: opts.status ?? 'ACTIVE',
          startedOn: new Date(Date.UTC(Math.floor(start / 100), (start % 100) - 1, 1)),
          startPeriod: start,
          stopPeriod: opts.stopPeriod ?? null,
          declaredWage: opts.wage === undefined ? '5000.00' : opts.wage,
          monthlyBase: opts.base === undefined ? (opts.wage === undefined ? '5000.00' : opts.wage) : opts.base
        }
      })
    }
  }

  async wageDeclaration(person: FxPerson, unitId: number, year: number, wage: string, base: string): Promise<void> {
    await this.prisma.wageDeclaration.create({ data: { unitId, personId: person.id, year, declaredWage: wage, base } })
  }

  /**
   * A roster of `n` persons enrolled in `types` with wages spread over the bounds, by multi-row INSERT (thousands of
   * rows per statement; Prisma's createMany would take seconds for 5 000 persons).
   */
  async roster(unitId: number, n: number, types: UnitInsuranceType[], wageFen: (i: number) => number = (i) => 400_000 + ((i * 7919) % 1_200_000)): Promise<number[]> {
    const first = this.seq + 1
    const rows: string[] = []
    const used = new Set<string>()
    for (let i = 0; i < n; i++) {
      let id: string
      do id = this.idNumber()
      while (used.has(id))
      used.add(id)
      const no = `TB${this.tag}${String(++this.seq).padStart(8, '0')}`
      rows.push(`('${no}','${id}','员工${i}','${Number(id[16]) % 2 === 1 ? '1' : '2'}','${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}','${this.regionCode}','ACTIVE',NOW(3),NOW(3))`)
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await this.prisma.$executeRawUnsafe(
        `INSERT IGNORE INTO person (person_no, id_number, name, sex, birth_date, region_code, status, created_at, updated_at) VALUES ${rows.slice(i, i + 2000).join(',')}`
      )
    }
    const persons = await this.prisma.person.findMany({
      where: { personNo: { gte: `TB${this.tag}${String(first).padStart(8, '0')}`, lte: `TB${this.tag}${String(this.seq).padStart(8, '0')}` } },
      select: { id: true },
      orderBy: { id: 'asc' }
    })
    const ids = persons.map((p) => p.id)
    this.personIds.push(...ids)
    const enrolments: string[] = []
    ids.forEach((pid, i) => {
      const wage = fenToYuanString(wageFen(i))
      for (const t of types) enrolments.push(`(${pid},${unitId},'${t}','ACTIVE','2018-01-01',201801,${wage},${wage},NOW(3),NOW(3))`)
    })
    for (let i = 0; i < enrolments.length; i += 3000) {
      await this.prisma.$executeRawUnsafe(
        `INSERT INTO enrolment (person_id, unit_id, insurance_type, status, started_on, start_period, monthly_base, declared_wage, created_at, updated_at) VALUES ${enrolments.slice(i, i + 3000).join(',')}`
      )
    }
    return ids
  }

  async cleanup(): Promise<void> {
    const db = this.prisma
    const units = this.unitIds
    const persons = this.personIds
    await deleteSessionsOf(db, { unitIds: units, reviewerIds: this.reviewerIds })
    if (units.length) {
      await db.contributionRecord.deleteMany({ where: { unitId: { in: units } } })
      await db.bill.deleteMany({ where: { unitId: { in: units } } })
      await db.contributionDeclaration.deleteMany({ where: { unitId: { in: units } } })
      await db.wageDeclaration.deleteMany({ where: { unitId: { in: units } } })
      await db.enrolment.deleteMany({ where: { unitId: { in: units } } })
      await db.case.deleteMany({ where: { unitId: { in: units } } })
      await db.media.deleteMany({ where: { ownerUnitId: { in: units } } })
      await db.idempotencyKey.deleteMany({ where: { OR: units.map((id) => ({ scope: { startsWith: `unit:${id}:` } })) } })
      await db.unit.deleteMany({ where: { id: { in: units } } })
    }
    for (let i = 0; i < persons.length; i += 2000) {
      const part = persons.slice(i, i + 2000)
      await deleteSessionsOf(db, { personIds: part })
      await db.personalAccountYear.deleteMany({ where: { personId: { in: part } } })
      await db.contributionRecord.deleteMany({ where: { personId: { in: part } } })
      await db.person.deleteMany({ where: { id: { in: part } } })
    }
    if (this.reviewerIds.length) {
      await db.idempotencyKey.deleteMany({ where: { scope: { in: this.reviewerIds.map((id) => `reviewer:${id}`) } } })
      await db.reviewer.deleteMany({ where: { id: { in: this.reviewerIds } } })
    }
    await db.policyYear.deleteMany({ where: { regionCode: this.regionCode } })
    await db.region.deleteMany({ where: { code: this.regionCode } })
  }
}

/** Shanghai wall-clock time → the instant (tests set the module clock with it). */
export function shanghai(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}+08:00`)
}
