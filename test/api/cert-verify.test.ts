// Public verification of proofs (issue 5), over real HTTP without sign-in: genuine / expired / revoked / unknown,
// the QR token check (match, one byte changed, another key, another proof's token), what is shown (masked), that
// every attempt is logged, and the per-IP rate limit. The BFF runs with TRUST_PROXY=1 so each test can come from
// its own address (X-Forwarded-For) and has its own rate-limit bucket.
import crypto from 'node:crypto'
import { formatAuthCode, maskIdNumber, maskName, normalizeAuthCode } from '@shebao/shared'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueCertificate } from '../../bff/src/modules/certificates/issue-certificate.ts'
import { closeCertificates, flushVerificationLogs } from '../../bff/src/modules/certificates/routes.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createCertFixtures, type CertFixtures } from './cert-fixtures.ts'

let bff: RunningBff
let fx: CertFixtures
let proof: { id: number; code: string; token: string; verifyUrl: string }
let unitProof: { id: number; code: string; token: string }

const ip = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${1 + crypto.randomInt(254)}`
/** An anonymous client from its own address. */
const anon = (from = ip()) => api(bff.baseUrl, { headers: { 'x-forwarded-for': from, 'user-agent': 'cert-verify-test/1.0' } })

function parts(verifyUrl: string): { code: string; token: string } {
  const u = new URL(verifyUrl.replace('/#/', '/'))
  return { code: u.searchParams.get('c') as string, token: u.searchParams.get('t') as string }
}

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = await createCertFixtures(bff.prisma, bff.deps.keys)
  const end = fx.unit.lastSettled
  const a = await api(bff.baseUrl, { token: fx.tokens.worker }).post('/api/certificates', {
    body: { type: 'PERSON_INSURANCE', startPeriod: end - 100, endPeriod: end, purpose: '子女入学' }
  })
  expect(a.status, a.text).toBe(201)
  proof = { id: a.body.id, ...parts(a.body.verifyUrl), verifyUrl: a.body.verifyUrl }
  const b = await api(bff.baseUrl, { token: fx.tokens.clerk }).post('/api/certificates', {
    body: { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 6, personIds: [fx.staff[0]!.id, fx.staff[1]!.id] }
  })
  expect(b.status, b.text).toBe(201)
  unitProof = { id: b.body.id, ...parts(b.body.verifyUrl) }
})

afterAll(async () => {
  await closeCertificates()
  await fx?.cleanup()
  await bff?.close()
})

describe('a genuine proof', () => {
  it('scanned (code + token): VALID, the token MATCHes, and what it certifies is shown masked', async () => {
    const res = await anon().post('/api/verify', { body: { code: proof.code, token: proof.token } })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ result: 'VALID', resultLabel: '真实有效', tokenCheck: 'MATCH' })
    const c = res.body.certificate
    expect(c).toMatchObject({
      type: 'PERSON_INSURANCE',
      typeLabel: '参保证明',
      title: '湖北省社会保险参保证明（个人缴费明细）',
      subjectRole: 'PERSON',
      subjectName: maskName(fx.worker.name),
      subjectIdNumber: maskIdNumber(fx.worker.idNumber),
      pages: 1
    })
    expect(c.details).toContainEqual({ label: '用途', value: '子女入学' })
    expect(c.periodLabel).toMatch(/^\d{4}年\d{1,2}月至\d{4}年\d{1,2}月$/)
    expect(c.pdfSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(res.text).not.toContain(fx.worker.idNumber)
    expect(res.text).not.toContain(fx.worker.name)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('typed (code only, lower case with spaces, I/L/O look-alikes): VALID, token ABSENT', async () => {
    const typed = formatAuthCode(proof.code).toLowerCase()
    const res = await anon().post('/api/verify', { body: { code: typed } })
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'ABSENT' })
    const lookalike = proof.code.replace(/1/g, 'l').replace(/0/g, 'O')
    expect((await anon().post('/api/verify', { body: { code: lookalike } })).body.result).toBe('VALID')
  })

  it('GET /api/verify?code=&token= answers the same (what the verification page calls)', async () => {
    const res = await anon().get('/api/verify', { query: { code: proof.code, token: proof.token } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'MATCH' })
  })

  it('a unit proof shows the unit, the span and the number of persons, no personal data', async () => {
    const res = await anon().post('/api/verify', { body: unitProof })
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'MATCH' })
    expect(res.body.certificate).toMatchObject({ subjectRole: 'UNIT', unitName: fx.unit.name, unitNo: fx.unit.unitNo, subjectIdNumber: null })
    expect(res.body.certificate.details).toContainEqual({ label: '列明人员', value: '2人' })
    expect(res.text).not.toContain(fx.staff[0]!.name)
    expect(res.text).not.toContain(fx.staff[0]!.idNumber)
  })
})

describe('the QR token check', () => {
  it('one byte changed in the token: INVALID signature (the code alone still finds the genuine record)', async () => {
    const [h, p, s] = proof.token.split('.') as [string, string, string]
    const flip = (t: string, i: number) => t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1)
    for (const tampered of [`${h}.${flip(p, 10)}.${s}`, `${h}.${p}.${flip(s, 5)}`, `${flip(h, 3)}.${p}.${s}`]) {
      const res = await anon().post('/api/verify', { body: { code: proof.code, token: tampered } })
      expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'INVALID' })
    }
  })

  it('claims rewritten and signed by another key (even claiming our kid): INVALID', async () => {
    const claims = JSON.parse(Buffer.from(proof.token.split('.')[1] as string, 'base64url').toString())
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const forged = jwt.sign({ ...claims, sb: '王*/420***********0000' }, privateKey, {
      algorithm: 'ES256',
      header: { alg: 'ES256', kid: bff.deps.keys.kid, typ: 'cert+jwt' }
    })
    const res = await anon().post('/api/verify', { body: { code: proof.code, token: forged } })
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'INVALID' })
    // alg none and HS256-with-the-public-key are refused too
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'cert+jwt', kid: bff.deps.keys.kid })).toString('base64url')}.${proof.token.split('.')[1]}.`
    expect((await anon().post('/api/verify', { body: { code: proof.code, token: none } })).body.tokenCheck).toBe('INVALID')
  })

  it("another proof's genuine token with this code: MISMATCH", async () => {
    const res = await anon().post('/api/verify', { body: { code: proof.code, token: unitProof.token } })
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'MISMATCH' })
  })

  it('a genuine token whose record was changed in the database afterwards: MISMATCH (the snapshot hash is signed)', async () => {
    const other = await api(bff.baseUrl, { token: fx.tokens.worker }).post('/api/certificates', { body: { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'PENSION' } })
    expect(other.status).toBe(201)
    // Verified once before the change, so the server has parsed and hashed the snapshot already.
    const before = await anon().post('/api/verify', { body: parts(other.body.verifyUrl) })
    expect(before.body).toMatchObject({ result: 'VALID', tokenCheck: 'MATCH' })
    const row = await bff.prisma.certificate.findUniqueOrThrow({ where: { id: other.body.id } })
    const snapshot = row.snapshot as { public: { details: { label: string; value: string }[] } }
    snapshot.public.details.push({ label: '篡改', value: '是' })
    await bff.prisma.certificate.update({ where: { id: row.id }, data: { snapshot } })
    const res = await anon().post('/api/verify', { body: parts(other.body.verifyUrl) })
    expect(res.body).toMatchObject({ result: 'VALID', tokenCheck: 'MISMATCH' })
    expect(res.body.certificate.details).toContainEqual({ label: '篡改', value: '是' })
  })
})

describe('expired, revoked, unknown', () => {
  it('issued more than 3 months ago (clock moved back at issue): EXPIRED, the token still MATCHes', async () => {
    const fourMonthsAgo = new Date(Date.now() - 125 * 86400_000)
    const old = await issueCertificate(
      { prisma: bff.prisma, keys: bff.deps.keys, config: bff.config },
      { role: 'person', personId: fx.worker.id, sessionId: 'test' },
      { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'UNEMPLOYMENT' },
      { now: fourMonthsAgo }
    )
    const res = await anon().post('/api/verify', { body: parts(old.verifyUrl) })
    expect(res.body).toMatchObject({ result: 'EXPIRED', resultLabel: '已过验证期', tokenCheck: 'MATCH' })
    expect(new Date(res.body.certificate.expiresAt).getTime()).toBeLessThan(Date.now())
    // and the owner's list says so too
    const mine = await api(bff.baseUrl, { token: fx.tokens.worker }).get('/api/certificates', { query: { pageSize: 100 } })
    expect(mine.body.items.find((r: { id: number }) => r.id === old.id)).toMatchObject({ state: 'EXPIRED', status: 'VALID' })
  })

  it('revoked by its owner: REVOKED with the time and reason', async () => {
    const issued = await api(bff.baseUrl, { token: fx.tokens.worker }).post('/api/certificates', { body: { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'PENSION' } })
    const rv = await api(bff.baseUrl, { token: fx.tokens.worker }).post(`/api/certificates/${issued.body.id}/revoke`, { body: { reason: '信息有误，重新开具' } })
    expect(rv.status, rv.text).toBe(200)
    const res = await anon().post('/api/verify', { body: parts(issued.body.verifyUrl) })
    expect(res.body).toMatchObject({ result: 'REVOKED', resultLabel: '已作废', tokenCheck: 'MATCH' })
    expect(res.body.certificate.revokeReason).toBe('信息有误，重新开具')
    expect(res.body.certificate.revokedAt).toBeTruthy()
  })

  it('an unknown (well-formed) code, a malformed code: NOT_FOUND with nothing about any proof', async () => {
    const unknown = formatAuthCode('0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split('').sort(() => Math.random() - 0.5).join('').slice(0, 16))
    const a = await anon().post('/api/verify', { body: { code: unknown } })
    expect(a.status).toBe(200)
    expect(a.body).toMatchObject({ result: 'NOT_FOUND', resultLabel: '未找到该证明', tokenCheck: 'ABSENT', certificate: null })
    const b = await anon().post('/api/verify', { body: { code: 'NOT-A-CODE' } })
    expect(b.body).toMatchObject({ result: 'NOT_FOUND', certificate: null })
    // a genuine token presented with an unknown code does not reveal its proof
    const c = await anon().post('/api/verify', { body: { code: unknown, token: proof.token } })
    expect(c.body).toMatchObject({ result: 'NOT_FOUND', tokenCheck: 'MISMATCH', certificate: null })
    const empty = await anon().post('/api/verify', { body: { code: '' } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toContain('授权码')
  })
})

describe('logging and rate limiting', () => {
  it('every attempt is logged with time, IP, user agent, result and token check', async () => {
    const from = ip()
    const before = new Date(Date.now() - 1000)
    await anon(from).post('/api/verify', { body: { code: proof.code, token: proof.token } })
    await anon(from).post('/api/verify', { body: { code: 'ZZZZZZZZZZZZZZZZ' } })
    await flushVerificationLogs()
    const rows = await bff.prisma.certificateVerification.findMany({ where: { ip: from, createdAt: { gte: before } }, orderBy: { id: 'asc' } })
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ certificateId: proof.id, result: 'VALID', tokenCheck: 'MATCH', userAgent: 'cert-verify-test/1.0' })
    expect(rows[1]).toMatchObject({ certificateId: null, result: 'NOT_FOUND', tokenCheck: 'ABSENT' })
  })

  it('30 attempts a minute per IP, then 429 with Retry-After; another IP is not affected', async () => {
    const from = ip()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await anon(from).post('/api/verify', { body: { code: `${normalizeAuthCode(proof.code)}` } })).status)
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
    expect(statuses[30]).toBe(429)
    const limited = await anon(from).get('/api/verify', { query: { code: proof.code } })
    expect(limited.status).toBe(429)
    expect(limited.body.error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await anon().post('/api/verify', { body: { code: proof.code } })).status).toBe(200)
  })
})
