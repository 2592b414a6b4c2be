// Batch mode (报盘) of the contribution matters over real HTTP: 补缴 (T15), 劳动合同补缴 (T15 with 补缴原因), 多缴退费
// (T17) and 缴费工资变更 (T14). Each template is generated from the catalogue (header, worked example, instruction,
// dropdowns); an upload runs every row through the same checks as single mode (the 3-month window, 统账结合, stop
// first, two years back, no overlap within the file) and answers with row / column / reason; the passed rows are
// saved and take effect like single-mode rows.
import ExcelJS from 'exceljs'
import { getMatter } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures

const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const [year, standard, floor, ceiling] of [
    [2022, '6000.00', '3450.00', '18000.00'],
    [2023, '6250.00', '3750.00', '18750.00'],
    [2024, '6500.00', '3900.00', '19500.00'],
    [2025, '6700.00', '4020.00', '20100.00']
  ] as const) {
    await fx.policy({ year, standard, floor, ceiling })
  }
  setContributionsClock(shanghai('2025-08-10 10:00:00'))
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

async function template(unit: FxUnit, code: string): Promise<Buffer> {
  const res = await fetch(`${bff.baseUrl}/api/matters/${code}/template`, { headers: { authorization: `Bearer ${unit.token}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  return Buffer.from(await res.arrayBuffer())
}

/** The downloaded template with data rows from row 6, cells by header (text cells). */
async function fill(file: Buffer, code: string, rows: Record<string, string | null>[]): Promise<Buffer> {
  const headers = getMatter(code)!.template!.columns.map((c) => c.header)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file as unknown as ArrayBuffer)
  const ws = wb.worksheets[0] as ExcelJS.Worksheet
  rows.forEach((cells, i) => {
    const row = ws.getRow(6 + i)
    headers.forEach((h, j) => {
      const v = cells[h]
      if (v !== undefined && v !== null) row.getCell(j + 1).value = v
    })
    row.commit()
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function upload(unit: FxUnit, code: string, file: Buffer) {
  const draft = await api(bff.baseUrl, { token: unit.token }).post('/api/cases', { body: { matterCode: code, mode: 'BATCH', applicantPhone: '13912345678', termsAccepted: true } })
  expect(draft.status, draft.text).toBe(201)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)]), '报盘.xlsx')
  const res = await fetch(`${bff.baseUrl}/api/cases/${draft.body.serialNo}/batch`, { method: 'POST', headers: { authorization: `Bearer ${unit.token}` }, body: form })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  const failed = (body.failed as { row: number; column: string; reason: string }[]).map((f) => `${f.row}|${f.column}|${f.reason}`)
  return { serialNo: draft.body.serialNo as string, body, failed }
}

const person = (unit: FxUnit, p: FxPerson) => ({ 单位编号: unit.unitNo, 单位名称: unit.name, 身份证号码: p.idNumber, 姓名: p.name })
const ticks = (pension: string) => ({ [pension]: '√', 失业保险: '√', 工伤保险: '√' })

describe('补缴 (T15)', () => {
  it('the template: title, header from the catalogue, the worked example and the instruction line', async () => {
    const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await template(unit, 'BACK_PAYMENT')) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.getCell('A1').value).toBe('职工基本养老保险费补缴申报明细表')
    expect(String(ws.getCell('A2').value)).toContain(unit.name)
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(getMatter('BACK_PAYMENT')!.template!.columns.map((c) => c.header))
    expect((ws.getRow(4).values as unknown[]).slice(1)).toContain('11010519491231002X')
    expect(String(ws.getCell('A5').value)).toContain('以上一行填写示例')
  })

  it('every row checked as in single mode (3-month window, order of months, unit, wage); the passed rows take effect', async () => {
    const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    const [a, b, c] = [await fx.person(), await fx.person(), await fx.person()]
    for (const p of [a, b, c]) await fx.enrol(p, unit.id, [...ALL], { startPeriod: 202505 })
    const base = (p: FxPerson, from: string, to: string) => ({ ...person(unit, p), 补缴开始年月: from, 补缴结束年月: to, ...ticks('城镇职工基本养老保险'), '申报月平均工资(元)': '3000' })
    const file = await fill(await template(unit, 'BACK_PAYMENT'), 'BACK_PAYMENT', [
      base(a, '202505', '202507'), // 6: passes
      base(b, '202504', '202507'), // 7: before the window
      base(c, '202507', '202506'), // 8: end before start
      { ...base(c, '202506', '202506'), 单位编号: '9999999999' }, // 9: another unit's number
      { ...base(c, '2025-6', '202506') }, // 10: not YYYYMM
      { ...base(c, '202506', '202506'), '申报月平均工资(元)': '三千' } // 11: not an amount
    ])
    const r = await upload(unit, 'BACK_PAYMENT', file)
    expect(r.body.passed).toHaveLength(1)
    expect(r.failed).toEqual(
      expect.arrayContaining([
        '7|开始期号|网上只能补缴当前月份以前3个月（2025年05月至2025年07月）的社保费；更早的月份请办理劳动合同补缴',
        '8|结束期号|结束期号不能早于开始期号'
      ])
    )
    const rows = new Set(r.failed.map((f) => Number(f.split('|')[0])))
    expect([...rows].sort((x, y) => x - y)).toEqual([7, 8, 9, 10, 11])
    expect(r.failed.find((f) => f.startsWith('9|'))).toContain('单位编号')
    expect(r.failed.find((f) => f.startsWith('11|'))).toContain('申报月平均工资')

    const done = await api(bff.baseUrl, { token: unit.token }).post(`/api/cases/${r.serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
    const records = await bff.prisma.contributionRecord.findMany({ where: { personId: a.id } })
    expect(records).toHaveLength(9) // 3 months × 3 types, 应缴未到账 补缴
    expect(records.every((x) => x.status === 'DECLARED' && x.kind === 'BACK_PAYMENT')).toBe(true)
    expect(await bff.prisma.contributionRecord.count({ where: { personId: { in: [b.id, c.id] } } })).toBe(0)
  })
})

describe('劳动合同补缴 (T15 with 补缴原因)', () => {
  it('the reason is a dropdown code; 统账结合 is checked per row', async () => {
    const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    const p = await fx.person()
    const q = await fx.person()
    for (const x of [p, q]) {
      await bff.prisma.person.update({ where: { id: x.id }, data: { accountStartDate: new Date('2023-01-01T00:00:00Z') } }) // 统账结合
      await fx.enrol(x, unit.id, [...ALL], { startPeriod: 202301 })
    }
    const base = (from: string, to: string, reason: string, who = p) => ({
      ...person(unit, who),
      补缴开始年月: from,
      补缴结束年月: to,
      补缴原因: reason,
      ...ticks('城镇职工基本养老保险'),
      '申报月平均工资(元)': '5000'
    })
    const file = await fill(await template(unit, 'LABOUR_CONTRACT_BACK_PAYMENT'), 'LABOUR_CONTRACT_BACK_PAYMENT', [
      base('202301', '202302', '01 劳动合同补缴'), // 6: passes
      base('202212', '202212', '01 劳动合同补缴', q), // 7: before 统账结合
      { ...base('202303', '202303', '火星补缴'), 身份证号码: '11010519491231002X', 姓名: '张三' } // 8: not a reason
    ])
    const r = await upload(unit, 'LABOUR_CONTRACT_BACK_PAYMENT', file)
    expect(r.body.passed).toHaveLength(1)
    expect(r.failed.some((f) => f.startsWith('7|') && f.includes('统账结合'))).toBe(true)
    expect(r.failed.some((f) => f.startsWith('8|补缴原因|'))).toBe(true)
  })
})

describe('多缴退费 (T17)', () => {
  it('a worker not stopped is refused per row, with the reason', async () => {
    const unit = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202507 })) })
    await bff.prisma.bankAccount.create({
      data: { unitId: unit.id, purpose: 'REFUND', bankCategory: '102', bankName: '中国工商银行宜昌分行', accountName: unit.name, accountNumber: '6222020000000000002', insuranceTypes: [...ALL] }
    })
    const working = await fx.person()
    await fx.enrol(working, unit.id, [...ALL], { startPeriod: 202401 })
    const file = await fill(await template(unit, 'REFUND'), 'REFUND', [
      { ...person(unit, working), '退收/退账开始年月': '202506', '退收/退账结束年月': '202507', ...ticks('城镇企业职工养老保险'), '退收/退账原因': '01 解除劳动关系多缴退收/退账' },
      { ...person(unit, working), '退收/退账开始年月': '202506', '退收/退账结束年月': '202507', ...ticks('城镇企业职工养老保险'), '退收/退账原因': '' }
    ])
    const r = await upload(unit, 'REFUND', file)
    expect(r.body.passed).toHaveLength(0)
    expect(r.failed.some((f) => f.startsWith('6|') && f.includes('停保'))).toBe(true)
    expect(r.failed.some((f) => f.startsWith('7|退收/退账原因|'))).toBe(true)
  })
})

describe('缴费工资变更 (T14)', () => {
  it('two years back and no overlapping periods for one worker within the file (R38, R41)', async () => {
    setContributionsClock(shanghai('2025-09-15 10:00:00'))
    const unit = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: 202508 }] })
    const w = await fx.person()
    await fx.enrol(w, unit.id, ['PENSION'], { startPeriod: 202301 })
    await bff.prisma.contributionRecord.createMany({
      data: [202501, 202502, 202503].map((period) => ({ personId: w.id, unitId: unit.id, insuranceType: 'PENSION' as const, period, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' as const, paidAt: new Date() }))
    })
    const base = (from: string, to: string) => ({ ...person(unit, w), 开始年月: from, 结束年月: to, '上年月平均工资(变更后)（元）': '6000' })
    const file = await fill(await template(unit, 'WAGE_CHANGE'), 'WAGE_CHANGE', [
      base('202501', '202502'), // 6: passes
      base('202502', '202503'), // 7: overlaps row 6
      base('202308', '202308') // 8: more than two years back
    ])
    const r = await upload(unit, 'WAGE_CHANGE', file)
    const failedRows = new Set(r.failed.map((f) => Number(f.split('|')[0])))
    expect(failedRows.has(8)).toBe(true)
    expect(r.failed.find((f) => f.startsWith('8|'))).toContain('只能办理两年内的缴费工资变更')
    // the overlap is reported (on one or both of the overlapping rows), and at most one of them is saved
    expect(failedRows.has(6) || failedRows.has(7)).toBe(true)
    expect(r.body.passed.length).toBeLessThanOrEqual(1)
    setContributionsClock(shanghai('2025-08-10 10:00:00'))
  })
})
