// 稽核认定缴费基数 (seed 002 §3.3.21, R40) over real HTTP: the center records the base its audit determined
// (`/api/review/audit-bases`: reviewer only, within the reviewer's region, Chinese field messages, Idempotency-Key,
// no overlapping determinations), and a 缴费工资变更 touching audited months must arrive at exactly that base — in
// single mode (添加校验 on create, 确认提交 re-checks) and in batch mode (T14) — while months outside every
// determination are not concerned.
import ExcelJS from 'exceljs'
import { getMatter } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
/** A second region (another center's units and workers). */
let fxOther: ContribFixtures
let reviewer: string
let otherReviewer: string
let unit: FxUnit
let otherUnit: FxUnit
let worker: FxPerson
let pensionOnly: FxPerson
let floored: FxPerson
let batchWorker: FxPerson
let outsider: FxPerson

const TYPES = ['PENSION', 'UNEMPLOYMENT'] as const

/** Paid at base 5000 from 2023-09 to 2025-08 (pension 800/400, unemployment 35/15). */
async function paidHistory(p: FxPerson, unitId: number) {
  const data = []
  for (let period = 202309; period <= 202508; period = period % 100 === 12 ? period + 89 : period + 1) {
    data.push({ personId: p.id, unitId, insuranceType: 'PENSION' as const, period, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' as const, paidAt: new Date() })
    data.push({ personId: p.id, unitId, insuranceType: 'UNEMPLOYMENT' as const, period, base: '5000.00', unitAmount: '35.00', personalAmount: '15.00', status: 'PAID' as const, paidAt: new Date() })
  }
  await bff.prisma.contributionRecord.createMany({ data })
}

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  fxOther = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  await fxOther.setup()
  for (const f of [fx, fxOther]) {
    for (const [year, standard, floor, ceiling] of [
      [2023, '6250.00', '3750.00', '18750.00'],
      [2024, '6500.00', '3900.00', '19500.00'],
      [2025, '6700.00', '4020.00', '20100.00']
    ] as const) {
      await f.policy({ year, standard, floor, ceiling })
    }
  }
  reviewer = await fx.reviewerToken(fx.regionCode)
  otherReviewer = await fxOther.reviewerToken(fxOther.regionCode)
  unit = await fx.unit({ insurances: TYPES.map((type) => ({ type, lastSettled: 202508 })) })
  otherUnit = await fxOther.unit({ insurances: TYPES.map((type) => ({ type, lastSettled: 202508 })) })
  worker = await fx.person()
  pensionOnly = await fx.person()
  floored = await fx.person()
  batchWorker = await fx.person()
  for (const p of [worker, pensionOnly, floored, batchWorker]) {
    await fx.enrol(p, unit.id, [...TYPES], { startPeriod: 202301 })
    await paidHistory(p, unit.id)
  }
  outsider = await fxOther.person()
  await fxOther.enrol(outsider, otherUnit.id, [...TYPES], { startPeriod: 202301 })
  setContributionsClock(shanghai('2025-09-15 10:00:00'))
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await fxOther?.cleanup()
  await bff?.close()
})

const record = (token: string, body: Record<string, unknown>, key?: string) =>
  api(bff.baseUrl, { token }).post('/api/review/audit-bases', { body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) })
const determination = (p: FxPerson, over: Record<string, unknown> = {}) => ({
  unitNo: unit.unitNo,
  idNumber: p.idNumber,
  startPeriod: 202501,
  endPeriod: 202503,
  baseFen: 600_000,
  documentNo: `宜人社稽字〔2025〕${p.id}号`,
  ...over
})

const row = (p: FxPerson, startPeriod: number, endPeriod: number, monthlyWage: number) => ({ idNumber: p.idNumber, name: p.name, startPeriod, endPeriod, monthlyWage })
const failures = (res: { body: any }) => (res.body.error?.meta?.failed ?? []).map((f: { row: number; reason: string }) => `${f.row}:${f.reason}`)
const create = (rows: Record<string, unknown>[]) =>
  api(bff.baseUrl, { token: unit.token }).post('/api/cases', { body: { matterCode: 'WAGE_CHANGE', applicantPhone: '13912345678', termsAccepted: true, rows } })
/** The rows pass (201); the draft is withdrawn again so the next test starts clean. */
async function passes(rows: Record<string, unknown>[]) {
  const res = await create(rows)
  expect(res.status, res.text).toBe(201)
  await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${res.body.serialNo}/withdraw`, { body: {} })
}

describe('录入稽核认定缴费基数 (the center)', () => {
  it('only reviewers: a unit clerk or a person is refused, without a token 401', async () => {
    const body = determination(worker)
    expect((await record(unit.token, body)).status).toBe(403)
    expect((await record(await fx.personToken(worker.id), body)).status).toBe(403)
    expect((await api(bff.baseUrl, { token: unit.token }).get('/api/review/audit-bases')).status).toBe(403)
    expect((await api(bff.baseUrl).post('/api/review/audit-bases', { body })).status).toBe(401)
    expect(await bff.prisma.auditBaseDetermination.count({ where: { unitId: unit.id } })).toBe(0)
  })

  it('another region’s unit or worker, an unknown unit, a worker never enrolled in the unit → 404', async () => {
    // The other region's unit and its worker, seen by this region's reviewer.
    const otherUnitsRow = await record(reviewer, { ...determination(outsider), unitNo: otherUnit.unitNo })
    expect(otherUnitsRow.status, otherUnitsRow.text).toBe(404)
    // This region's unit, a worker enrolled only in the other region.
    const notEnrolled = await record(reviewer, determination(outsider))
    expect(notEnrolled.status).toBe(404)
    expect(notEnrolled.body.error.message).toBe('未查询到该人员在该单位的参保信息')
    // This region's worker, by the other region's reviewer.
    expect((await record(otherReviewer, determination(worker))).status).toBe(404)
    const unknown = await record(reviewer, { ...determination(worker), unitNo: 'NOSUCHUNIT' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toContain('未查询到该单位')
    expect(await bff.prisma.auditBaseDetermination.count({ where: { unitId: { in: [unit.id, otherUnit.id] } } })).toBe(0)
  })

  it('bad input → 400 naming the field in Chinese', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ unitNo: '' }, 'unitNo', '单位编号不能为空'],
      [{ idNumber: '42050219880417135' }, 'idNumber', '证件号码有误'],
      [{ insuranceType: 'MEDICAL' }, 'insuranceType', '险种须为养老、失业或工伤保险'],
      [{ startPeriod: 202513 }, 'startPeriod', '开始年月须为有效的年月'],
      [{ startPeriod: 202504, endPeriod: 202503 }, 'endPeriod', '结束年月不能早于开始年月'],
      [{ endPeriod: 202510 }, 'endPeriod', '结束年月不能晚于本月（2025年09月）'],
      [{ baseFen: 0 }, 'baseFen', '认定缴费基数须大于0'],
      [{ baseFen: '6000' }, 'baseFen', '认定缴费基数须为以分为单位的整数'],
      // 2024-07 … 2025-03 spans two social years: the 2024 ceiling applies to its months.
      [{ startPeriod: 202407, baseFen: 2_000_000 }, 'baseFen', '认定缴费基数须在2024社保年度缴费基数下限至上限之间（3,900.00元至19,500.00元）'],
      [{ baseFen: 380_000 }, 'baseFen', '认定缴费基数须在2024社保年度缴费基数下限至上限之间（3,900.00元至19,500.00元）'],
      [{ baseFen: 600_500 }, 'baseFen', '认定缴费基数须保留到10元'],
      [{ documentNo: '  ' }, 'documentNo', '稽核文书号不能为空'],
      [{ remark: 'x'.repeat(257) }, 'remark', '备注不能超过256个字符']
    ]
    for (const [over, field, message] of cases) {
      const res = await record(reviewer, determination(worker, over))
      expect(res.status, `${JSON.stringify(over)} ${res.text}`).toBe(400)
      expect(res.body.error.field).toBe(field)
      expect(res.body.error.message).toContain(message)
    }
    // A month without any published policy year (before 2023 in this region).
    const noPolicy = await record(reviewer, determination(worker, { startPeriod: 202201, endPeriod: 202201 }))
    expect(noPolicy.status).toBe(409)
    expect(noPolicy.body.error.message).toContain('2021社保年度')
    expect(await bff.prisma.auditBaseDetermination.count({ where: { unitId: unit.id } })).toBe(0)
  })

  it('records once per Idempotency-Key; the same key with another body → 422; overlapping determinations → 422', async () => {
    const key = `audit-${fx.tag}-1`
    const first = await record(reviewer, determination(worker), key)
    expect(first.status, first.text).toBe(201)
    expect(first.body).toMatchObject({
      unitNo: unit.unitNo,
      personNo: worker.personNo,
      name: worker.name,
      insuranceType: null,
      insuranceLabel: '全部险种',
      startPeriod: 202501,
      endPeriod: 202503,
      periodText: '2025年01月至2025年03月',
      baseFen: 600_000,
      baseYuan: '6,000.00',
      recordedBy: '审核员乙'
    })
    expect(first.body.idNumber).not.toBe(worker.idNumber) // masked
    const again = await record(reviewer, determination(worker), key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(await bff.prisma.auditBaseDetermination.count({ where: { personId: worker.id } })).toBe(1)
    const reused = await record(reviewer, determination(worker, { baseFen: 610_000 }), key)
    expect(reused.status).toBe(422)

    // Any month of 2025-01…03 again, for one type or all → refused, naming the existing determination.
    const overlap = await record(reviewer, determination(worker, { startPeriod: 202412, endPeriod: 202501, insuranceType: 'PENSION' }))
    expect(overlap.status).toBe(422)
    expect(overlap.body.error.message).toContain(`该人员在本单位2025年01月至2025年03月已有稽核认定的缴费基数（全部险种，稽核文书号宜人社稽字〔2025〕${worker.id}号），时段不能重叠`)
    expect(await bff.prisma.auditBaseDetermination.count({ where: { personId: worker.id } })).toBe(1)

    // Pension only, then unemployment for the same months is another type: both stand; all types would clash.
    const pension = await record(reviewer, determination(pensionOnly, { insuranceType: 'PENSION', startPeriod: 202407, endPeriod: 202409, baseFen: 700_000 }))
    expect(pension.status, pension.text).toBe(201)
    expect(pension.body.insuranceLabel).toBe('企业职工基本养老保险')
    const all = await record(reviewer, determination(pensionOnly, { startPeriod: 202409, endPeriod: 202409, baseFen: 700_000 }))
    expect(all.status).toBe(422)
    // The 2025 floor (4,020) is a base the product generates: accepted even where 10-yuan rounding would not reach it.
    const floor = await record(reviewer, determination(floored, { startPeriod: 202507, endPeriod: 202508, baseFen: 402_000 }))
    expect(floor.status, floor.text).toBe(201)
  })

  it('lists the determinations of the reviewer’s region, newest first, by unit and ID number; other regions see none', async () => {
    const c = api(bff.baseUrl, { token: reviewer })
    const list = await c.get(`/api/review/audit-bases?unitNo=${unit.unitNo}`)
    expect(list.status, list.text).toBe(200)
    expect(list.body.total).toBe(3)
    expect(list.body.items.map((i: { name: string }) => i.name)).toEqual([floored.name, pensionOnly.name, worker.name])
    const one = await c.get(`/api/review/audit-bases?idNumber=${worker.idNumber}&pageSize=1`)
    expect(one.body).toMatchObject({ total: 1, pageSize: 1 })
    expect(one.body.items[0]).toMatchObject({ name: worker.name, baseYuan: '6,000.00', documentNo: `宜人社稽字〔2025〕${worker.id}号` })
    const other = await api(bff.baseUrl, { token: otherReviewer }).get(`/api/review/audit-bases?unitNo=${unit.unitNo}`)
    expect(other.body.total).toBe(0)
    expect((await c.get('/api/review/audit-bases?pageSize=500')).status).toBe(400)
  })
})

describe('缴费工资变更 against 稽核认定缴费基数 (R40)', () => {
  it('the audited base passes — also a wage that rounds to it; another base fails naming the audited base and months', async () => {
    await passes([row(worker, 202501, 202503, 600_000)])
    await passes([row(worker, 202501, 202503, 599_600)]) // 5,996 → 6,000 (half-up to 10 yuan)
    expect(failures(await create([row(worker, 202501, 202503, 500_000)]))).toEqual([
      `1:按申报工资核定的缴费基数（5,000.00元）与稽核部门认定的缴费基数（6,000.00元，2025年01月至2025年03月，稽核文书号宜人社稽字〔2025〕${worker.id}号）不一致，请按认定结果重新申报`
    ])
  })

  it('a range partly over the audited months fails for those months only; months outside pass', async () => {
    expect(failures(await create([row(worker, 202411, 202502, 500_000)]))).toEqual([
      `1:按申报工资核定的缴费基数（5,000.00元）与稽核部门认定的缴费基数（6,000.00元，2025年01月至2025年02月，稽核文书号宜人社稽字〔2025〕${worker.id}号）不一致，请按认定结果重新申报`
    ])
    expect(failures(await create([row(worker, 202503, 202506, 500_000)]))[0]).toContain('6,000.00元，2025年03月，')
    await passes([row(worker, 202410, 202412, 500_000)])
    await passes([row(worker, 202504, 202508, 500_000)])
    // The same 6,000 across the audited months and beyond passes.
    await passes([row(worker, 202412, 202504, 600_000)])
  })

  it('a determination for one type concerns that type only; a wage under the floor matches an audited floor base', async () => {
    const res = await create([row(pensionOnly, 202407, 202409, 800_000)])
    expect(failures(res)).toEqual([
      `1:按申报工资核定的缴费基数（8,000.00元）与稽核部门认定的缴费基数（7,000.00元，2024年07月至2024年09月，企业职工基本养老保险，稽核文书号宜人社稽字〔2025〕${pensionOnly.id}号）不一致，请按认定结果重新申报`
    ])
    await passes([row(pensionOnly, 202407, 202409, 700_000)])
    await passes([row(floored, 202507, 202508, 300_000)]) // 3,000 → floored to 4,020, the audited base
    expect(failures(await create([row(floored, 202507, 202508, 410_000)]))[0]).toContain('（4,100.00元）与稽核部门认定的缴费基数（4,020.00元')
  })

  it('确认提交 checks again: a determination recorded after the row was added refuses the submission; the audited base takes effect', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    const draft = await create([row(batchWorker, 202404, 202406, 500_000)])
    expect(draft.status, draft.text).toBe(201)
    const audit = await record(reviewer, determination(batchWorker, { startPeriod: 202405, endPeriod: 202406, baseFen: 650_000 }))
    expect(audit.status, audit.text).toBe(201)
    const refused = await c.post(`/api/cases/${draft.body.serialNo}/submit`)
    expect(refused.status, refused.text).toBe(400)
    expect(refused.body.error.code).toBe('CASE_ITEMS_INVALID')
    expect(refused.body.error.message).toContain('与稽核部门认定的缴费基数（6,500.00元，2024年05月至2024年06月')
    expect(await bff.prisma.contributionRecord.count({ where: { personId: batchWorker.id, kind: 'ADJUSTMENT' } })).toBe(0)
    await c.post(`/api/cases/${draft.body.serialNo}/withdraw`, { body: {} })

    const ok = await create([row(batchWorker, 202405, 202406, 650_000)])
    expect(ok.status, ok.text).toBe(201)
    const done = await c.post(`/api/cases/${ok.body.serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
    const diffs = await bff.prisma.contributionRecord.findMany({ where: { personId: batchWorker.id, kind: 'ADJUSTMENT' } })
    expect(diffs).toHaveLength(4)
    expect(new Set(diffs.map((d) => d.base.toFixed(2)))).toEqual(new Set(['6500.00']))
  })

  it('batch mode (T14): the row that does not match the audited base fails with its reason; the others pass', async () => {
    const res = await fetch(`${bff.baseUrl}/api/matters/WAGE_CHANGE/template`, { headers: { authorization: `Bearer ${unit.token}` } })
    expect(res.status).toBe(200)
    const headers = getMatter('WAGE_CHANGE')!.template!.columns.map((c) => c.header)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    const cells = (p: FxPerson, from: string, to: string, wage: string): Record<string, string> => ({
      单位编号: unit.unitNo,
      单位名称: unit.name,
      身份证号码: p.idNumber,
      姓名: p.name,
      开始年月: from,
      结束年月: to,
      '上年月平均工资(变更后)（元）': wage
    })
    const rows = [
      cells(worker, '202501', '202503', '6000'), // 6: the audited base
      cells(pensionOnly, '202407', '202409', '7500'), // 7: the audited pension base is 7,000
      cells(floored, '202501', '202506', '5500') // 8: no determination in these months
    ]
    rows.forEach((r, i) => {
      const line = ws.getRow(6 + i)
      headers.forEach((h, j) => {
        if (r[h] !== undefined) line.getCell(j + 1).value = r[h] as string
      })
      line.commit()
    })
    const file = Buffer.from(await wb.xlsx.writeBuffer())
    const draft = await api(bff.baseUrl, { token: unit.token }).post('/api/cases', { body: { matterCode: 'WAGE_CHANGE', mode: 'BATCH', applicantPhone: '13912345678', termsAccepted: true } })
    expect(draft.status, draft.text).toBe(201)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file)]), '报盘.xlsx')
    const up = await fetch(`${bff.baseUrl}/api/cases/${draft.body.serialNo}/batch`, { method: 'POST', headers: { authorization: `Bearer ${unit.token}` }, body: form })
    const body = await up.json()
    expect(up.status, JSON.stringify(body)).toBe(200)
    expect(body.passed).toHaveLength(2)
    expect((body.failed as Array<{ row: number; column: string; reason: string }>).map((f) => `${f.row}|${f.column}|${f.reason}`)).toEqual([
      `7|上年月均工资|按申报工资核定的缴费基数（7,500.00元）与稽核部门认定的缴费基数（7,000.00元，2024年07月至2024年09月，企业职工基本养老保险，稽核文书号宜人社稽字〔2025〕${pensionOnly.id}号）不一致，请按认定结果重新申报`
    ])
    await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${draft.body.serialNo}/withdraw`, { body: {} })
  })
})
