// Test data for the case-engine suites (issue 6), written through Prisma with fresh, valid IDs on every run: units
// taking part in 养老/失业/工伤 (最大核止期号 last month), their clerks (one of them the legal representative),
// workers with enrolments, reviewers, the policy year's base bounds; tokens minted with the app's keys for sessions
// that exist in the database. `cleanup()` removes everything created (cases, media, enrolments, persons created by
// the 增员 effect too).
import crypto from 'node:crypto'
import { addMonths, buildIdNumber, shanghaiPeriod, socialYearOf, type UnitInsuranceType } from '@shebao/shared'
import type { PrismaClient } from '../../bff/src/db/client.ts'
import type { SigningKeys } from '../../bff/src/http/keys.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { sessionToken } from '../helpers/sessions.ts'

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('')
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇']
export const randomName = () => `${SURNAMES[crypto.randomInt(10)]}${GIVEN[crypto.randomInt(10)]}${GIVEN[crypto.randomInt(10)]}`

const usedIds = new Set<string>()
/** A fresh valid ID number (random birth date 1970–1999, county 420502/420503/420506). */
export function freshIdNumber(birthYear?: number): string {
  for (;;) {
    const y = birthYear ?? 1970 + crypto.randomInt(30)
    const d = `${y}-${String(1 + crypto.randomInt(12)).padStart(2, '0')}-${String(1 + crypto.randomInt(28)).padStart(2, '0')}`
    const id = buildIdNumber(['420502', '420503', '420506'][crypto.randomInt(3)] as string, d, crypto.randomInt(1000))
    if (!usedIds.has(id)) {
      usedIds.add(id)
      return id
    }
  }
}

/** The same number with a wrong check character. */
export function badChecksum(id: string): string {
  const c = id[17] === '0' ? '1' : '0'
  return id.slice(0, 17) + c
}

export interface Worker {
  id: number
  personNo: string
  idNumber: string
  name: string
}

export interface UnitFx {
  id: number
  unitNo: string
  name: string
  /** The legal representative, who is also a clerk. */
  legalRep: Worker
  /** Token of the legal representative signed in for the unit. */
  legalRepToken: string
  /** A clerk who is not the legal representative. */
  clerk: Worker
  clerkToken: string
}

export class CaseFixtures {
  readonly tag = crypto.randomBytes(3).toString('hex').toUpperCase()
  readonly current = shanghaiPeriod(new Date())
  readonly lastSettled = addMonths(shanghaiPeriod(new Date()), -1)
  private readonly unitIds: number[] = []
  private readonly personIds: number[] = []
  private readonly reviewerIds: number[] = []
  /** ID numbers handed to tests for persons the 增员 effect may create. */
  private readonly newcomerIds: string[] = []

  constructor(
    readonly prisma: PrismaClient,
    readonly keys: SigningKeys
  ) {}

  async setup(): Promise<void> {
    const p = this.prisma
    await p.region.upsert({ where: { code: '420000' }, update: {}, create: { code: '420000', name: '湖北省', level: 1 } })
    await p.region.upsert({ where: { code: '420500' }, update: {}, create: { code: '420500', name: '宜昌市', parentCode: '420000', level: 2 } })
    await p.region.upsert({ where: { code: '420502' }, update: {}, create: { code: '420502', name: '西陵区', parentCode: '420500', level: 3 } })
    await p.region.upsert({ where: { code: '430100' }, update: {}, create: { code: '430100', name: '长沙市', parentCode: '430000', level: 2 } })
    // Base bounds of the city for this and last social-insurance year (Yichang 2022: 3450 / 18000, seed 004 FAQ5).
    for (const year of [socialYearOf(this.current), socialYearOf(this.current) - 1]) {
      await p.policyYear.upsert({
        where: { regionCode_year: { regionCode: '420500', year } },
        update: {},
        create: { regionCode: '420500', year, baseStandard: '6000.00', baseFloor: '3450.00', baseCeiling: '18000.00' }
      })
    }
  }

  /** A newcomer's ID number (no person row yet); cleaned up if an effect creates the person. */
  newcomerId(birthYear?: number): string {
    const id = freshIdNumber(birthYear)
    this.newcomerIds.push(id)
    return id
  }

  async worker(opts: { name?: string; birthYear?: number; status?: 'ACTIVE' | 'RETIRED' | 'DECEASED' } = {}): Promise<Worker> {
    const idNumber = freshIdNumber(opts.birthYear)
    const name = opts.name ?? randomName()
    const w = await this.prisma.person.create({
      data: {
        personNo: `TC${this.tag}${digits(6)}`,
        idNumber,
        name,
        sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
        birthDate: new Date(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}T00:00:00Z`),
        phone: `139${digits(8)}`,
        regionCode: '420500',
        status: opts.status ?? 'ACTIVE',
        ethnicity: '01',
        education: '90',
        maritalStatus: '9'
      },
      select: { id: true, personNo: true, idNumber: true, name: true }
    })
    this.personIds.push(w.id)
    return w
  }

  /** Enrol a worker in a unit for types, ACTIVE from `startPeriod` (default 2 years ago). */
  async enrol(worker: Worker, unitId: number, types: UnitInsuranceType[] = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'], startPeriod = addMonths(this.current, -24)): Promise<void> {
    const y = Math.floor(startPeriod / 100)
    const m = startPeriod % 100
    for (const t of types) {
      await this.prisma.enrolment.create({
        data: {
          personId: worker.id,
          unitId,
          insuranceType: t,
          status: 'ACTIVE',
          startedOn: new Date(Date.UTC(y, m - 1, 1)),
          startPeriod,
          monthlyBase: '5000.00',
          declaredWage: '5000.00'
        }
      })
    }
  }

  async token(role: 'unit' | 'person', personId: number, unitId?: number): Promise<string> {
    if (role === 'unit' && unitId === undefined) throw new Error('a unit token needs the unit')
    return sessionToken(this.prisma, this.keys, role === 'unit' ? { role, personId, unitId: unitId as number } : { role, personId })
  }

  async reviewerToken(regionCode: string | null = null): Promise<{ id: number; token: string }> {
    const r = await this.prisma.reviewer.create({
      data: { username: `t_case_rev_${this.tag}_${digits(6)}`, name: '审核员甲', passwordHash: 'x', regionCode }
    })
    this.reviewerIds.push(r.id)
    return { id: r.id, token: await sessionToken(this.prisma, this.keys, { role: 'reviewer', reviewerId: r.id }) }
  }

  async unit(opts: { types?: UnitInsuranceType[]; lastSettled?: number | null; regionCode?: string } = {}): Promise<UnitFx> {
    const legalRep = await this.worker({ name: '法人' + randomName().slice(1) })
    const regionCode = opts.regionCode ?? '420500'
    const u = await this.prisma.unit.create({
      data: {
        unitNo: `TC${this.tag}${digits(6)}`.slice(0, 20),
        name: `测试${this.tag}${digits(4)}有限公司`,
        creditCode: `91420500${digits(9)}X`,
        regionCode,
        riskClass: 2,
        legalRepName: legalRep.name,
        legalRepIdNumber: legalRep.idNumber,
        sizeClass: '小型企业',
        businessScope: '机电设备销售',
        address: '宜昌市西陵区东山大道1号',
        contactName: '张联系',
        contactPhone: '13900000000'
      },
      select: { id: true, unitNo: true, name: true }
    })
    this.unitIds.push(u.id)
    const lastSettled = opts.lastSettled === undefined ? this.lastSettled : opts.lastSettled
    for (const t of opts.types ?? ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']) {
      await this.prisma.unitInsurance.create({
        data: { unitId: u.id, insuranceType: t, status: 'ACTIVE', enrolledOn: new Date('2018-04-01T00:00:00Z'), lastSettledPeriod: lastSettled }
      })
    }
    const clerk = await this.worker()
    for (const c of [legalRep, clerk]) {
      await this.prisma.unitClerk.create({ data: { unitId: u.id, personId: c.id, name: c.name, idNumber: c.idNumber, phone: `138${digits(8)}`, department: '人事部' } })
    }
    return {
      ...u,
      legalRep,
      legalRepToken: await this.token('unit', legalRep.id, u.id),
      clerk,
      clerkToken: await this.token('unit', clerk.id, u.id)
    }
  }

  async cleanup(): Promise<void> {
    const p = this.prisma
    const newcomers = await p.person.findMany({ where: { idNumber: { in: this.newcomerIds } }, select: { id: true } })
    const personIds = [...this.personIds, ...newcomers.map((n) => n.id)]
    if (this.unitIds.length) {
      await p.case.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.media.deleteMany({ where: { ownerUnitId: { in: this.unitIds } } })
      await p.session.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.bankAccount.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.unitClerk.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.contributionRecord.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.enrolment.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.idempotencyKey.deleteMany({ where: { OR: this.unitIds.map((id) => ({ scope: { startsWith: `unit:${id}:` } })) } })
    }
    if (personIds.length) {
      await p.case.deleteMany({ where: { personId: { in: personIds } } })
      await p.media.deleteMany({ where: { ownerPersonId: { in: personIds } } })
      await p.session.deleteMany({ where: { personId: { in: personIds } } })
      await p.enrolment.deleteMany({ where: { personId: { in: personIds } } })
      await p.unitClerk.deleteMany({ where: { personId: { in: personIds } } })
    }
    if (this.unitIds.length) {
      await p.unitInsurance.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await p.unit.deleteMany({ where: { id: { in: this.unitIds } } })
    }
    if (personIds.length) await p.person.deleteMany({ where: { id: { in: personIds } } })
    if (this.reviewerIds.length) {
      await p.session.deleteMany({ where: { reviewerId: { in: this.reviewerIds } } })
      await p.reviewer.deleteMany({ where: { id: { in: this.reviewerIds } } })
    }
  }
}

/** Step 1 of the wizard for a matter. */
export function draftBody(matterCode: string, extra: Record<string, unknown> = {}) {
  return { matterCode, applicantPhone: '18555555555', termsAccepted: true, ...extra }
}

export function client(baseUrl: string, token: string) {
  return api(baseUrl, { token })
}

/**
 * The BFF for these suites with the production pool size (16 connections) instead of the helper's 4:
 * the concurrency tests fire 50 submissions at once, and the pool's 5 s acquire timeout is about the machine,
 * not the engine. (poolConfigFromUrl honours ?connection_limit=.)
 */
export function startCasesBff(): Promise<RunningBff> {
  const url = new URL(process.env.DATABASE_URL as string)
  url.searchParams.set('connection_limit', '16')
  return startBff({ env: { DATABASE_URL: url.toString() } })
}
