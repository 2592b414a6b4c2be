// Issuing proofs over real HTTP against the real BFF and MariaDB (issue 5): each type's PDF says what it should
// (pdftotext: Chinese title, the person/unit data, the 授权码), the QR in the rendered first page decodes to the
// verification URL with that code and a token that verifies, the record stores only the code's hash, and the
// eligibility / authorisation rules hold (retirees only, a person only for themselves, a clerk only for the
// unit's staff).
import { addMonths, maskIdNumber, normalizeAuthCode, UNIT_CERTIFICATE_ROWS_PER_PAGE } from '@shebao/shared'
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createCertFixtures, decodeQr, pdfPages, pdfText, postFresh, renderPage, saveArtifact, type CertFixtures } from './cert-fixtures.ts'

let bff: RunningBff
let fx: CertFixtures

beforeAll(async () => {
  bff = await startBff()
  fx = await createCertFixtures(bff.prisma, bff.deps.keys)
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

const client = (token: string) => api(bff.baseUrl, { token })

async function issue(token: string, body: unknown) {
  return client(token).post('/api/certificates', { body })
}

async function download(token: string, path: string): Promise<Buffer> {
  const res = await fetch(new URL(path, bff.baseUrl), { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const pdf = Buffer.from(await res.arrayBuffer())
  // For a human to look at: test/artifacts/cert-<type>.pdf and its first page as PNG.
  const type = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'proof'
  saveArtifact(`cert-${decodeURIComponent(type).replace(/-[0-9A-Z]{4}\.pdf$/, '')}.pdf`, pdf)
  return pdf
}

/** Collapse pdftotext's layout spacing so phrases can be searched for. */
const squash = (s: string) => s.replace(/\s+/g, '')

describe('参保证明（个人缴费明细）', () => {
  let issued: { id: number; code: string; pdfPath: string; verifyUrl: string; pages: number; size: number }
  let pdf: Buffer

  beforeAll(async () => {
    const end = fx.unit.lastSettled
    const res = await issue(fx.tokens.worker, { type: 'PERSON_INSURANCE', startPeriod: end - 100, endPeriod: end, purpose: '购房' })
    expect(res.status, res.text).toBe(201)
    issued = res.body
    pdf = await download(fx.tokens.worker, issued.pdfPath)
  })

  it('answers the 授权码 in groups of four (16 Crockford base32 characters, 80 random bits) and a PDF path', () => {
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(issued.pdfPath).toBe(`/api/certificates/${issued.id}/pdf`)
    expect(issued.pages).toBe(1)
    expect(pdf.length).toBe(issued.size)
    expect(pdf.length).toBeLessThanOrEqual(100 * 1024)
  })

  it('the PDF carries the Chinese title, the person, the period, the purpose and the 授权码', async () => {
    const text = squash(await pdfText(pdf))
    expect(text).toContain('湖北省社会保险参保证明（个人缴费明细）')
    expect(text).toContain(fx.worker.name)
    expect(text).toContain(fx.worker.idNumber)
    expect(text).toContain(fx.worker.personNo)
    expect(text).toContain('用途：购房')
    expect(text).toContain('企业职工基本养老保险')
    expect(text).toContain(`宜昌市测试`)
    expect(text).toContain(squash(`授权码：${issued.code}`))
    expect(text).toContain('本证明出具后3个月内可扫描右上方二维码或登录本系统证明验证页面进行验证')
    expect(text).toContain('打印时间：')
    expect(text).toContain('第1页/共1页')
    expect(text).toContain('宜昌市社会保险经办机构')
  })

  it('embeds a subset of the CJK font (not the 10 MB file) and is the sha256 stored with the record', async () => {
    const row = await bff.prisma.certificate.findUniqueOrThrow({ where: { id: issued.id } })
    expect(row.pdfSha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'))
    const ascii = pdf.toString('latin1')
    expect(ascii).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/)
    // only the hash and the last 4 characters of the code are stored
    const code = normalizeAuthCode(issued.code) as string
    expect(row.codeHash).toBe(crypto.createHash('sha256').update(code).digest('hex'))
    expect(row.codeTail).toBe(code.slice(-4))
    expect(JSON.stringify(row)).not.toContain(code)
    expect(row.expiresAt.getTime()).toBeGreaterThan(row.issuedAt.getTime() + 88 * 86400_000)
    expect(row.expiresAt.getTime()).toBeLessThan(row.issuedAt.getTime() + 93 * 86400_000)
  })

  it('the QR in the top-right corner of the rendered page decodes to the verification URL with the code and a signed token', async () => {
    const qr = await decodeQr(await renderPage(pdf, 1, 150))
    expect(qr, 'QR not found in the rendered page').not.toBeNull()
    const url = new URL((qr as { text: string }).text.replace('#/', ''))
    expect((qr as { text: string }).text.startsWith(`${bff.config.publicBaseUrl}/#/pkg-verify/pages/index/index?`)).toBe(true)
    expect(url.searchParams.get('c')).toBe(normalizeAuthCode(issued.code))
    expect(qr?.text).toBe(issued.verifyUrl)
    // top right: its left edge in the right third, its top in the top eighth; printed ≥ 25 mm wide
    expect(qr!.x).toBeGreaterThan(qr!.imageWidth * 0.66)
    expect(qr!.y).toBeLessThan(qr!.imageHeight / 8)
    expect((qr!.width / 150) * 25.4).toBeGreaterThanOrEqual(25)
    const check = await postFresh(`${bff.baseUrl}/api/verify`, { code: url.searchParams.get('c'), token: url.searchParams.get('t') })
    expect(check.status).toBe(200)
    expect(check.body.result).toBe('VALID')
    expect(check.body.tokenCheck).toBe('MATCH')
  })

  it('the token is an ES256 JWS whose kid is published at /.well-known/jwks.json, over the code, type, masked subject, times and document hash', async () => {
    const token = new URL(issued.verifyUrl.replace('#/', '')).searchParams.get('t') as string
    const [h, p, s] = token.split('.')
    const header = JSON.parse(Buffer.from(h as string, 'base64url').toString())
    const claims = JSON.parse(Buffer.from(p as string, 'base64url').toString())
    expect(header).toMatchObject({ alg: 'ES256', typ: 'cert+jwt' })
    const jwks = await api(bff.baseUrl).get('/.well-known/jwks.json')
    expect(jwks.status).toBe(200)
    const jwk = jwks.body.keys.find((k: { kid: string }) => k.kid === header.kid)
    expect(jwk).toBeTruthy()
    const key = crypto.createPublicKey({ key: jwk, format: 'jwk' })
    expect(crypto.verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s as string, 'base64url'))).toBe(true)
    expect(claims.sub).toBe(normalizeAuthCode(issued.code))
    expect(claims.ct).toBe('PERSON_INSURANCE')
    expect(claims.sb).toBe(`${fx.worker.name[0]}${'*'.repeat(fx.worker.name.length - 1)}/${maskIdNumber(fx.worker.idNumber)}`)
    expect(claims.dh).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(claims.exp - claims.iat).toBeGreaterThan(88 * 86400)
  })

  it('bad input is a 400 naming the field in Chinese', async () => {
    const res = await issue(fx.tokens.worker, { type: 'PERSON_INSURANCE', startPeriod: 202401, endPeriod: 202312, purpose: '购房' })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('endPeriod')
    expect(res.body.error.message).toContain('结束年月')
    const noPurpose = await issue(fx.tokens.worker, { type: 'PERSON_INSURANCE', startPeriod: 202301, endPeriod: 202312, purpose: '  ' })
    expect(noPurpose.status).toBe(400)
    expect(noPurpose.body.error.message).toContain('用途')
  })
})

describe('the other individual proofs', () => {
  it('参保缴费凭证 per insurance type lists the years and totals', async () => {
    const res = await issue(fx.tokens.worker, { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'UNEMPLOYMENT' })
    expect(res.status, res.text).toBe(201)
    const text = squash(await pdfText(await download(fx.tokens.worker, res.body.pdfPath)))
    expect(text).toContain('失业保险参保缴费凭证')
    expect(text).toContain(fx.worker.idNumber)
    expect(text).toContain('历年缴费情况')
    expect(text).toContain('30个月')
    expect(text).toContain(squash(`授权码：${res.body.code}`))
  })

  it('养老金核定表 and 退休证明 for a retiree', async () => {
    const a = await issue(fx.tokens.retiree, { type: 'PENSION_ASSESSMENT' })
    expect(a.status, a.text).toBe(201)
    const at = squash(await pdfText(await download(fx.tokens.retiree, a.body.pdfPath)))
    expect(at).toContain('湖北省企业职工基本养老金核定表')
    expect(at).toContain('基础养老金')
    expect(at).toContain('2,900.00') // 1500 + 800 + 600 核定
    expect(at).toContain('贰仟玖佰元整')
    const r = await issue(fx.tokens.retiree, { type: 'RETIREMENT' })
    expect(r.status, r.text).toBe(201)
    const rt = squash(await pdfText(await download(fx.tokens.retiree, r.body.pdfPath)))
    expect(rt).toContain('退休证明')
    expect(rt).toContain(`兹证明${fx.retiree.name}`)
    expect(rt).toContain('2020年5月31日办理退休手续')
  })

  it('待遇领取证明 lists the payments of the period', async () => {
    const res = await issue(fx.tokens.retiree, { type: 'BENEFIT_RECEIPT', startPeriod: 202101, endPeriod: 202112 })
    expect(res.status, res.text).toBe(201)
    const text = squash(await pdfText(await download(fx.tokens.retiree, res.body.pdfPath)))
    expect(text).toContain('社会保险待遇领取证明')
    expect(text).toContain('2021/01')
    expect(text).toContain('2021/12')
    expect(text).toContain('基本养老金')
  })

  it('退休证明 and 养老金核定表 for someone not retired: 400 with the reason in Chinese', async () => {
    for (const type of ['RETIREMENT', 'PENSION_ASSESSMENT']) {
      const res = await issue(fx.tokens.worker, { type })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('CERTIFICATE_NOT_ELIGIBLE')
      expect(res.body.error.message).toContain('不是退休人员')
    }
  })

  it('a person cannot issue a unit proof, a clerk cannot issue an individual proof', async () => {
    const a = await issue(fx.tokens.worker, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 3, personIds: [fx.worker.id] })
    expect(a.status).toBe(400)
    expect(a.body.error.message).toContain('单位经办人')
    const b = await issue(fx.tokens.clerk, { type: 'RETIREMENT' })
    expect(b.status).toBe(400)
    expect(b.body.error.message).toContain('个人身份')
  })

  it('a person only for themselves: a personId in the body is ignored, the proof is about the signed-in person', async () => {
    const other = fx.staff[5]!
    const res = await issue(fx.tokens.worker, { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'PENSION', personId: other.id })
    expect(res.status, res.text).toBe(201)
    const text = squash(await pdfText(await download(fx.tokens.worker, res.body.pdfPath)))
    expect(text).toContain(fx.worker.idNumber)
    expect(text).not.toContain(other.idNumber)
    const row = await bff.prisma.certificate.findUniqueOrThrow({ where: { id: res.body.id } })
    expect(row.personId).toBe(fx.worker.id)
  })

  it('issuing needs a sign-in', async () => {
    const res = await api(bff.baseUrl).post('/api/certificates', { body: { type: 'RETIREMENT' } })
    expect(res.status).toBe(401)
  })
})

describe('单位参保证明（单位专用）', () => {
  it('follows the seed layout: summary grid, caption, 20 numbered rows a page with masked ID numbers', async () => {
    const chosen = fx.staff.slice(0, 3)
    const res = await issue(fx.tokens.clerk, { type: 'UNIT_INSURANCE', insuranceType: 'UNEMPLOYMENT', months: 3, personIds: chosen.map((p) => p.id) })
    expect(res.status, res.text).toBe(201)
    expect(res.body.pages).toBe(1)
    const pdf = await download(fx.tokens.clerk, res.body.pdfPath)
    expect(pdf.length).toBeLessThanOrEqual(100 * 1024)
    const raw = await pdfText(pdf)
    const text = squash(raw)
    expect(text).toContain('湖北省社会保险参保证明（单位专用）')
    expect(text).toContain(`单位名称：${fx.unit.name}`)
    expect(text).toContain(`单位编号：${fx.unit.unitNo}`)
    for (const label of ['单位参保险种', '企业失业', '缴费总人数', '参保所属地', '宜昌市本级', '做账期号', '单位欠费(是/否)']) expect(text).toContain(label)
    expect(text).toMatch(/\d{4}年\d{1,2}月，该单位以下参保缴费人员信息/)
    for (const h of ['序号', '姓名', '身份证号', '个人编号', '缴费起止时间', '年/月', '缴费状态']) expect(text).toContain(h)
    for (const p of chosen) {
      expect(text).toContain(p.name)
      expect(text).toContain(maskIdNumber(p.idNumber))
      expect(text).not.toContain(p.idNumber)
      expect(text).toContain(p.personNo)
    }
    const first = addMonths(fx.unit.lastSettled, -2) // 3 months ending at 最大核止期号
    expect(text).toContain(`${first}${fx.unit.lastSettled}实缴到账`)
    // rows 4…20 are numbered and empty
    expect(raw).toMatch(/^\s*20\s*$/m)
    expect(text).toContain(squash(`授权码：${res.body.code}`))
    expect(text).toContain('本证明信息为打印时单位在参保所属地的参保缴费情况，由参保单位自行保管')
    expect(text).toContain('第1页/共1页')
  })

  it('25 staff take two pages, every page with its QR and page number', async () => {
    const many = fx.staff
    const res = await issue(fx.tokens.clerk, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 12, personIds: many.map((p) => p.id) })
    expect(res.status, res.text).toBe(201)
    expect(res.body.pages).toBe(Math.ceil(many.length / UNIT_CERTIFICATE_ROWS_PER_PAGE))
    const pdf = await download(fx.tokens.clerk, res.body.pdfPath)
    expect(await pdfPages(pdf)).toBe(res.body.pages)
    const text = squash(await pdfText(pdf))
    expect(text).toContain(`第2页/共${res.body.pages}页`)
    expect(text).toContain('欠费') // staff[1] has a month in arrears
    const qr2 = await decodeQr(await renderPage(pdf, 2, 150))
    expect(qr2?.text).toBe(res.body.verifyUrl)
  })

  it("a clerk cannot issue for another unit's staff (404), nor for staff not in that insurance type", async () => {
    const res = await issue(fx.tokens.clerk, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 3, personIds: [fx.staff[0]!.id, fx.outsider.id] })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    const other = await issue(fx.tokens.otherClerk, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 3, personIds: [fx.staff[0]!.id] })
    expect(other.status).toBe(404)
    const notUnemployed = await issue(fx.tokens.otherClerk, { type: 'UNIT_INSURANCE', insuranceType: 'UNEMPLOYMENT', months: 3, personIds: [fx.outsider.id] })
    expect(notUnemployed.status).toBe(404)
    const voucher = await issue(fx.tokens.otherClerk, { type: 'UNIT_PENSION_VOUCHER', personId: fx.staff[0]!.id })
    expect(voucher.status).toBe(404)
  })

  it('only the seed spans 3/6/9/12/24 months', async () => {
    const res = await issue(fx.tokens.clerk, { type: 'UNIT_INSURANCE', insuranceType: 'PENSION', months: 5, personIds: [fx.staff[0]!.id] })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('months')
    expect(res.body.error.message).toContain('二十四个月')
  })

  it('养老缴费凭证 for a staff member of the unit', async () => {
    const res = await issue(fx.tokens.clerk, { type: 'UNIT_PENSION_VOUCHER', personId: fx.staff[2]!.id })
    expect(res.status, res.text).toBe(201)
    const text = squash(await pdfText(await download(fx.tokens.clerk, res.body.pdfPath)))
    expect(text).toContain('企业职工基本养老保险参保缴费凭证')
    expect(text).toContain(fx.staff[2]!.name)
    expect(text).toContain(`由参保单位${fx.unit.name}打印`)
  })

  it('the staff picker lists the unit staff of that insurance type, searchable, with the 最大核止期号', async () => {
    const res = await client(fx.tokens.clerk).get('/api/certificates/unit-staff', { query: { insuranceType: 'PENSION', pageSize: 100 } })
    expect(res.status, res.text).toBe(200)
    expect(res.body.lastSettledPeriod).toBe(fx.unit.lastSettled)
    const ids = res.body.items.map((r: { id: number }) => r.id)
    for (const p of fx.staff) expect(ids).toContain(p.id)
    expect(ids).not.toContain(fx.outsider.id)
    expect(res.body.items[0].idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    const one = await client(fx.tokens.clerk).get('/api/certificates/unit-staff', { query: { insuranceType: 'PENSION', q: fx.staff[3]!.idNumber } })
    expect(one.body.items.map((r: { id: number }) => r.id)).toEqual([fx.staff[3]!.id])
    const asPerson = await client(fx.tokens.worker).get('/api/certificates/unit-staff', { query: { insuranceType: 'PENSION' } })
    expect(asPerson.status).toBe(403)
  })
})

describe('Idempotency-Key (a phone that lost the answer issues again)', () => {
  const body = { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'PENSION' }
  const post = (token: string, key: string | undefined, b: unknown = body) =>
    client(token).post('/api/certificates', { body: b, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) })
  const count = (personId: number) => bff.prisma.certificate.count({ where: { personId } })

  it('the same key and body → the same certificate (same id and 授权码), no second record; another body → 422 in Chinese', async () => {
    const who = fx.staff[7]!
    const token = await fx.personToken(who.id)
    const key = `cert-${crypto.randomUUID()}`
    const first = await post(token, key)
    expect(first.status, first.text).toBe(201)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const again = await post(token, key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('location')).toBe(first.body.pdfPath)
    expect(again.body).toEqual(first.body)
    expect(await count(who.id)).toBe(1)
    const other = await post(token, key, { type: 'PERSON_PAYMENT_VOUCHER', insuranceType: 'UNEMPLOYMENT' })
    expect(other.status).toBe(422)
    expect(other.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: '同一幂等键对应了不同的请求内容' })
    expect(await count(who.id)).toBe(1)
    // The replayed 授权码 is the stored certificate's.
    const checked = await api(bff.baseUrl).post('/api/verify', { body: { code: again.body.code } })
    expect(checked.body).toMatchObject({ result: 'VALID' })
    expect(normalizeAuthCode(again.body.code)).toBe(normalizeAuthCode(first.body.code))
  })

  it('two requests racing with one key make one certificate; keys are per caller; without a key each request issues', async () => {
    const who = fx.staff[8]!
    const token = await fx.personToken(who.id)
    const key = `cert-${crypto.randomUUID()}`
    const [a, b] = await Promise.all([post(token, key), post(token, key)])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.id).toBe(b.body.id)
    expect(await count(who.id)).toBe(1)
    // Someone else's request with the same key is theirs alone.
    const someone = fx.staff[9]!
    const theirs = await post(await fx.personToken(someone.id), key)
    expect(theirs.status).toBe(201)
    expect(theirs.headers.get('idempotent-replayed')).toBeNull()
    expect(theirs.body.id).not.toBe(a.body.id)
    // No key: a second certificate.
    expect((await post(token, undefined)).status).toBe(201)
    expect(await count(who.id)).toBe(2)
  })

  it('a malformed key is a 400 naming it; a failed issue stores nothing under the key (a retry with it can succeed)', async () => {
    const token = await fx.personToken(fx.staff[10]!.id)
    const bad = await post(token, 'x'.repeat(129))
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' })
    expect(bad.body.error.message).toContain('幂等键')
    const key = `cert-${crypto.randomUUID()}`
    const refused = await post(token, key, { type: 'RETIREMENT' })
    expect(refused.status).toBe(400)
    expect(await bff.prisma.idempotencyKey.count({ where: { key } })).toBe(0)
  })
})

describe('what the caller can issue', () => {
  it('a worker sees 退休证明 greyed out with the reason; a retiree can issue it; a clerk sees the unit types', async () => {
    const w = await client(fx.tokens.worker).get('/api/certificates/types')
    const ret = w.body.items.find((t: { type: string }) => t.type === 'RETIREMENT')
    expect(ret).toMatchObject({ available: false, reason: '仅退休人员可开具' })
    const r = await client(fx.tokens.retiree).get('/api/certificates/types')
    expect(r.body.items.find((t: { type: string }) => t.type === 'RETIREMENT').available).toBe(true)
    const c = await client(fx.tokens.clerk).get('/api/certificates/types')
    expect(c.body.items.map((t: { type: string }) => t.type)).toEqual(['UNIT_INSURANCE', 'UNIT_PENSION_VOUCHER'])
  })
})

