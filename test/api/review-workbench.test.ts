// The center's review workbench over HTTP: the queue and its filters, region scope, detail with rows and
// before/after, approving many (a result per case, each in its own transaction), returning with a reason.
import { shanghaiToday } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { CaseFixtures, client, draftBody, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let a: UnitFx
let b: UnitFx
let changsha: UnitFx
let reviewer: string
const serials: Record<string, string> = {}

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  a = await fx.unit()
  b = await fx.unit()
  changsha = await fx.unit({ regionCode: '430100' })
  reviewer = (await fx.reviewerToken()).token
  const submit = async (u: UnitFx, body: Record<string, unknown>) => (await client(bff.baseUrl, u.clerkToken).post('/api/cases', { body: { ...body, submit: true } })).body.serialNo as string
  serials['aKey'] = await submit(a, draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: 'A的新经营范围' } }))
  serials['bKey'] = await submit(b, draftBody('UNIT_KEY_INFO_CHANGE', { form: { name: 'B的新名称有限公司' } }))
  serials['csKey'] = await submit(changsha, draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: '长沙' } }))
  serials['aEnrol'] = await submit(a, draftBody('STAFF_ENROL', { rows: [{ idNumber: fx.newcomerId(), name: '新人甲', ethnicity: '01', workStartDate: shanghaiToday().slice(0, 8) + '01', monthlyWage: 500000, insuranceTypes: ['PENSION'], phone: '13900002222' }] }))
  // A draft: never on the workbench.
  serials['aDraft'] = (await client(bff.baseUrl, a.clerkToken).post('/api/cases', { body: draftBody('STAFF_ENROL') })).body.serialNo
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

describe('queue', () => {
  it('lists submitted cases oldest first, filtered by matter, unit and date; drafts never appear', async () => {
    const c = client(bff.baseUrl, reviewer)
    const byUnit = await c.get('/api/review/cases', { query: { unitNo: a.unitNo } })
    expect(byUnit.status).toBe(200)
    expect(byUnit.body.items.map((i: { serialNo: string }) => i.serialNo)).toEqual([serials['aKey'], serials['aEnrol']])
    expect(byUnit.body.items[1]).toMatchObject({ matterName: '单位职工参保登记/续保', status: 'SUBMITTED', itemCount: 1, unit: { unitNo: a.unitNo, name: a.name } })
    const byMatter = await c.get('/api/review/cases', { query: { matterCode: 'UNIT_KEY_INFO_CHANGE', unitName: b.name.slice(0, 8), pageSize: 100 } })
    expect(byMatter.body.items.map((i: { serialNo: string }) => i.serialNo)).toContain(serials['bKey'])
    expect(byMatter.body.items.every((i: { matterCode: string }) => i.matterCode === 'UNIT_KEY_INFO_CHANGE')).toBe(true)
    const today = shanghaiToday()
    const dated = await c.get('/api/review/cases', { query: { unitNo: a.unitNo, from: today, to: today } })
    expect(dated.body.total).toBe(2)
    const past = await c.get('/api/review/cases', { query: { unitNo: a.unitNo, to: '2020-01-01' } })
    expect(past.body.total).toBe(0)
    expect((await c.get(`/api/review/cases/${serials['aDraft']}`)).status).toBe(404)
    const bad = await c.get('/api/review/cases', { query: { from: '2024-13-01' } })
    expect(bad.status).toBe(400)
  })

  it('only reviewers: a clerk gets 403; a reviewer with a region sees only that region', async () => {
    expect((await client(bff.baseUrl, a.clerkToken).get('/api/review/cases')).status).toBe(403)
    const hunan = (await fx.reviewerToken('430000')).token
    const mine = await client(bff.baseUrl, hunan).get('/api/review/cases', { query: { pageSize: 100 } })
    expect(mine.body.items.map((i: { serialNo: string }) => i.serialNo)).toContain(serials['csKey'])
    expect(mine.body.items.every((i: { unit: { unitNo: string } }) => i.unit.unitNo !== a.unitNo)).toBe(true)
    expect((await client(bff.baseUrl, hunan).get(`/api/review/cases/${serials['aKey']}`)).status).toBe(404)
    const tried = await client(bff.baseUrl, hunan).post('/api/review/cases/approve', { body: { serialNos: [serials['aKey']] } })
    expect(tried.body.results[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('decisions', () => {
  it('detail shows rows and the before/after table; approving many reports per case', async () => {
    const c = client(bff.baseUrl, reviewer)
    const d = await c.get(`/api/review/cases/${serials['bKey']}`)
    expect(d.body.changes).toEqual([{ field: 'name', label: '单位名称', before: b.name, after: 'B的新名称有限公司', changed: true }])
    expect(d.body.actions).toEqual({ edit: false, submit: false, withdraw: false })
    const e = await c.get(`/api/review/cases/${serials['aEnrol']}`)
    expect(e.body.items[0].data).toMatchObject({ name: '新人甲', monthlyWage: 500000 })

    const r = await c.post('/api/review/cases/approve', { body: { serialNos: [serials['aKey'], serials['bKey'], serials['aDraft'], '209901010000001'], note: '材料齐全' } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ approved: 2, failed: 2 })
    expect(r.body.results.map((x: { ok: boolean; error?: { code: string } }) => (x.ok ? 'ok' : x.error?.code))).toEqual(['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'])
    expect((await bff.prisma.unit.findUniqueOrThrow({ where: { id: b.id } })).name).toBe('B的新名称有限公司')
    // Approving again: not pending any more.
    const again = await c.post('/api/review/cases/approve', { body: { serialNos: [serials['bKey']] } })
    expect(again.body.results[0].error).toMatchObject({ code: 'REVIEW_NOT_PENDING', message: '该业务当前状态为办结，不是待审核状态' })
    // The applicant can no longer withdraw a decided case.
    const w = await client(bff.baseUrl, b.clerkToken).post(`/api/cases/${serials['bKey']}/withdraw`, { body: {} })
    expect(w.status).toBe(409)
  })

  it('return needs a reason; the applicant sees it in the timeline; a returned case is not in the pending queue', async () => {
    const c = client(bff.baseUrl, reviewer)
    const empty = await c.post(`/api/review/cases/${serials['aEnrol']}/return`, { body: { reason: ' ' } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toContain('请填写退回原因')
    const r = await c.post(`/api/review/cases/${serials['aEnrol']}/return`, { body: { reason: '月缴费工资与劳动合同不符，请核实' } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'RETURNED', returnReason: '月缴费工资与劳动合同不符，请核实' })
    const seen = await client(bff.baseUrl, a.clerkToken).get(`/api/cases/${serials['aEnrol']}`)
    expect(seen.body.events.at(-1)).toMatchObject({ type: 'RETURNED', label: '退回', actorRole: 'REVIEWER', note: '月缴费工资与劳动合同不符，请核实' })
    const queue = await c.get('/api/review/cases', { query: { unitNo: a.unitNo } })
    expect(queue.body.total).toBe(0)
    const returned = await c.get('/api/review/cases', { query: { unitNo: a.unitNo, status: 'RETURNED' } })
    expect(returned.body.items.map((i: { serialNo: string }) => i.serialNo)).toEqual([serials['aEnrol']])
    expect((await c.post(`/api/review/cases/${serials['aEnrol']}/return`, { body: { reason: '再次退回' } })).status).toBe(409)
  })
})
