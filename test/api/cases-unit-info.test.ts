// Unit information changes over HTTP: 单位一般信息变更 (§3.3.9, instant: contact, clerks, bank accounts bound to
// insurance types) and 单位关键信息变更 (§3.3.10, reviewed: name, legal representative, scope, size class).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { CaseFixtures, client, draftBody, freshIdNumber, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let reviewer: string

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  reviewer = (await fx.reviewerToken()).token
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const bank = { bankCategory: '102', bankName: '中国工商银行宜昌分行', accountName: '测试有限公司', accountNumber: '6222020000123456789', insuranceTypes: ['UNEMPLOYMENT', 'WORK_INJURY'] }

describe('单位一般信息变更登记 (§3.3.9)', () => {
  let unit: UnitFx
  beforeAll(async () => {
    unit = await fx.unit()
  })

  it('changes contact details and adds a refund bank account bound to insurance types, at once, with before/after', async () => {
    const r = await client(bff.baseUrl, unit.clerkToken).post('/api/cases', {
      body: draftBody('UNIT_INFO_CHANGE', { form: { contact: { address: '宜昌市伍家岗区中南路8号', contactPhone: '0717-6221234' }, bankAccounts: { add: [bank] } }, submit: true })
    })
    expect(r.status).toBe(201)
    expect(r.body.status).toBe('EFFECTIVE')
    expect(r.body.changes).toEqual([
      { field: 'address', label: '联系地址', before: '宜昌市西陵区东山大道1号', after: '宜昌市伍家岗区中南路8号', changed: true },
      { field: 'contactPhone', label: '联系电话', before: '13900000000', after: '0717-6221234', changed: true },
      expect.objectContaining({ label: '新增银行账户', before: '', after: expect.stringContaining('中国工商银行') })
    ])
    expect(r.body.changes[2].after).toContain('失业、工伤')
    expect(r.body.changes[2].after).not.toContain('6222020000123456789') // masked in the record
    const u = await bff.prisma.unit.findUniqueOrThrow({ where: { id: unit.id }, include: { bankAccounts: true } })
    expect(u).toMatchObject({ address: '宜昌市伍家岗区中南路8号', contactPhone: '0717-6221234' })
    expect(u.bankAccounts).toEqual([expect.objectContaining({ purpose: 'REFUND', bankCategory: '102', accountNumber: '6222020000123456789', insuranceTypes: ['UNEMPLOYMENT', 'WORK_INJURY'], active: true })])
  })

  it('validates the form: bank category and account, insurance types ticked, something to change; a duplicate account', async () => {
    const c = client(bff.baseUrl, unit.clerkToken)
    const empty = await c.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: {}, submit: true }) })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatchObject({ code: 'CASE_FORM_INVALID', message: '表单信息有误：变更项：未填写需要变更的信息' })
    const bad = await c.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { bankAccounts: { add: [{ ...bank, bankCategory: '999', accountNumber: '12ab', insuranceTypes: [] }] } } }) })
    expect(bad.status).toBe(400)
    expect(bad.body.error.meta.failed.map((f: { column: string; reason: string }) => `${f.column}:${f.reason}`)).toEqual([
      '银行类别:银行类别无效，请从下拉列表中选择',
      '银行账号:银行账号只能包含数字',
      '险种:请至少勾选一个险种'
    ])
    const dup = await c.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { bankAccounts: { add: [bank] } }, submit: true }) })
    expect(dup.status).toBe(400)
    expect(dup.body.error.message).toContain('已登记')
  })

  it('clerk changes need the legal representative (R004-34); add, modify and remove a clerk; the removed clerk is signed out', async () => {
    const u = await fx.unit()
    const form = { clerks: { add: [{ name: '新经办', idNumber: freshIdNumber(), phone: '13811112222', department: '财务部' }] } }
    const byClerk = await client(bff.baseUrl, u.clerkToken).post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form, submit: true }) })
    expect(byClerk.status).toBe(403)
    expect(byClerk.body.error).toMatchObject({ code: 'CLERK_CHANGE_NEEDS_LEGAL_REP', message: '单位经办人变更须由单位法定代表人登录办理（必须用法人账号登录）' })

    const rep = client(bff.baseUrl, u.legalRepToken)
    const added = await rep.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form, submit: true }) })
    expect(added.status).toBe(201)
    expect(added.body.changes).toEqual([expect.objectContaining({ label: '新增经办人', after: expect.stringContaining('新经办') })])
    const clerks = await bff.prisma.unitClerk.findMany({ where: { unitId: u.id, active: true } })
    expect(clerks.map((c) => c.name).sort()).toEqual([u.clerk.name, u.legalRep.name, '新经办'].sort())

    const target = clerks.find((c) => c.personId === u.clerk.id)!
    const mod = await rep.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { clerks: { modify: [{ id: target.id, phone: '13700001111' }] } }, submit: true }) })
    expect(mod.body.changes[0]).toMatchObject({ label: '修改经办人', changed: true })
    expect(mod.body.changes[0].after).toContain('137****1111')

    const session = await bff.prisma.session.findFirstOrThrow({ where: { unitId: u.id, personId: u.clerk.id } })
    const rm = await rep.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { clerks: { remove: [target.id] } }, submit: true }) })
    expect(rm.status).toBe(201)
    expect(rm.body.changes[0]).toMatchObject({ label: '删除经办人', after: '（删除）' })
    expect((await bff.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull()
    // Its access token stops working at once (the guard's session check), not only its refresh token.
    const after = await client(bff.baseUrl, u.clerkToken).post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE') })
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('SESSION_INVALID')
    // A unit keeps at least one clerk.
    const rest = await bff.prisma.unitClerk.findMany({ where: { unitId: u.id, active: true }, select: { id: true } })
    const none = await rep.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form: { clerks: { remove: rest.map((r) => r.id) } }, submit: true }) })
    expect(none.status).toBe(400)
    expect(none.body.error.message).toContain('单位至少保留一名经办人')
  })
})

describe('单位关键信息变更登记 (§3.3.10)', () => {
  it('is reviewed: submitted with 变更前值, effective only when approved (R004-36)', async () => {
    const u = await fx.unit()
    const newRep = freshIdNumber(1980)
    const c = client(bff.baseUrl, u.clerkToken)
    const r = await c.post('/api/cases', {
      body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { name: '宜昌新名称科技有限公司', legalRepName: '李新', legalRepIdNumber: newRep, sizeClass: '3' }, submit: true })
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ status: 'SUBMITTED', resultMessage: '申报成功，请等待管理单位审核！' })
    expect(r.body.changes).toEqual([
      { field: 'name', label: '单位名称', before: u.name, after: '宜昌新名称科技有限公司', changed: true },
      { field: 'legalRepName', label: '法定代表人姓名', before: u.legalRep.name, after: '李新', changed: true },
      { field: 'legalRepIdNumber', label: '法定代表人证件号码', before: u.legalRep.idNumber, after: newRep, changed: true },
      { field: 'sizeClass', label: '企业类型', before: '小型企业', after: '小型企业', changed: false }
    ])
    expect((await bff.prisma.unit.findUniqueOrThrow({ where: { id: u.id } })).name).toBe(u.name)
    // The reviewer sees the same table, and approval applies it.
    const detail = await client(bff.baseUrl, reviewer).get(`/api/review/cases/${r.body.serialNo}`)
    expect(detail.body.changes.map((x: { label: string }) => x.label)).toEqual(['单位名称', '法定代表人姓名', '法定代表人证件号码', '企业类型'])
    expect(detail.body.unitInfo).toMatchObject({ unitNo: u.unitNo, name: u.name })
    const ok = await client(bff.baseUrl, reviewer).post('/api/review/cases/approve', { body: { serialNos: [r.body.serialNo], note: '与工商信息一致' } })
    expect(ok.body.approved).toBe(1)
    expect(await bff.prisma.unit.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ name: '宜昌新名称科技有限公司', legalRepName: '李新', legalRepIdNumber: newRep, sizeClass: '小型企业' })
    const after = await c.get(`/api/cases/${r.body.serialNo}`)
    expect(after.body.events.map((e: { type: string; note: string | null }) => `${e.type}:${e.note ?? ''}`)).toEqual(['CREATED:', 'SUBMITTED:等待审核', 'APPROVED:与工商信息一致', 'EFFECTIVE:审核通过，业务已生效'])
    // The unit's change history keeps what changed.
    expect(after.body.changes[0]).toMatchObject({ before: u.name, after: '宜昌新名称科技有限公司' })
  })

  it('one open key-information change per unit (有在途申请的记录); the legal representative needs both name and ID', async () => {
    const u = await fx.unit()
    const c = client(bff.baseUrl, u.clerkToken)
    expect((await c.post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: '甲' }, submit: true }) })).status).toBe(201)
    const second = await c.post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: '乙' }, submit: true }) })
    expect(second.status).toBe(409)
    expect(second.body.error.message).toBe('有在途申请的记录，不允许申请新的变更')
    const half = await c.post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { legalRepName: '王五' } }) })
    expect(half.status).toBe(400)
    expect(half.body.error.message).toContain('变更法定代表人须同时填写法定代表人姓名和证件号码')
  })
})
