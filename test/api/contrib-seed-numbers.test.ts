// The seeds' own numbers, to the fen, through the real endpoints (issue 7):
// - seed 002 R104 (§3.3.23): 2 persons with wage 8888 → 职工工资总额 17776, 缴费基数总额 17780; pension 2844.80 / 1422.40,
//   unemployment 124.46 / 53.34;
// - seed 004 §4.9.2: 2 persons, base total 18630, unemployment 130.41 / 55.89, work injury 18.63 (0.1 %), total 204.93,
//   "贰佰零肆元玖角叁分", the 征集明细 row 单位整体核定 149.04 / 55.89, and the printed bill (pdftotext).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxUnit } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  // 2020 social year (2020-07 … 2021-06) for R104's 2021-03 and 2021 (2021-07 … 2022-06) for §4.9.2's 2021-11.
  await fx.policy({ year: 2020, standard: '5750.00', floor: '3450.00', ceiling: '17250.00' })
  // Work injury 0.1 % for class 1 in 2021 (the sample's reduced rate).
  await fx.policy({ year: 2021, standard: '5750.00', floor: '3450.00', ceiling: '17250.00', workInjuryClasses: ['0.001000', '0.004000', '0.007000', '0.009000', '0.011000', '0.013000', '0.016000', '0.019000'] })
})

afterAll(async () => {
  resetContributionsClock()
  await fx?.cleanup()
  await bff?.close()
})

describe('seed 002 R104: wage total 17776 → base 17780', () => {
  let unit: FxUnit
  beforeAll(async () => {
    unit = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: 202102 }, { type: 'UNEMPLOYMENT', lastSettled: 202102 }], riskClass: 1 })
    // New hires of the 2020 social year (hired 2020-09, wage 8888 each): no yearly wage declaration needed for them,
    // but the unit existed before 2020-07, so the year's wages are declared (one row for a third person who left).
    for (let i = 0; i < 2; i++) {
      const p = await fx.person()
      await fx.enrol(p, unit.id, ['PENSION', 'UNEMPLOYMENT'], { startPeriod: 202009, wage: '8888.00', base: '8890.00' })
    }
    const gone = await fx.person()
    await fx.wageDeclaration(gone, unit.id, 2020, '5000.00', '5000.00')
  })

  it('declares March 2021 with the seed figures per insurance type', async () => {
    setContributionsClock(shanghai('2021-03-16 10:00:00'))
    const c = api(bff.baseUrl, { token: unit.token })
    const preview = await c.get('/api/unit/contributions/declarations/preview')
    expect(preview.status).toBe(200)
    expect(preview.body.canDeclare).toBe(true)
    expect(preview.body.period).toBe(202103)
    const res = await c.post('/api/unit/contributions/declarations', { body: {} })
    expect(res.status, res.text).toBe(201)
    const d = res.body
    expect(d.headcount).toBe(2)
    expect(d.wageTotalFen).toBe(1_777_600)
    expect(d.baseTotalFen).toBe(1_778_000)
    const pension = d.byType.find((t: { insuranceType: string }) => t.insuranceType === 'PENSION')
    const unemployment = d.byType.find((t: { insuranceType: string }) => t.insuranceType === 'UNEMPLOYMENT')
    expect(pension).toMatchObject({ headcount: 2, wageTotalFen: 1_777_600, baseTotalFen: 1_778_000, unitFen: 284_480, personalFen: 142_240, totalFen: 426_720 })
    expect(unemployment).toMatchObject({ headcount: 2, baseTotalFen: 1_778_000, unitFen: 12_446, personalFen: 5_334, totalFen: 17_780 })
    expect(pension.unitYuan).toBe('2,844.80')
    expect(unemployment.personalYuan).toBe('53.34')
  })
})

describe('seed 004 §4.9.2: 社会保险费应缴认定单 2021-11', () => {
  let unit: FxUnit
  let billNo: string
  beforeAll(async () => {
    unit = await fx.unit({
      name: '测试邮政储蓄银行随州市分行',
      insurances: [{ type: 'UNEMPLOYMENT', lastSettled: 202110 }, { type: 'WORK_INJURY', lastSettled: 202110 }],
      riskClass: 1
    })
    // 9310 + 9320 = 18630; per person 0.7 %: 65.17 + 65.24 = 130.41; 0.3 %: 27.93 + 27.96 = 55.89; 0.1 %: 9.31 + 9.32.
    const a = await fx.person()
    const b = await fx.person()
    await fx.enrol(a, unit.id, ['UNEMPLOYMENT', 'WORK_INJURY'])
    await fx.enrol(b, unit.id, ['UNEMPLOYMENT', 'WORK_INJURY'])
    await fx.wageDeclaration(a, unit.id, 2021, '9310.00', '9310.00')
    await fx.wageDeclaration(b, unit.id, 2021, '9320.00', '9320.00')
  })

  it('declares 2021-11 and issues the bill with the sample figures', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    setContributionsClock(shanghai('2021-11-13 10:20:00'))
    const d = await c.post('/api/unit/contributions/declarations', { body: { period: 202111 } })
    expect(d.status, d.text).toBe(201)
    expect(d.body.baseTotalFen).toBe(1_863_000)
    setContributionsClock(shanghai('2021-11-13 10:24:43'))
    const res = await c.post('/api/unit/bills', { body: { declarationId: d.body.id } })
    expect(res.status, res.text).toBe(201)
    const bill = res.body
    billNo = bill.billNo
    expect(bill.billNo).toMatch(/^20211113102443\d{2}$/)
    expect(bill.lines).toHaveLength(2)
    expect(bill.lines[0]).toMatchObject({ insuranceType: 'UNEMPLOYMENT', label: '失业保险', unitFen: 13_041, personalFen: 5_589, interestFen: 0, lateFeeFen: 0, totalFen: 18_630 })
    expect(bill.lines[1]).toMatchObject({ insuranceType: 'WORK_INJURY', label: '工伤保险', unitFen: 1_863, personalFen: 0, interestFen: 0, lateFeeFen: 0, totalFen: 1_863 })
    expect(bill.totalFen).toBe(20_493)
    expect(bill.totalCapital).toBe('贰佰零肆元玖角叁分')
    expect(bill.collection).toEqual([expect.objectContaining({ kindLabel: '单位整体核定', unitFen: 14_904, personalFen: 5_589, lateFeeFen: 0, interestFen: 0, totalFen: 20_493 })])
    // Issued Saturday 2021-11-13 → deadline Monday 2021-11-29 (the sample's date).
    expect(bill.issuedOn).toBe('2021-11-13')
    expect(bill.deadline).toBe('2021-11-29')
    expect(bill.notes[0]).toBe('1、此单据缴费截止日期至2021年11月29日,过期作废。请在截止日期前到税务征收机构及时缴纳。')
    expect(bill.status).toBe('VALID')
  })

  it('prints the bill: pdftotext finds the title, the bill number, the amounts and the capital total', async () => {
    const c = api(bff.baseUrl, { token: unit.token })
    const res = await fetch(new URL(`/api/unit/bills/${billNo}/pdf`, bff.baseUrl), { headers: { authorization: `Bearer ${unit.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const file = path.join(os.tmpdir(), `bill-${billNo}.pdf`)
    fs.writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    fs.unlinkSync(file)
    for (const s of ['中国社会保险', 'CHINA SOCIAL INSURANCE', '社会保险费应缴认定单', `征集通知单据号：${billNo}`, `单位编号：${unit.unitNo}`, '单位：元', '失业保险', '130.41', '55.89', '186.3', '18.63', '204.93', '实际应缴金额合计大写', '贰佰零肆元玖角叁分', '征集明细', '单位整体核定', '149.04', '此单据缴费截止日期至2021年11月29日', '经办日期：2021年11月13日', '经办机构：']) {
      expect(text, s).toContain(s)
    }
    void c
  })
})
