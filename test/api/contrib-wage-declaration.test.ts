// 年度缴费工资申报 (§3.3.20; R35, R36, R004-5…8) on the case engine over real HTTP: the 4/1–6/30 window on both sides,
// the previous year's monthly average rounded to 10 yuan (fewer months → actual months; new hire → first month), the
// year's floor/ceiling, 《承诺书》 required, the effect (wage_declaration rows, enrolment bases, the current year
// frozen for May/June), the 7/1 gate of the monthly declaration opening, and the pre-filled template.
import ExcelJS from 'exceljs'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
let unit: FxUnit
let staff: FxPerson[]
let stranger: FxPerson

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  await fx.policy({ year: 2024, standard: '6500.00', floor: '3900.00', ceiling: '19500.00' })
  await fx.policy({ year: 2025, standard: '6700.00', floor: '4020.00', ceiling: '20100.00' })
  unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202505 })) })
  staff = []
  for (let i = 0; i < 5; i++) {
    const p = await fx.person()
    await fx.enrol(p, unit.id, [...ALL], { wage: '5000.00', base: '5000.00' })
    staff.push(p)
  }
  // staff[0] has a 2024 row already; the others do not (their 2024 base lives on the enrolment).
  await fx.wageDeclaration(staff[0] as FxPerson, unit.id, 2024, '6000.00', '6000.00')
  // Paid months in 2024 for the template's 上年工作月数: staff[1] 7 months.
  for (let m = 6; m <= 12; m++) {
    await bff.prisma.contributionRecord.create({
      data: { personId: (staff[1] as FxPerson).id, unitId: unit.id, insuranceType: 'PENSION', period: 202400 + m, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' }
    })
  }
  stranger = await fx.person()
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

const row = (p: FxPerson, wageTotal: number, months: number) => ({ idNumber: p.idNumber, name: p.name, wageTotal, months })

function draft(rows: Record<string, unknown>[], year = 2025) {
  return api(bff.baseUrl, { token: unit.token }).post('/api/cases', {
    body: { matterCode: 'WAGE_DECLARATION', applicantPhone: '13912345678', termsAccepted: true, form: { year }, rows }
  })
}

async function attachCommitment(serialNo: string): Promise<void> {
  const form = new FormData()
  const jpeg = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#eee' } }).jpeg().toBuffer()
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), '承诺书.jpg')
  const up = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${unit.token}` }, body: form })
  expect(up.status).toBe(201)
  const media = (await up.json()) as { id: string }
  const att = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${serialNo}/materials`, { body: { materialCode: 'COMMITMENT', mediaId: media.id } })
  expect(att.status).toBe(201)
}

describe('window 4/1–6/30 (R004-6)', () => {
  it('2025-03-31 23:59:59 → 409; 2025-04-01 00:00:00 → accepted', async () => {
    setContributionsClock(shanghai('2025-03-31 23:59:59'))
    const early = await draft([row(staff[0] as FxPerson, 9_600_000, 12)])
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('WAGE_DECLARATION_WINDOW_CLOSED')
    expect(early.body.error.message).toContain('年度缴费工资申报时限为每年4月1日至6月30日')
    setContributionsClock(shanghai('2025-04-01 00:00:00'))
    const ok = await draft([row(staff[0] as FxPerson, 9_600_000, 12)])
    expect(ok.status, ok.text).toBe(201)
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${ok.body.serialNo}/withdraw`, { body: {} })
  })

  it('a draft made on 6/30 cannot be submitted on 7/1', async () => {
    setContributionsClock(shanghai('2025-06-30 23:59:59'))
    const d = await draft([row(staff[0] as FxPerson, 9_600_000, 12)])
    expect(d.status).toBe(201)
    await attachCommitment(d.body.serialNo)
    setContributionsClock(shanghai('2025-07-01 00:00:00'))
    const late = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${d.body.serialNo}/submit`)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('WAGE_DECLARATION_WINDOW_CLOSED')
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${d.body.serialNo}/withdraw`, { body: {} })
  })
})

describe('declaring the 2025 year in May 2025', () => {
  let serialNo: string

  it('computes the monthly average to 10 yuan and the base within 4020 … 20100; rejects non-staff', async () => {
    setContributionsClock(shanghai('2025-05-20 10:00:00'))
    const res = await draft([
      row(staff[0] as FxPerson, 10_665_600, 12), // 106 656 / 12 = 8888 → 8890
      row(staff[1] as FxPerson, 3_000_000, 4), // 4 months: 7500
      row(staff[2] as FxPerson, 350_000, 1), // new hire, first month 3500 → floor 4020
      row(staff[3] as FxPerson, 30_000_000, 12), // 25 000 → ceiling 20100
      row(staff[4] as FxPerson, 4_444_400, 12), // 3703.67 → 3700 → floor 4020
      row(stranger, 6_000_000, 12)
    ])
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('CASE_ITEMS_INVALID')
    expect(res.body.error.meta.failed).toEqual([expect.objectContaining({ row: 6, reason: '该人员不是本单位参保缴费人员' })])
    const ok = await draft([
      row(staff[0] as FxPerson, 10_665_600, 12),
      row(staff[1] as FxPerson, 3_000_000, 4),
      row(staff[2] as FxPerson, 350_000, 1),
      row(staff[3] as FxPerson, 30_000_000, 12),
      row(staff[4] as FxPerson, 4_444_400, 12)
    ])
    expect(ok.status, ok.text).toBe(201)
    serialNo = ok.body.serialNo
    const items = await api(bff.baseUrl, { token: unit.token }).get(`/api/cases/${serialNo}/items`)
    expect(items.status).toBe(200)
  })

  it('the wrong 申报年度 is refused on submit', async () => {
    const other = await draft([row(staff[0] as FxPerson, 10_665_600, 12)], 2024)
    expect(other.status).toBe(201)
    await attachCommitment(other.body.serialNo)
    const res = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${other.body.serialNo}/submit`)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('申报年度只能为2025年')
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${other.body.serialNo}/withdraw`, { body: {} })
  })

  it('《承诺书》 is required (R36); with it the case takes effect at once', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    const missing = await c.post(`/api/cases/${serialNo}/submit`)
    expect(missing.status).toBe(400)
    expect(missing.body.error.code).toBe('MATERIALS_MISSING')
    expect(missing.body.error.message).toContain('请上传必传材料《承诺书》')
    await attachCommitment(serialNo)
    const done = await c.post(`/api/cases/${serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
  })

  it('writes the 2025 rows and the enrolment bases; freezes 2024 for those without a row', async () => {
    const rows = await bff.prisma.wageDeclaration.findMany({ where: { unitId: unit.id }, orderBy: [{ year: 'asc' }, { personId: 'asc' }] })
    const get = (p: FxPerson, year: number) => rows.find((r) => r.personId === p.id && r.year === year)
    const expected: Array<[string, string]> = [
      ['8890.00', '8890.00'],
      ['7500.00', '7500.00'],
      ['3500.00', '4020.00'],
      ['25000.00', '20100.00'],
      ['3700.00', '4020.00']
    ]
    staff.forEach((p, i) => {
      const r = get(p, 2025)
      expect([r?.declaredWage.toFixed(2), r?.base.toFixed(2)]).toEqual(expected[i])
    })
    expect(get(staff[0] as FxPerson, 2024)?.base.toFixed(2)).toBe('6000.00') // its own row, untouched
    for (const p of staff.slice(1)) expect(get(p, 2024)?.base.toFixed(2)).toBe('5000.00') // frozen from the enrolment
    const e = await bff.prisma.enrolment.findMany({ where: { unitId: unit.id, personId: (staff[0] as FxPerson).id } })
    expect(e.map((x) => [x.declaredWage?.toFixed(2), x.monthlyBase?.toFixed(2)])).toEqual([['8890.00', '8890.00'], ['8890.00', '8890.00'], ['8890.00', '8890.00']])
  })

  it('June is still declared on the 2024 bases; July passes the 7/1 gate on the 2025 bases', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    setContributionsClock(shanghai('2025-06-10 10:00:00'))
    const june = await c.post('/api/unit/contributions/declarations', { body: {} })
    expect(june.status, june.text).toBe(201)
    expect(june.body.baseTotalFen).toBe(600_000 + 4 * 500_000)
    await bff.prisma.unitInsurance.updateMany({ where: { unitId: unit.id }, data: { lastSettledPeriod: 202506 } })
    setContributionsClock(shanghai('2025-07-02 10:00:00'))
    const july = await c.post('/api/unit/contributions/declarations', { body: {} })
    expect(july.status, july.text).toBe(201)
    expect(july.body.baseTotalFen).toBe(889_000 + 750_000 + 402_000 + 2_010_000 + 402_000)
  })
})

describe('the pre-filled template', () => {
  it('lists the unit\'s staff with text ID numbers and last year\'s paid months', async () => {
    setContributionsClock(shanghai('2025-04-10 10:00:00'))
    const res = await fetch(`${bff.baseUrl}/api/unit/contributions/wage-declaration/template`, { headers: { authorization: `Bearer ${unit.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.getCell('A1').value).toBe('年度职工养老保险缴费工资申报表')
    const header = (ws.getRow(3).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '单位编号', '单位名称', '个人编号', '姓名', '身份证号码', '上年工资总额', '上年工作月数'])
    const rows = []
    for (let r = 6; r < 6 + staff.length; r++) rows.push(ws.getRow(r))
    const ids = rows.map((r) => r.getCell(6).value)
    expect(new Set(ids)).toEqual(new Set(staff.map((p) => p.idNumber)))
    for (const r of rows) {
      expect(typeof r.getCell(6).value).toBe('string')
      expect(r.getCell(6).numFmt).toBe('@')
      expect(r.getCell(2).value).toBe(unit.unitNo)
    }
    const s1 = rows.find((r) => r.getCell(6).value === (staff[1] as FxPerson).idNumber)
    expect(s1?.getCell(8).value).toBe('7')
    expect(ws.getRow(6 + staff.length).getCell(6).value ?? null).toBeNull()
    // Another role cannot have it.
    expect((await fetch(`${bff.baseUrl}/api/unit/contributions/wage-declaration/template`, { headers: { authorization: `Bearer ${await fx.personToken(stranger.id)}` } })).status).toBe(403)
  })
})
