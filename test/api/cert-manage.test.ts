// 我的证明 (issue 5): a person lists and re-downloads their own proofs, a clerk their unit's; anyone else's proof is
// 404 (list, PDF, revoke); revoking is VALID → REVOKED once, with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createCertFixtures, type CertFixtures } from './cert-fixtures.ts'

let bff: RunningBff
let fx: CertFixtures
let mine: { id: number; pdfPath: string }
let unitProof: { id: number; pdfPath: string }

const as = (token: string) => api(bff.baseUrl, { token })

beforeAll(async () => {
  bff = await startBff()
  fx = await createCertFixtures(bff.prisma, bff.deps.keys)
  const a = await as(fx.tokens.worker).post('/api/certificates', { body: { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'PENSION' } })
  expect(a.status, a.text).toBe(201)
  mine = a.body
  const b = await as(fx.tokens.clerk).post('/api/certificates', { body: { type: 'UNIT_PENSION_VOUCHER', personId: fx.worker.id } })
  expect(b.status, b.text).toBe(201)
  unitProof = b.body
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

describe('我的证明', () => {
  it("a person sees their own proofs, newest first, with state, summary and the code's last 4 characters", async () => {
    const res = await as(fx.tokens.worker).get('/api/certificates')
    expect(res.status).toBe(200)
    expect(res.body.items.map((r: { id: number }) => r.id)).toContain(mine.id)
    // the unit's voucher about this worker is the unit's proof, not theirs
    expect(res.body.items.map((r: { id: number }) => r.id)).not.toContain(unitProof.id)
    const row = res.body.items.find((r: { id: number }) => r.id === mine.id)
    expect(row).toMatchObject({ type: 'PERSON_PAYMENT_VOUCHER', typeLabel: '参保缴费凭证', state: 'VALID', stateLabel: '有效', status: 'VALID', pages: 1, pdfPath: mine.pdfPath })
    expect(row.codeTail).toMatch(/^[0-9A-Z]{4}$/)
    expect(row.summary).toContain('企业职工基本养老保险')
  })

  it("a clerk sees the unit's proofs only; another unit's clerk and another person see none of them", async () => {
    const unit = await as(fx.tokens.clerk).get('/api/certificates', { query: { type: 'UNIT_PENSION_VOUCHER' } })
    expect(unit.body.items.map((r: { id: number }) => r.id)).toEqual([unitProof.id])
    const other = await as(fx.tokens.otherClerk).get('/api/certificates')
    expect(other.body.total).toBe(0)
    const outsider = await as(fx.tokens.outsider).get('/api/certificates')
    expect(outsider.body.total).toBe(0)
  })

  it('the owner downloads the PDF again (same bytes, same sha256); anyone else gets 404', async () => {
    const a = await fetch(new URL(mine.pdfPath, bff.baseUrl), { headers: { authorization: `Bearer ${fx.tokens.worker}` } })
    expect(a.status).toBe(200)
    const bytes = Buffer.from(await a.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const row = await bff.prisma.certificate.findUniqueOrThrow({ where: { id: mine.id } })
    expect(a.headers.get('etag')).toBe(`"${row.pdfSha256}"`)
    expect(a.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    for (const token of [fx.tokens.outsider, fx.tokens.clerk, fx.tokens.retiree]) {
      const res = await as(token).get(mine.pdfPath)
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('NOT_FOUND')
    }
    expect((await as(fx.tokens.worker).get(unitProof.pdfPath)).status).toBe(404)
    expect((await as(fx.tokens.otherClerk).get(unitProof.pdfPath)).status).toBe(404)
    expect((await api(bff.baseUrl).get(mine.pdfPath)).status).toBe(401)
  })

  it('revoke: others 404, the owner VALID → REVOKED with the reason, a second time 409', async () => {
    const other = await as(fx.tokens.outsider).post(`/api/certificates/${mine.id}/revoke`, { body: { reason: '不是我的' } })
    expect(other.status).toBe(404)
    const clerk = await as(fx.tokens.clerk).post(`/api/certificates/${mine.id}/revoke`, { body: { reason: '单位代为作废' } })
    expect(clerk.status).toBe(404)
    const short = await as(fx.tokens.worker).post(`/api/certificates/${mine.id}/revoke`, { body: { reason: '' } })
    expect(short.status).toBe(400)
    expect(short.body.error.message).toContain('作废原因')
    const ok = await as(fx.tokens.worker).post(`/api/certificates/${mine.id}/revoke`, { body: { reason: '用途变更，重新开具' } })
    expect(ok.status, ok.text).toBe(200)
    expect(ok.body).toMatchObject({ id: mine.id, status: 'REVOKED', state: 'REVOKED', stateLabel: '已作废', revokeReason: '用途变更，重新开具' })
    const again = await as(fx.tokens.worker).post(`/api/certificates/${mine.id}/revoke`, { body: { reason: '再次作废' } })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('CERTIFICATE_ALREADY_REVOKED')
    const row = await bff.prisma.certificate.findUniqueOrThrow({ where: { id: mine.id } })
    expect(row.revokeReason).toBe('用途变更，重新开具')
    // a revoked proof can still be downloaded by its owner (it says what it said; verification says 已作废)
    expect((await as(fx.tokens.worker).get(mine.pdfPath)).status).toBe(200)
  })

  it('the unit clerk revokes a unit proof', async () => {
    const res = await as(fx.tokens.clerk).post(`/api/certificates/${unitProof.id}/revoke`, { body: { reason: '人员信息有误' } })
    expect(res.status).toBe(200)
    expect(res.body.state).toBe('REVOKED')
  })
})
