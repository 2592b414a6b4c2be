// Unit queries over HTTP (§3.3.68–73): 单位综合信息 (basic, insurance per type with 最大核止期号, clerks, bank
// accounts, change history, staff increases/decreases), 单位参保人员 (filters, paging, Excel export), 待核实人员 —
// masked by default, only for the clerk's own unit.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { CaseFixtures, client, draftBody, startCasesBff, type UnitFx, type Worker } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
const staff: Worker[] = []
let stopped: Worker

const day = (period: number, d = 15) => `${String(period).slice(0, 4)}-${String(period).slice(4)}-${String(d).padStart(2, '0')}`

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  for (let i = 0; i < 25; i++) {
    const w = await fx.worker({ name: `职工${String.fromCharCode(0x4e00 + i)}` })
    await fx.enrol(w, unit.id, i % 5 === 0 ? ['PENSION'] : ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    staff.push(w)
  }
  stopped = staff[1] as Worker
  const c = client(bff.baseUrl, unit.clerkToken)
  // One 减员 (instant) and two unit changes (one instant, one reviewed and approved) make history.
  const stop = await c.post('/api/cases', {
    body: draftBody('STAFF_STOP', { rows: [{ idNumber: stopped.idNumber, name: stopped.name, insuranceTypes: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'], stopDate: day(fx.lastSettled, 10), reason: '01' }], submit: true })
  })
  expect(stop.body.status).toBe('EFFECTIVE')
  await c.post('/api/cases', {
    body: draftBody('UNIT_INFO_CHANGE', {
      form: { contact: { contactName: '李四' }, bankAccounts: { add: [{ bankCategory: '403', bankName: '邮储宜昌分行', accountName: '测试', accountNumber: '6221880000001234', insuranceTypes: ['PENSION'] }] } },
      submit: true
    })
  })
  const key = await c.post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: '新范围' }, submit: true }) })
  const rev = await fx.reviewerToken()
  await client(bff.baseUrl, rev.token).post('/api/review/cases/approve', { body: { serialNos: [key.body.serialNo] } })
  await bff.prisma.person.update({ where: { id: (staff[3] as Worker).id }, data: { pendingVerification: true } })
  await bff.prisma.benefitPayment.create({ data: { personId: (staff[3] as Worker).id, kind: 'BASIC_PENSION', period: fx.lastSettled, item: '基本养老金', amount: '3200.00', status: 'SUSPENDED' } })
}, 120_000)
afterAll(async () => {
  if (staff[3]) await bff?.prisma.benefitPayment.deleteMany({ where: { personId: staff[3].id } })
  await fx?.cleanup()
  await bff?.close()
})

describe('单位综合信息', () => {
  it('basic info, insurance per type with 最大核止期号 and headcount, clerks and bank accounts (masked)', async () => {
    const r = await client(bff.baseUrl, unit.clerkToken).get('/api/unit/info')
    expect(r.status).toBe(200)
    expect(r.body.basic).toMatchObject({ unitNo: unit.unitNo, name: unit.name, businessScope: '新范围', contactName: '李四', regionName: '宜昌市' })
    expect(r.body.basic.legalRepIdNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    expect(r.body.insurances.map((i: { insuranceType: string; lastSettledPeriod: number; activeStaff: number; statusLabel: string }) => [i.insuranceType, i.lastSettledPeriod, i.activeStaff, i.statusLabel])).toEqual([
      ['PENSION', fx.lastSettled, 24, '正常参保'],
      ['UNEMPLOYMENT', fx.lastSettled, 19, '正常参保'],
      ['WORK_INJURY', fx.lastSettled, 19, '正常参保']
    ])
    expect(r.body.clerks).toHaveLength(2)
    expect(r.body.clerks[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(r.body.bankAccounts).toEqual([
      expect.objectContaining({ purposeLabel: '退款账户', bankCategoryLabel: '中国邮政储蓄银行', accountNumber: '****1234', insuranceTypes: ['PENSION'] })
    ])
    const revealed = await client(bff.baseUrl, unit.clerkToken).get('/api/unit/info', { query: { reveal: 1 } })
    expect(revealed.body.bankAccounts[0].accountNumber).toBe('6221880000001234')
    expect(await bff.prisma.auditLog.count({ where: { action: 'unit.reveal', targetId: String(unit.id) } })).toBeGreaterThan(0)
  })

  it('change history lists the effective unit changes with their before/after', async () => {
    const r = await client(bff.baseUrl, unit.clerkToken).get('/api/unit/change-history')
    expect(r.body.total).toBe(2)
    const [key, general] = r.body.items
    expect(key).toMatchObject({ matterName: '单位关键信息变更登记', statusLabel: '办结', changes: [{ label: '经营范围', before: '机电设备销售', after: '新范围' }] })
    expect(general.changes.map((c: { label: string }) => c.label)).toEqual(['联系人', '新增银行账户'])
  })

  it('staff increases and decreases in a date range', async () => {
    const from = day(fx.lastSettled, 1)
    const r = await client(bff.baseUrl, unit.clerkToken).get('/api/unit/staff-changes', { query: { from, to: day(fx.current, 28) } })
    expect(r.status).toBe(200)
    expect(r.body.decreases.map((d: { personNo: string; label: string; reason: string; date: string }) => [d.personNo, d.reason, d.date])).toEqual([
      [stopped.personNo, '终止解除劳动合同(劳动关系)', day(fx.lastSettled, 10)],
      [stopped.personNo, '终止解除劳动合同(劳动关系)', day(fx.lastSettled, 10)],
      [stopped.personNo, '终止解除劳动合同(劳动关系)', day(fx.lastSettled, 10)]
    ])
    expect(r.body.decreases[0].name).toMatch(/^职\*+$/)
    expect(r.body.summary.find((s: { insuranceType: string }) => s.insuranceType === 'PENSION')).toMatchObject({ decreases: 1 })
    // The fixtures enrolled everybody two years ago: no increases in this range.
    expect(r.body.increases).toEqual([])
  })
})

describe('单位参保人员', () => {
  it('pages, filters by status and insurance type, searches, masks by default', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const all = await c.get('/api/unit/roster', { query: { pageSize: 10 } })
    expect(all.body).toMatchObject({ total: 25, page: 1, pageSize: 10 })
    expect(all.body.items).toHaveLength(10)
    expect(all.body.items[0].idNumber).toMatch(/\*/)
    const page3 = await c.get('/api/unit/roster', { query: { pageSize: 10, page: 3 } })
    expect(page3.body.items.length).toBe(all.body.total - 20)
    const suspended = await c.get('/api/unit/roster', { query: { status: 'SUSPENDED' } })
    expect(suspended.body.items.map((i: { personNo: string }) => i.personNo)).toEqual([stopped.personNo])
    expect(suspended.body.items[0].insurances.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(['暂停缴费', '暂停缴费', '暂停缴费'])
    const unemployment = await c.get('/api/unit/roster', { query: { insuranceType: 'UNEMPLOYMENT', status: 'ACTIVE', pageSize: 100 } })
    expect(unemployment.body.total).toBe(19)
    const one = await c.get('/api/unit/roster', { query: { keyword: (staff[7] as Worker).idNumber, reveal: 1 } })
    expect(one.body.items).toEqual([expect.objectContaining({ personNo: (staff[7] as Worker).personNo, idNumber: (staff[7] as Worker).idNumber, name: (staff[7] as Worker).name })])
  })

  it('exports the filtered roster to Excel', async () => {
    const res = await fetch(`${bff.baseUrl}/api/unit/roster/export?insuranceType=PENSION`, { headers: { authorization: `Bearer ${unit.clerkToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('单位参保人员.xlsx'))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(String(ws.getCell('A1').value)).toContain('共25人')
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '个人编号', '姓名'])
    expect(ws.rowCount).toBe(27)
  })

  it('待核实人员 lists the flagged persons of the unit', async () => {
    const r = await client(bff.baseUrl, unit.clerkToken).get('/api/unit/pending-verification')
    expect(r.body.total).toBe(1)
    expect(r.body.items[0]).toMatchObject({ personNo: (staff[3] as Worker).personNo, paymentStatus: '暂停发放', personStatus: '在职' })
  })

  it('is the clerk’s own unit only: another unit sees its own (empty) lists; persons and reviewers are refused', async () => {
    const other = await fx.unit()
    const r = await client(bff.baseUrl, other.clerkToken).get('/api/unit/roster', { query: { keyword: stopped.idNumber } })
    expect(r.body.total).toBe(0)
    expect((await client(bff.baseUrl, await fx.token('person', stopped.id)).get('/api/unit/info')).status).toBe(403)
    expect((await client(bff.baseUrl, (await fx.reviewerToken()).token).get('/api/unit/roster')).status).toBe(403)
  })
})
