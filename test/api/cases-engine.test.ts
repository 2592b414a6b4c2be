// The case engine over real HTTP against MariaDB: drafts with 15-digit serial numbers, owner-only access, the
// timeline, idempotent submissions, serial numbers under concurrency, the in-flight rule under racing submissions,
// withdraw, return and resubmit.
import { isCaseSerialNo, shanghaiToday } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { CaseFixtures, client, draftBody, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let other: UnitFx

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  other = await fx.unit()
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const keyInfo = (extra: Record<string, unknown> = {}) => draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: `经营范围${Math.random()}` }, ...extra })

describe('matter catalogue', () => {
  it('lists the matters with their 服务说明 and serves one matter’s definition', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const list = await c.get('/api/matters')
    expect(list.status).toBe(200)
    expect(list.body.items.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['STAFF_ENROL', 'STAFF_STOP', 'STAFF_INFO_CHANGE', 'UNIT_INFO_CHANGE', 'UNIT_KEY_INFO_CHANGE', 'STAFF_ADD_TYPES', 'STAFF_REDUCE_TYPES'])
    )
    const enrol = await c.get('/api/matters/STAFF_ENROL')
    expect(enrol.body).toMatchObject({ name: '单位职工参保登记/续保', review: 'reviewed', description: '为参保单位新增人员办理参保/续保登记，含养老、失业、工伤三个险种。' })
    const ethnicity = enrol.body.template.columns.find((c: { header: string }) => c.header === '民族')
    expect(ethnicity.options).toHaveLength(56)
    expect((await c.get('/api/matters/NOPE')).status).toBe(400)
  })
})

describe('drafts, serial numbers and access', () => {
  it('step 1 creates a draft with a 15-digit 业务流水号 (Shanghai date + sequence) and a CREATED event', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const r = await c.post('/api/cases', { body: draftBody('STAFF_ENROL', { remark: '三月新进员工' }) })
    expect(r.status).toBe(201)
    expect(isCaseSerialNo(r.body.serialNo)).toBe(true)
    expect(r.body.serialNo.slice(0, 8)).toBe(shanghaiToday().replace(/-/g, ''))
    expect(r.body).toMatchObject({ status: 'DRAFT', statusLabel: '保存', applicantName: unit.clerk.name, applicantPhone: '18555555555', remark: '三月新进员工' })
    expect(r.body.events).toEqual([expect.objectContaining({ type: 'CREATED', actorRole: 'UNIT', actorName: unit.clerk.name })])
    expect(r.body.actions).toEqual({ edit: true, submit: true, withdraw: true })
  })

  it('refuses a draft without the terms ticked or with a bad phone, and a unit matter for a person', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const terms = await c.post('/api/cases', { body: { ...draftBody('STAFF_ENROL'), termsAccepted: false } })
    expect(terms.status).toBe(400)
    expect(terms.body.error.message).toContain('请先阅读服务说明并勾选同意')
    const phone = await c.post('/api/cases', { body: draftBody('STAFF_ENROL', { applicantPhone: '12345' }) })
    expect(phone.status).toBe(400)
    expect(phone.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'applicantPhone' })
    const person = await client(bff.baseUrl, await fx.token('person', unit.clerk.id)).post('/api/cases', { body: draftBody('STAFF_ENROL') })
    expect(person.status).toBe(403)
    expect(person.body.error.code).toBe('MATTER_NOT_FOR_ROLE')
  })

  it("another unit's serial is 404 for every operation, like a serial that does not exist", async () => {
    const mine = await client(bff.baseUrl, unit.clerkToken).post('/api/cases', { body: keyInfo() })
    const them = client(bff.baseUrl, other.clerkToken)
    const s = mine.body.serialNo
    for (const r of [
      await them.get(`/api/cases/${s}`),
      await them.put(`/api/cases/${s}`, { body: { remark: 'x' } }),
      await them.post(`/api/cases/${s}/submit`),
      await them.post(`/api/cases/${s}/withdraw`, { body: {} }),
      await them.get(`/api/cases/${s}/items`),
      await them.get('/api/cases/209901010000001')
    ]) {
      expect(r.status).toBe(404)
      expect(r.body.error.code).toBe('NOT_FOUND')
    }
    const list = await them.get('/api/cases', { query: { serialNo: s } })
    expect(list.body.total).toBe(0)
    // A reviewer has no 办件记录 of their own.
    const reviewer = await fx.reviewerToken()
    expect((await client(bff.baseUrl, reviewer.token).get(`/api/cases/${s}`)).status).toBe(404)
  })

  it('a clerk removed from the unit can no longer act for it', async () => {
    const gone = await fx.worker()
    await bff.prisma.unitClerk.create({ data: { unitId: unit.id, personId: gone.id, name: gone.name, idNumber: gone.idNumber, phone: '13800000001', active: false, revokedAt: new Date() } })
    const r = await client(bff.baseUrl, await fx.token('unit', gone.id, unit.id)).post('/api/cases', { body: keyInfo() })
    expect(r.status).toBe(404)
    expect(r.body.error.code).toBe('UNIT_NOT_AUTHORISED')
  })

  it('50 parallel submissions get 50 distinct serial numbers', async () => {
    // One unit each, so the in-flight rule (one open change per unit) plays no part: this is about the numbers.
    const units: UnitFx[] = []
    for (let i = 0; i < 50; i += 10) units.push(...(await Promise.all(Array.from({ length: 10 }, () => fx.unit()))))
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const u = units[i] as UnitFx
        // UNIT_INFO_CHANGE is instant: every submission completes (the in-flight key is released in the same transaction).
        return client(bff.baseUrl, u.clerkToken).post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { contact: { contactName: `联系人${i}` } }, submit: true }) })
      })
    )
    expect(results.filter((r) => r.status !== 201).map((r) => r.text).slice(0, 3)).toEqual([])
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201))
    const serials = results.map((r) => r.body.serialNo as string)
    expect(new Set(serials).size).toBe(50)
    for (const s of serials) expect(isCaseSerialNo(s)).toBe(true)
    expect(results.every((r) => r.body.status === 'EFFECTIVE')).toBe(true)
  }, 60_000)
})

describe('idempotent submission', () => {
  it('the same Idempotency-Key and body twice (even at once) make ONE case; the replay says so', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const key = `k-${Math.random()}`
    const body = draftBody('UNIT_INFO_CHANGE', { form: { contact: { contactEmail: 'hr@example.com' } }, submit: true })
    const before = await bff.prisma.case.count({ where: { unitId: unit.id } })
    const [a, b] = await Promise.all([c.post('/api/cases', { body, headers: { 'Idempotency-Key': key } }), c.post('/api/cases', { body, headers: { 'Idempotency-Key': key } })])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.serialNo).toBe(b.body.serialNo)
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].filter(Boolean)).toEqual(['true'])
    const again = await c.post('/api/cases', { body, headers: { 'Idempotency-Key': key } })
    expect(again.status).toBe(201)
    expect(again.body.serialNo).toBe(a.body.serialNo)
    expect(await bff.prisma.case.count({ where: { unitId: unit.id } })).toBe(before + 1)
    // Same key, different body → 422 IDEMPOTENCY_KEY_REUSED, nothing created.
    const other = await c.post('/api/cases', { body: { ...body, remark: '不同' }, headers: { 'Idempotency-Key': key } })
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await bff.prisma.case.count({ where: { unitId: unit.id } })).toBe(before + 1)
  })

  it('a repeated submit with the same key replays the first answer instead of failing', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const draft = await c.post('/api/cases', { body: keyInfo() })
    const key = `s-${Math.random()}`
    const first = await c.post(`/api/cases/${draft.body.serialNo}/submit`, { headers: { 'Idempotency-Key': key } })
    expect(first.status).toBe(200)
    expect(first.body.status).toBe('SUBMITTED')
    const second = await c.post(`/api/cases/${draft.body.serialNo}/submit`, { headers: { 'Idempotency-Key': key } })
    expect(second.status).toBe(200)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    // Without the key, a second submit is a state error.
    const third = await c.post(`/api/cases/${draft.body.serialNo}/submit`)
    expect(third.status).toBe(409)
    expect(third.body.error.code).toBe('CASE_NOT_SUBMITTABLE')
    await c.post(`/api/cases/${draft.body.serialNo}/withdraw`, { body: {} })
  })
})

describe('in-flight rule', () => {
  it('two racing submissions for the same unit: exactly one wins, the other gets 409 有在途申请的记录', async () => {
    const u = await fx.unit()
    const c = client(bff.baseUrl, u.clerkToken)
    const d1 = await c.post('/api/cases', { body: keyInfo() })
    const d2 = await c.post('/api/cases', { body: keyInfo() })
    const [r1, r2] = await Promise.all([c.post(`/api/cases/${d1.body.serialNo}/submit`), c.post(`/api/cases/${d2.body.serialNo}/submit`)])
    expect([r1.status, r2.status].sort()).toEqual([200, 409])
    const lost = r1.status === 409 ? r1 : r2
    expect(lost.body.error).toMatchObject({ code: 'CASE_IN_FLIGHT', message: '有在途申请的记录，不允许申请新的变更' })
    const won = r1.status === 200 ? d1 : d2
    const lostDraft = r1.status === 409 ? d1 : d2
    expect((await c.get(`/api/cases/${lostDraft.body.serialNo}`)).body.status).toBe('DRAFT')
    // Withdrawing the open case releases the key: the other can now be submitted.
    const w = await c.post(`/api/cases/${won.body.serialNo}/withdraw`, { body: { reason: '填错了' } })
    expect(w.body.status).toBe('WITHDRAWN')
    expect(w.body.events.at(-1)).toMatchObject({ type: 'WITHDRAWN', note: '填错了' })
    expect((await c.post(`/api/cases/${lostDraft.body.serialNo}/submit`)).status).toBe(200)
  })

  it('per worker: racing 减员 of the same worker in two cases → one succeeds, one 409', async () => {
    const u = await fx.unit()
    const w = await fx.worker()
    await fx.enrol(w, u.id)
    const c = client(bff.baseUrl, u.clerkToken)
    const row = { idNumber: w.idNumber, name: w.name, insuranceTypes: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'], stopDate: `${String(fx.lastSettled).slice(0, 4)}-${String(fx.lastSettled).slice(4)}-15`, reason: '07' }
    const d1 = await c.post('/api/cases', { body: draftBody('STAFF_STOP', { rows: [row] }) })
    const d2 = await c.post('/api/cases', { body: draftBody('STAFF_STOP', { rows: [row] }) })
    expect([d1.status, d2.status]).toEqual([201, 201])
    const [r1, r2] = await Promise.all([c.post(`/api/cases/${d1.body.serialNo}/submit`), c.post(`/api/cases/${d2.body.serialNo}/submit`)])
    const statuses = [r1.status, r2.status].sort()
    // 减员 is instant: the winner completes and releases the key in the same transaction; the loser either met the
    // key (409), or, queued behind the winner's commit, found the worker no longer contributing — when re-checking
    // its rows (400) or when its effect ran (422). Never both succeed.
    expect(statuses[0]).toBe(200)
    expect([400, 409, 422]).toContain(statuses[1])
    const lost = r1.status === 200 ? r2 : r1
    expect(lost.body.error.message).toMatch(/有在途申请的记录|未处于企业职工基本养老保险参保缴费状态|参保状态已发生变化/)
    const enrolments = await bff.prisma.enrolment.findMany({ where: { personId: w.id, unitId: u.id } })
    expect(enrolments.every((e) => e.status === 'SUSPENDED')).toBe(true)
  })
})

describe('return and resubmit', () => {
  it('a returned case shows the reason in its timeline, can be corrected and resubmitted', async () => {
    const u = await fx.unit()
    const c = client(bff.baseUrl, u.clerkToken)
    const d = await c.post('/api/cases', { body: keyInfo({ submit: true }) })
    expect(d.body.status).toBe('SUBMITTED')
    const reviewer = await fx.reviewerToken()
    const ret = await client(bff.baseUrl, reviewer.token).post(`/api/review/cases/${d.body.serialNo}/return`, { body: { reason: '请上传法人代表身份证' } })
    expect(ret.status).toBe(200)
    const seen = await c.get(`/api/cases/${d.body.serialNo}`)
    expect(seen.body).toMatchObject({ status: 'RETURNED', returnReason: '请上传法人代表身份证', actions: { edit: true, submit: true, withdraw: true } })
    expect(seen.body.events.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'SUBMITTED', 'RETURNED'])
    expect(seen.body.events[2]).toMatchObject({ actorRole: 'REVIEWER', actorName: '审核员甲', note: '请上传法人代表身份证' })
    // A returned case holds no in-flight key: another case could be submitted meanwhile.
    expect((await bff.prisma.case.findUniqueOrThrow({ where: { serialNo: d.body.serialNo } })).inFlightKey).toBeNull()
    const upd = await c.put(`/api/cases/${d.body.serialNo}`, { body: { form: { businessScope: '机电设备销售、维修' } } })
    expect(upd.status).toBe(200)
    const re = await c.post(`/api/cases/${d.body.serialNo}/submit`)
    expect(re.status).toBe(200)
    expect(re.body.events.at(-1)).toMatchObject({ type: 'SUBMITTED', note: '退回后重新提交' })
  })

  it('a submitted case cannot be edited; a withdrawn one cannot be withdrawn again', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const d = await c.post('/api/cases', { body: draftBody('STAFF_ENROL') })
    const w = await c.post(`/api/cases/${d.body.serialNo}/withdraw`, { body: {} })
    expect(w.body.status).toBe('WITHDRAWN')
    const again = await c.post(`/api/cases/${d.body.serialNo}/withdraw`, { body: {} })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toBe('该业务当前状态为撤销，不能撤销')
    const edit = await c.put(`/api/cases/${d.body.serialNo}`, { body: { remark: 'x' } })
    expect(edit.status).toBe(409)
    expect(edit.body.error.code).toBe('CASE_NOT_EDITABLE')
  })

  it('lists the unit’s cases newest first, filtered by status and matter', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const all = await c.get('/api/cases', { query: { pageSize: 100 } })
    expect(all.status).toBe(200)
    expect(all.body.total).toBeGreaterThan(3)
    const withdrawn = await c.get('/api/cases', { query: { status: 'WITHDRAWN', matterCode: 'STAFF_ENROL' } })
    expect(withdrawn.body.items.length).toBeGreaterThan(0)
    expect(withdrawn.body.items.every((i: { status: string; matterName: string }) => i.status === 'WITHDRAWN' && i.matterName === '单位职工参保登记/续保')).toBe(true)
  })
})
