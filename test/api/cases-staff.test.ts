// Staff matters on the engine, over HTTP: 增员 (§3.3.3, reviewed), 减员 (§3.3.17, instant), 减少/增加险种
// (§3.3.18/19), 职工一般信息变更 (§3.3.6, instant) — each happy path and its rule violations with the exact row,
// column and Chinese reason.
import { addMonths } from '@shebao/shared'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { badChecksum, CaseFixtures, client, draftBody, randomName, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let reviewer: string

const day = (period: number, d = 15) => `${String(period).slice(0, 4)}-${String(period).slice(4)}-${String(d).padStart(2, '0')}`
const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  reviewer = (await fx.reviewerToken()).token
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

function enrolRow(idNumber: string, name: string, extra: Record<string, unknown> = {}) {
  return { idNumber, name, ethnicity: '01', workStartDate: day(fx.current, 1), monthlyWage: 500000, insuranceTypes: ALL, phone: '13912345678', ...extra }
}

async function draft(u: UnitFx, matter: string, extra: Record<string, unknown> = {}) {
  const r = await client(bff.baseUrl, u.clerkToken).post('/api/cases', { body: draftBody(matter, extra) })
  expect(r.status).toBe(201)
  return r.body.serialNo as string
}

async function approve(serialNo: string) {
  return client(bff.baseUrl, reviewer).post('/api/review/cases/approve', { body: { serialNos: [serialNo] } })
}

describe('单位职工参保登记/续保 (增员)', () => {
  it('adds a newcomer with the base floored/capped and rounded to 10 yuan, submits for review, approval creates the person and enrolments', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const s = await draft(unit, 'STAFF_ENROL')
    const low = fx.newcomerId()
    const high = fx.newcomerId()
    const mid = fx.newcomerId()
    const add = await c.post(`/api/cases/${s}/items`, {
      body: {
        rows: [
          enrolRow(low, '低工资', { monthlyWage: 200000 }),
          enrolRow(high, '高工资', { monthlyWage: 10000000, insuranceTypes: ['PENSION'] }),
          enrolRow(mid, '中工资', { monthlyWage: 888500 })
        ]
      }
    })
    expect(add.status).toBe(200)
    expect(add.body).toMatchObject({ passedCount: 3, failedCount: 0, savedCount: 3, itemCount: 3 })
    // R12/R13: 2000 → floor 3450; 100000 → ceiling 18000; 8885 → 8890.
    expect(add.body.passed.map((p: { derived: { base: number } }) => p.derived.base)).toEqual([345000, 1800000, 889000])

    const sub = await c.post(`/api/cases/${s}/submit`)
    expect(sub.status).toBe(200)
    expect(sub.body).toMatchObject({ status: 'SUBMITTED', review: 'reviewed', resultMessage: '申报成功，请等待管理单位审核！' })
    // Reviewed: nothing happened to the register yet.
    expect(await bff.prisma.person.count({ where: { idNumber: { in: [low, high, mid] } } })).toBe(0)

    const ok = await approve(s)
    expect(ok.body).toMatchObject({ approved: 1, failed: 0, results: [{ serialNo: s, ok: true, status: 'EFFECTIVE' }] })
    const person = await bff.prisma.person.findUniqueOrThrow({ where: { idNumber: low }, include: { enrolments: true } })
    expect(person).toMatchObject({ name: '低工资', ethnicity: '01', phone: '13912345678', regionCode: '420500' })
    expect(person.personNo).toMatch(/^4205\d{8}$/)
    expect(person.enrolments.map((e) => [e.insuranceType, e.status, e.unitId, e.startPeriod, e.monthlyBase?.toFixed(2)]).sort()).toEqual(
      ALL.map((t) => [t, 'ACTIVE', unit.id, fx.current, '3450.00']).sort()
    )
    const highP = await bff.prisma.person.findUniqueOrThrow({ where: { idNumber: high }, include: { enrolments: true } })
    expect(highP.enrolments).toEqual([expect.objectContaining({ insuranceType: 'PENSION', status: 'ACTIVE' })])
    expect(highP.enrolments[0]?.monthlyBase?.toFixed(2)).toBe('18000.00')
    const detail = await c.get(`/api/cases/${s}`)
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'ITEMS', 'SUBMITTED', 'APPROVED', 'EFFECTIVE'])
    expect(detail.body.items.every((i: { personId: number | null }) => typeof i.personId === 'number')).toBe(true)
  })

  it('refuses rows by the rules, each with its row, column and reason; passing rows are kept', async () => {
    const partial = await fx.unit({ types: ['PENSION', 'UNEMPLOYMENT'] })
    const elsewhere = await fx.worker()
    await fx.enrol(elsewhere, unit.id, ['PENSION'])
    const here = await fx.worker()
    await fx.enrol(here, partial.id, ['PENSION'])
    const retired = await fx.worker({ status: 'RETIRED', birthYear: 1958 })
    const named = await fx.worker()
    const good = fx.newcomerId()
    const dup = fx.newcomerId()
    const rows = [
      enrolRow(badChecksum(fx.newcomerId()), '甲'), // 1
      enrolRow(elsewhere.idNumber, elsewhere.name, { insuranceTypes: ['PENSION', 'UNEMPLOYMENT'] }), // 2
      enrolRow(retired.idNumber, retired.name, { insuranceTypes: ['PENSION'] }), // 3
      enrolRow(here.idNumber, here.name, { insuranceTypes: ['PENSION'] }), // 4
      enrolRow(named.idNumber, '别的名字', { insuranceTypes: ['PENSION'] }), // 5
      enrolRow(fx.newcomerId(2012), '童工', { insuranceTypes: ['PENSION'] }), // 6
      enrolRow(fx.newcomerId(), '未来', { insuranceTypes: ['PENSION'], workStartDate: day(addMonths(fx.current, 1), 1) }), // 7
      enrolRow(good, '工伤', { insuranceTypes: ['WORK_INJURY'] }), // 8
      enrolRow(dup, '重复甲', { insuranceTypes: ['PENSION'] }), // 9
      enrolRow(dup, '重复乙', { insuranceTypes: ['PENSION'] }), // 10
      enrolRow(fx.newcomerId(), '正常', { insuranceTypes: ['PENSION', 'UNEMPLOYMENT'] }) // 11
    ]
    const s = await draft(partial, 'STAFF_ENROL')
    const r = await client(bff.baseUrl, partial.clerkToken).post(`/api/cases/${s}/items`, { body: { rows } })
    expect(r.status).toBe(200)
    const byRow = (n: number) => r.body.failed.filter((f: { row: number }) => f.row === n).map((f: { column: string; reason: string }) => `${f.column}|${f.reason}`)
    expect(byRow(1)).toEqual(['身份证号码|身份证号码校验位不正确，请核对'])
    expect(byRow(2)).toEqual(['参保险种|该人员企业职工基本养老保险在其他单位处于参保缴费状态，须原单位先办理停保后才能在本单位参保（续保）'])
    expect(byRow(3)).toEqual(['身份证号码|该人员已离退休，不能办理参保'])
    expect(byRow(4)).toEqual(['参保险种|该人员已在本单位参加企业职工基本养老保险，无需重复登记'])
    expect(byRow(5)).toEqual(['姓名|姓名与该身份证号码登记的姓名不一致'])
    expect(byRow(6)).toEqual(['本次申报参工时间|参工时未满16周岁，不能参保'])
    expect(byRow(7)).toEqual(['本次申报参工时间|本次申报参工时间不能晚于当月'])
    expect(byRow(8)).toEqual(['参保险种|本单位未参加工伤保险，不能为职工办理该险种参保'])
    expect(byRow(9)).toEqual(['身份证号码|身份证号码与第10行重复'])
    expect(byRow(10)).toEqual(['身份证号码|身份证号码与第9行重复'])
    expect(r.body).toMatchObject({ passedCount: 1, failedCount: 10, savedCount: 1, itemCount: 1 })
    expect(r.body.passed[0]).toMatchObject({ row: 11, name: '正常' })
  })

  it('R004-25: the new unit can enrol a worker only after the old unit stopped them; a second unit’s approval is re-checked', async () => {
    const oldUnit = await fx.unit()
    const newUnit = await fx.unit()
    const w = await fx.worker()
    await fx.enrol(w, oldUnit.id)
    const s1 = await draft(newUnit, 'STAFF_ENROL')
    const blocked = await client(bff.baseUrl, newUnit.clerkToken).post(`/api/cases/${s1}/items`, { body: { rows: [enrolRow(w.idNumber, w.name)] } })
    expect(blocked.body.failed).toHaveLength(3)
    // The old unit stops the worker (减员, instant) for last month (already paid: 最大核止期号 = last month).
    const stop = await client(bff.baseUrl, oldUnit.clerkToken).post('/api/cases', {
      body: draftBody('STAFF_STOP', { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ALL, stopDate: day(fx.lastSettled, 28), reason: '01' }], submit: true })
    })
    expect(stop.status).toBe(201)
    expect(stop.body.status).toBe('EFFECTIVE')
    const now = await client(bff.baseUrl, newUnit.clerkToken).post(`/api/cases/${s1}/items`, { body: { rows: [enrolRow(w.idNumber, w.name)] } })
    expect(now.body).toMatchObject({ passedCount: 1, failedCount: 0 })
    // Meanwhile a third unit also declares the same worker; both submitted, the first approval wins.
    const third = await fx.unit()
    const s2 = await draft(third, 'STAFF_ENROL', { rows: [enrolRow(w.idNumber, w.name)] })
    expect((await client(bff.baseUrl, newUnit.clerkToken).post(`/api/cases/${s1}/submit`)).status).toBe(200)
    expect((await client(bff.baseUrl, third.clerkToken).post(`/api/cases/${s2}/submit`)).status).toBe(200)
    const both = await client(bff.baseUrl, reviewer).post('/api/review/cases/approve', { body: { serialNos: [s1, s2] } })
    expect(both.body.approved).toBe(1)
    expect(both.body.results[1]).toMatchObject({ serialNo: s2, ok: false, error: { code: 'RULE_VIOLATION' } })
    expect(both.body.results[1].error.message).toContain('在其他单位处于参保缴费状态')
    // The failed case stays submitted, untouched, for the reviewer to return.
    expect((await bff.prisma.case.findUniqueOrThrow({ where: { serialNo: s2 } })).status).toBe('SUBMITTED')
    const active = await bff.prisma.enrolment.findMany({ where: { personId: w.id, status: 'ACTIVE' } })
    expect(new Set(active.map((e) => e.unitId))).toEqual(new Set([newUnit.id]))
  })

  it('two reviewers approving two units’ 增员 of the same worker at the same moment: exactly one takes effect', async () => {
    const w = await fx.worker()
    const newcomer = fx.newcomerId()
    const [u1, u2] = [await fx.unit(), await fx.unit()]
    // One case per unit for the worker already in the register (the race the row lock + READ COMMITTED close),
    // and one for a newcomer (the unique ID number closes that one).
    const known = [enrolRow(w.idNumber, w.name, { insuranceTypes: ['PENSION'] })]
    const fresh = [enrolRow(newcomer, '同时新人', { insuranceTypes: ['PENSION'] })]
    const s1 = await draft(u1, 'STAFF_ENROL', { rows: known, submit: true })
    const s2 = await draft(u2, 'STAFF_ENROL', { rows: known, submit: true })
    const s3 = await draft(u1, 'STAFF_ENROL', { rows: fresh, submit: true })
    const s4 = await draft(u2, 'STAFF_ENROL', { rows: fresh, submit: true })
    const other = (await fx.reviewerToken()).token
    for (const [x, y] of [
      [s1, s2],
      [s3, s4]
    ]) {
      const [a, b] = await Promise.all([
        client(bff.baseUrl, reviewer).post('/api/review/cases/approve', { body: { serialNos: [x] } }),
        client(bff.baseUrl, other).post('/api/review/cases/approve', { body: { serialNos: [y] } })
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      expect(a.body.approved + b.body.approved).toBe(1)
      const lost = a.body.approved ? b.body : a.body
      expect(lost.results[0].error.code).toBe('RULE_VIOLATION')
    }
    for (const idNumber of [w.idNumber, newcomer]) {
      const active = await bff.prisma.enrolment.findMany({ where: { person: { idNumber }, insuranceType: 'PENSION', status: 'ACTIVE' } })
      expect(active).toHaveLength(1)
    }
    expect(await bff.prisma.person.count({ where: { idNumber: newcomer } })).toBe(1)
  })

  it('续保: a worker this unit stopped earlier is resumed on the same enrolment rows', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION'], addMonths(fx.current, -30))
    await bff.prisma.enrolment.updateMany({ where: { personId: w.id }, data: { status: 'SUSPENDED', stopPeriod: addMonths(fx.current, -6) } })
    const s = await draft(unit, 'STAFF_ENROL', { rows: [enrolRow(w.idNumber, w.name, { insuranceTypes: ['PENSION'] })], submit: true })
    expect((await approve(s)).body.approved).toBe(1)
    const rows = await bff.prisma.enrolment.findMany({ where: { personId: w.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'ACTIVE', stopPeriod: null, startPeriod: fx.current })
  })
})

describe('单位职工社会保险暂停 (减员)', () => {
  it('stops the chosen types at once (成功办结) with the stop period, date and reason (R32)', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id)
    const r = await client(bff.baseUrl, unit.clerkToken).post('/api/cases', {
      body: draftBody('STAFF_STOP', { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION', 'UNEMPLOYMENT'], stopDate: day(fx.lastSettled, 20), reason: '职工发生辞职(退)' }] })
    })
    // The reason accepts the template's label too, stored as its code.
    expect(r.status).toBe(400)
    expect(r.body.error.message).toContain('停保(减员)原因无效，请从下拉列表中选择')
    const ok = await client(bff.baseUrl, unit.clerkToken).post('/api/cases', {
      body: draftBody('STAFF_STOP', { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION', 'UNEMPLOYMENT'], stopDate: day(fx.lastSettled, 20), reason: '07' }], submit: true })
    })
    expect(ok.body).toMatchObject({ status: 'EFFECTIVE', resultMessage: '该业务已成功办结!' })
    const rows = await bff.prisma.enrolment.findMany({ where: { personId: w.id }, orderBy: { insuranceType: 'asc' } })
    expect(rows.map((e) => [e.insuranceType, e.status, e.stopPeriod, e.stopReason])).toEqual([
      ['PENSION', 'SUSPENDED', fx.lastSettled, '07'],
      ['UNEMPLOYMENT', 'SUSPENDED', fx.lastSettled, '07'],
      ['WORK_INJURY', 'ACTIVE', null, null]
    ])
    expect(rows[0]?.stoppedOn?.toISOString().slice(0, 10)).toBe(day(fx.lastSettled, 20))
  })

  it('R004-23/24: the stop month must already be paid; otherwise choose last month', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION'])
    const s = await draft(unit, 'STAFF_STOP')
    const c = client(bff.baseUrl, unit.clerkToken)
    const row = { idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION'], stopDate: day(fx.current, 1), reason: '01' }
    const r = await c.post(`/api/cases/${s}/items`, { body: { rows: [row] } })
    const y = String(fx.current).slice(0, 4)
    const m = String(fx.current).slice(4)
    expect(r.body.failed).toEqual([
      { row: 1, column: '停保(减员)日期', field: 'stopDate', reason: `养老停保当月（${y}年${m}月）的社保费尚未缴纳：离职的当月需要先缴费再办理停保，如果当月开始不缴费，停保时间选择上个月` }
    ])
    // Once this month's contribution is paid, the same row passes.
    await bff.prisma.contributionRecord.create({
      data: { personId: w.id, unitId: unit.id, insuranceType: 'PENSION', period: fx.current, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' }
    })
    expect((await c.post(`/api/cases/${s}/items`, { body: { rows: [row] } })).body).toMatchObject({ passedCount: 1, failedCount: 0 })
  })

  it('refuses a worker not contributing here, a stop before this enrolment began, a date after this month', async () => {
    const stranger = await fx.worker()
    const fresh = await fx.worker()
    await fx.enrol(fresh, unit.id, ['PENSION'], fx.current)
    const s = await draft(unit, 'STAFF_STOP')
    const r = await client(bff.baseUrl, unit.clerkToken).post(`/api/cases/${s}/items`, {
      body: {
        rows: [
          { idNumber: stranger.idNumber, name: stranger.name, insuranceTypes: ['PENSION'], stopDate: day(fx.lastSettled), reason: '01' },
          { idNumber: fresh.idNumber, name: fresh.name, insuranceTypes: ['PENSION'], stopDate: day(fx.lastSettled), reason: '01' },
          { idNumber: fresh.idNumber, name: fresh.name, insuranceTypes: ['PENSION'], stopDate: day(addMonths(fx.current, 1)), reason: '01' }
        ]
      }
    })
    const reasons = r.body.failed.map((f: { row: number; reason: string }) => `${f.row}:${f.reason}`)
    expect(reasons).toContain('1:该人员在本单位未处于企业职工基本养老保险参保缴费状态')
    expect(reasons.some((x: string) => x.startsWith('2:停保时间不能早于本次参保开始年月'))).toBe(true)
    expect(reasons).toContain('3:停保(减员)日期不能晚于当月')
  })
})

describe('减少险种 / 增加险种', () => {
  async function jpeg(): Promise<Buffer> {
    return sharp({ create: { width: 64, height: 48, channels: 3, background: '#dde' } }).jpeg().toBuffer()
  }

  it('减少险种 needs its 必传 material; reduces only the chosen types; reducing all is a 减员', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION', 'UNEMPLOYMENT'])
    const c = client(bff.baseUrl, unit.clerkToken)
    const all = await c.post('/api/cases', {
      body: draftBody('STAFF_REDUCE_TYPES', { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION', 'UNEMPLOYMENT'], changeDate: day(fx.lastSettled) }] })
    })
    expect(all.status).toBe(400)
    expect(all.body.error.meta.failed[0].reason).toBe('减少全部险种请办理“单位职工社会保险暂停”')

    const s = await draft(unit, 'STAFF_REDUCE_TYPES', { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ['UNEMPLOYMENT'], changeDate: day(fx.lastSettled), reason: '异地参加该险种' }] })
    const missing = await c.post(`/api/cases/${s}/submit`)
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ code: 'MATERIALS_MISSING', message: '附件材料不全：请上传必传材料《单位职工减少险种申报表（加盖单位公章）》' })

    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await jpeg())], { type: 'image/jpeg' }), '申报表.jpg')
    const up = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${unit.clerkToken}` }, body: form })
    expect(up.status).toBe(201)
    const media = (await up.json()) as { id: string }
    const unknown = await c.post(`/api/cases/${s}/materials`, { body: { materialCode: 'NOPE', mediaId: media.id } })
    expect(unknown.status).toBe(400)
    const att = await c.post(`/api/cases/${s}/materials`, { body: { materialCode: 'REDUCTION_FORM', mediaId: media.id } })
    expect(att.status).toBe(201)
    expect(att.body.materialChecklist.find((m: { code: string }) => m.code === 'REDUCTION_FORM')).toMatchObject({ requirement: 'REQUIRED', uploaded: 1 })
    // Another unit cannot attach this unit's image (it is not theirs: 404).
    const other = await fx.unit()
    const s3 = await draft(other, 'STAFF_REDUCE_TYPES')
    expect((await client(bff.baseUrl, other.clerkToken).post(`/api/cases/${s3}/materials`, { body: { materialCode: 'REDUCTION_FORM', mediaId: media.id } })).status).toBe(404)

    const done = await c.post(`/api/cases/${s}/submit`)
    expect(done.status).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
    const rows = await bff.prisma.enrolment.findMany({ where: { personId: w.id }, orderBy: { insuranceType: 'asc' } })
    expect(rows.map((e) => [e.insuranceType, e.status])).toEqual([
      ['PENSION', 'ACTIVE'],
      ['UNEMPLOYMENT', 'SUSPENDED']
    ])
  })

  it('增加险种 is reviewed and needs a worker contributing here; approval adds the type with its base', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION'])
    const outsider = await fx.worker()
    const c = client(bff.baseUrl, unit.clerkToken)
    const s = await draft(unit, 'STAFF_ADD_TYPES')
    const r = await c.post(`/api/cases/${s}/items`, {
      body: {
        rows: [
          { idNumber: w.idNumber, name: w.name, insuranceTypes: ['UNEMPLOYMENT'], changeDate: day(fx.current, 1), monthlyWage: 800000 },
          { idNumber: outsider.idNumber, name: outsider.name, insuranceTypes: ['UNEMPLOYMENT'], changeDate: day(fx.current, 1), monthlyWage: 800000 },
          { idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION'], changeDate: day(fx.current, 1), monthlyWage: 800000 }
        ]
      }
    })
    // Rows 1 and 3 name the same worker: both refused as duplicates; the outsider is not this unit's worker.
    expect(r.body.failed.map((f: { row: number; reason: string }) => `${f.row}:${f.reason}`)).toEqual([
      '1:身份证号码与第3行重复',
      '2:该人员不是本单位在职参保人员，请办理“单位职工参保登记/续保”',
      '3:身份证号码与第1行重复'
    ])
    await c.post(`/api/cases/${s}/items`, { body: { rows: [{ idNumber: w.idNumber, name: w.name, insuranceTypes: ['UNEMPLOYMENT'], changeDate: day(fx.current, 1), monthlyWage: 800000 }] } })
    expect((await c.post(`/api/cases/${s}/submit`)).body.status).toBe('SUBMITTED')
    expect((await approve(s)).body.approved).toBe(1)
    const u = await bff.prisma.enrolment.findFirstOrThrow({ where: { personId: w.id, insuranceType: 'UNEMPLOYMENT' } })
    expect(u).toMatchObject({ status: 'ACTIVE', unitId: unit.id, startPeriod: fx.current })
    expect(u.monthlyBase?.toFixed(2)).toBe('8000.00')
  })
})

describe('单位职工一般信息变更 (§3.3.6)', () => {
  it('changes general information at once and records 变更项 / 变更前值 / 变更后值', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION'])
    const c = client(bff.baseUrl, unit.clerkToken)
    const s = await draft(unit, 'STAFF_INFO_CHANGE')
    const add = await c.post(`/api/cases/${s}/items`, { body: { rows: [{ idNumber: w.idNumber, name: w.name, education: '11', maritalStatus: '1', politicalStatus: '01', phone: '13712345678' }] } })
    expect(add.body).toMatchObject({ passedCount: 1 })
    // The draft already shows the comparison against the register.
    const preview = await c.get(`/api/cases/${s}`)
    expect(preview.body.items[0].changes).toEqual([
      { field: 'politicalStatus', label: '政治面貌', before: '', after: '中共党员', changed: true },
      { field: 'education', label: '文化程度', before: '其他', after: '博士研究生', changed: true },
      { field: 'maritalStatus', label: '婚姻状况', before: '未说明的婚姻状况', after: '未婚', changed: true },
      { field: 'phone', label: '手机号码', before: expect.stringMatching(/^139\d{8}$/), after: '13712345678', changed: true }
    ])
    const done = await c.post(`/api/cases/${s}/submit`)
    expect(done.body).toMatchObject({ status: 'EFFECTIVE', resultMessage: '该业务已成功办结!' })
    expect(done.body.items[0].changes[1]).toMatchObject({ label: '文化程度', before: '其他', after: '博士研究生' })
    const p = await bff.prisma.person.findUniqueOrThrow({ where: { id: w.id } })
    expect(p).toMatchObject({ education: '11', maritalStatus: '1', politicalStatus: '01', phone: '13712345678', name: w.name, idNumber: w.idNumber })
  })

  it('R17/R004-35: 姓名 and 证件号码 are not changeable here; R18: identified by 个人编号 alone works; R20 retirees included', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, ['PENSION'])
    const retired = await fx.worker({ status: 'RETIRED', birthYear: 1955 })
    await fx.enrol(retired, unit.id, ['PENSION'], addMonths(fx.current, -200))
    await bff.prisma.enrolment.updateMany({ where: { personId: retired.id }, data: { status: 'TERMINATED' } })
    const stranger = await fx.worker()
    const s = await draft(unit, 'STAFF_INFO_CHANGE')
    const r = await client(bff.baseUrl, unit.clerkToken).post(`/api/cases/${s}/items`, {
      body: {
        rows: [
          { idNumber: w.idNumber, name: randomName(), education: '21' },
          { personNo: w.personNo, bloodType: '4' },
          { education: '21' },
          { personNo: retired.personNo, address: '宜昌市夷陵区' },
          { idNumber: stranger.idNumber, name: stranger.name, education: '21' }
        ]
      }
    })
    const reasons = r.body.failed.map((f: { row: number; reason: string }) => `${f.row}:${f.reason}`)
    expect(reasons).toEqual([
      '1:姓名与系统登记不一致（姓名、身份证号码修改属于关键信息修改，只能到大厅前台修改）',
      '3:个人编号如果不录入，则证件类型，姓名，证件号码必须录入',
      '5:该人员不是本单位参保人员'
    ])
    expect(r.body.passed.map((p: { row: number; idNumber: string }) => [p.row, p.idNumber])).toEqual([
      [2, w.idNumber],
      [4, retired.idNumber]
    ])
  })
})
