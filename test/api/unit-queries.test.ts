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

// Another unit's data never shows, in either direction and in every query; a person enrolled at both units is seen
// by each with that unit's enrolments only. (Runs last: it enrols a worker of the first unit at a second one.)
describe('another unit’s data never shows', () => {
  let second: UnitFx
  let shared: Worker
  let own: Worker

  beforeAll(async () => {
    second = await fx.unit()
    own = await fx.worker({ name: '乙单位职工' })
    await fx.enrol(own, second.id)
    // staff[6] of the first unit also works at the second unit (养老 there), suspended at the first
    shared = staff[6] as Worker
    await bff.prisma.enrolment.updateMany({ where: { personId: shared.id, unitId: unit.id }, data: { status: 'SUSPENDED', stopPeriod: fx.lastSettled } })
    await fx.enrol(shared, second.id, ['PENSION'])
  })

  it('roster and its filters: each unit its own persons, with its own enrolments only', async () => {
    const b = client(bff.baseUrl, second.clerkToken)
    const all = await b.get('/api/unit/roster', { query: { pageSize: 100 } })
    expect(all.body.items.map((i: { personNo: string }) => i.personNo).sort()).toEqual([own.personNo, shared.personNo].sort())
    const sharedAtB = all.body.items.find((i: { personNo: string }) => i.personNo === shared.personNo)
    expect(sharedAtB.insurances.map((i: { insuranceType: string; status: string }) => [i.insuranceType, i.status])).toEqual([['PENSION', 'ACTIVE']])
    // suspended at the first unit only: not in the second unit's 暂停缴费, but in the first unit's, with its rows there
    expect((await b.get('/api/unit/roster', { query: { status: 'SUSPENDED' } })).body.total).toBe(0)
    const a = client(bff.baseUrl, unit.clerkToken)
    const suspendedAtA = await a.get('/api/unit/roster', { query: { status: 'SUSPENDED', pageSize: 100 } })
    const sharedAtA = suspendedAtA.body.items.find((i: { personNo: string }) => i.personNo === shared.personNo)
    expect(sharedAtA.insurances.map((i: { status: string }) => i.status)).toEqual(['SUSPENDED', 'SUSPENDED', 'SUSPENDED'])
    expect(suspendedAtA.body.items.some((i: { personNo: string }) => i.personNo === own.personNo)).toBe(false)
    // searching another unit's worker by name, number or ID finds nothing
    for (const keyword of [own.personNo, own.idNumber, own.name]) {
      expect((await a.get('/api/unit/roster', { query: { keyword } })).body.total).toBe(0)
    }
    expect((await b.get('/api/unit/roster', { query: { keyword: (staff[0] as Worker).idNumber } })).body.total).toBe(0)
  })

  it('the export holds only the unit’s own persons', async () => {
    const res = await fetch(`${bff.baseUrl}/api/unit/roster/export`, { headers: { authorization: `Bearer ${second.clerkToken}` } })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(String(ws.getCell('A1').value)).toContain(`${second.name}（${second.unitNo}）`)
    const personNos: string[] = []
    ws.eachRow((row, n) => {
      if (n > 2) personNos.push(String(row.getCell(2).value))
    })
    expect(personNos.sort()).toEqual([own.personNo, shared.personNo].sort())
  })

  it('info, change history, staff changes and 待核实人员 are the unit’s own', async () => {
    const b = client(bff.baseUrl, second.clerkToken)
    const info = await b.get('/api/unit/info')
    expect(info.body.basic.unitNo).toBe(second.unitNo)
    const secondClerks = await bff.prisma.unitClerk.findMany({ where: { unitId: second.id }, select: { name: true } })
    expect(info.body.clerks.map((c: { name: string }) => c.name).sort()).toEqual(secondClerks.map((c) => c.name).sort())
    expect(info.body.bankAccounts).toEqual([]) // the first unit's account is not shown
    expect(info.body.insurances.find((i: { insuranceType: string }) => i.insuranceType === 'PENSION').activeStaff).toBe(2)
    expect((await b.get('/api/unit/change-history')).body.total).toBe(0)
    const changes = await b.get('/api/unit/staff-changes', { query: { from: day(fx.lastSettled, 1), to: day(fx.current, 28) } })
    expect(changes.status).toBe(200)
    expect(changes.body.decreases).toEqual([])
    expect(changes.body.increases).toEqual([]) // the fixtures enrolled everybody two years ago
    // staff[3] is flagged at the first unit only
    expect((await b.get('/api/unit/pending-verification')).body.total).toBe(0)
  })

  it('a clerk whose authorisation was revoked sees nothing of the unit (404)', async () => {
    const token = await fx.token('unit', second.clerk.id, second.id)
    await bff.prisma.unitClerk.updateMany({ where: { unitId: second.id, personId: second.clerk.id }, data: { active: false, revokedAt: new Date() } })
    const c = client(bff.baseUrl, token)
    for (const p of ['/api/unit/info', '/api/unit/roster', '/api/unit/roster/export', '/api/unit/change-history', '/api/unit/staff-changes', '/api/unit/pending-verification']) {
      const r = await c.get(p)
      expect(r.status, p).toBe(404)
      expect(r.text).not.toContain(second.name)
    }
  })
})

describe('bad input is refused in Chinese, naming the field', () => {
  it('filters, paging and dates', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const cases: Array<[string, Record<string, string | number>, RegExp]> = [
      ['/api/unit/roster', { status: 'FOO' }, /参保状态代码无效/],
      ['/api/unit/roster', { insuranceType: 'MEDICAL' }, /险种/],
      ['/api/unit/roster', { pageSize: 1000 }, /每页/],
      ['/api/unit/roster', { keyword: 'x'.repeat(40) }, /查询条件/],
      ['/api/unit/roster/export', { status: 'FOO' }, /参保状态代码无效/],
      ['/api/unit/staff-changes', { from: '2024-13-01' }, /开始日期/],
      ['/api/unit/staff-changes', { from: '2024-05-01', to: '2024-04-01' }, /开始日期不能晚于结束日期/],
      ['/api/unit/change-history', { to: '2024/02/30' }, /结束日期/],
      ['/api/unit/change-history', { from: '2024-05-01', to: '2024-04-01' }, /开始日期不能晚于结束日期/]
    ]
    for (const [path, query, want] of cases) {
      const r = await c.get(path, { query })
      expect(r.status, `${path} ${JSON.stringify(query)}`).toBe(400)
      expect(r.body.error.message, `${path} ${JSON.stringify(query)}`).toMatch(want)
      // no machine names of these fields, no zod English (`status` is prefixed by the shared error handler for every
      // module's status filter: left to it)
      expect(r.body.error.message).not.toMatch(/from|to\b|keyword|pageSize|insuranceType|Invalid|Too big/)
    }
  })
})

describe('the export in the list’s order', () => {
  it('rows in 个人编号 order, as the paged roster shows them (not in the order the persons were created)', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const pages: string[] = []
    for (let page = 1; ; page++) {
      const r = await c.get('/api/unit/roster', { query: { page, pageSize: 7 } })
      pages.push(...r.body.items.map((i: { personNo: string }) => i.personNo))
      if (pages.length >= r.body.total) break
    }
    // the fixtures' 个人编号 are random: creation order differs from 个人编号 order
    expect(staff.map((w) => w.personNo)).not.toEqual([...staff.map((w) => w.personNo)].sort())
    const res = await fetch(`${bff.baseUrl}/api/unit/roster/export`, { headers: { authorization: `Bearer ${unit.clerkToken}` } })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    const rows: Array<[number, string]> = []
    ;(wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row, n) => {
      if (n > 2) rows.push([Number(row.getCell(1).value), String(row.getCell(2).value)])
    })
    expect(rows.map((r) => r[1])).toEqual(pages)
    expect(rows.map((r) => r[0])).toEqual(pages.map((_, i) => i + 1))
  })
})
