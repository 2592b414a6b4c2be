// Who may reach what, for every endpoint in the shared registry (so a new endpoint is checked without anyone
// remembering to): no token → 401 on every signed-in route; a role the route does not admit → 403 (the guard; it
// says nothing about any resource); and every parametrised route a unit clerk can call, given ANOTHER unit's
// resource (its bill, declaration, case, certificate, media) → 404 NOT_FOUND, exactly like an id that does not
// exist — the table below must name each such route (the test fails for one it does not know).
import crypto from 'node:crypto'
import { apiRoutes, type ApiRoute } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from './contrib-fixtures.ts'
import { draftBody } from './cases-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures
const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

/** Unit A's resources; B is the other unit asking for them. */
let a: FxUnit
let b: FxUnit
let worker: FxPerson
let tokens: { unitB: string; person: string; reviewer: string }
let res: { billNo: string; declarationId: number; serialNo: string; certificateId: number; mediaId: string; caseMediaId: number }

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  await fx.policy({ year: 2025, standard: '6500.00', floor: '3900.00', ceiling: '19500.00' })
  const unitWithWorker = async () => {
    const u = await fx.unit({ insurances: ALL.map((type) => ({ type, lastSettled: 202508 })) })
    const p = await fx.person()
    await fx.enrol(p, u.id, [...ALL])
    await fx.wageDeclaration(p, u.id, 2025, '6000.00', '6000.00')
    return { u, p }
  }
  ;({ u: a, p: worker } = await unitWithWorker())
  ;({ u: b } = await unitWithWorker())
  tokens = { unitB: b.token, person: await fx.personToken(worker.id), reviewer: await fx.reviewerToken(fx.regionCode) }

  // A's declaration and bill.
  setContributionsClock(shanghai('2025-09-20 10:00:00'))
  const ca = api(bff.baseUrl, { token: a.token })
  const d = await ca.post('/api/unit/contributions/declarations', { body: {} })
  expect(d.status, d.text).toBe(201)
  const bill = await ca.post('/api/unit/bills', { body: { declarationId: d.body.id } })
  expect(bill.status, bill.text).toBe(201)
  resetContributionsClock()
  // A's draft case with a material.
  const draft = await ca.post('/api/cases', { body: draftBody('STAFF_ENROL') })
  expect(draft.status, draft.text).toBe(201)
  // A's media (an uploaded image) and certificate (its PDF), written as the modules would.
  const png = Buffer.from('89504e470d0a1a0a', 'hex')
  const media = await bff.prisma.media.create({
    data: { id: crypto.randomUUID(), ownerRole: 'UNIT', ownerUnitId: a.id, kind: 'IMAGE', mime: 'image/png', size: png.length, sha256: crypto.createHash('sha256').update(png).digest('hex'), data: png }
  })
  const pdfMedia = await bff.prisma.media.create({
    data: { id: crypto.randomUUID(), ownerRole: 'UNIT', ownerUnitId: a.id, kind: 'PDF', mime: 'application/pdf', size: 4, sha256: 'a'.repeat(64), data: Buffer.from('%PDF') }
  })
  const cert = await bff.prisma.certificate.create({
    data: {
      codeHash: crypto.randomBytes(32).toString('hex'),
      codeTail: 'ABCD',
      type: 'UNIT_INSURANCE',
      title: '单位参保证明',
      subjectRole: 'UNIT',
      unitId: a.id,
      snapshot: {},
      pdfSha256: 'a'.repeat(64),
      pdfMediaId: pdfMedia.id,
      pages: 1,
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 90 * 86400_000),
      status: 'VALID'
    }
  })
  res = { billNo: bill.body.billNo, declarationId: d.body.id, serialNo: draft.body.serialNo, certificateId: cert.id, mediaId: media.id, caseMediaId: 1 }
})

afterAll(async () => {
  resetContributionsClock()
  if (res) {
    await bff.prisma.certificate.deleteMany({ where: { id: res.certificateId } })
  }
  await fx?.cleanup()
  await bff?.close()
})

const concrete = (path: string) =>
  path
    .replace(':billNo', '2025092010000001')
    .replace(':serialNo', '202509200000001')
    .replace(':code', 'STAFF_ENROL')
    .replace(/:(id|rowNo)\b/g, '1')

const call = (token: string | undefined, method: string, path: string, body?: unknown) =>
  api(bff.baseUrl, token ? { token } : {}).request(method, path, body === undefined ? {} : { body })

const key = (r: Pick<ApiRoute, 'method' | 'path'>) => `${r.method} ${r.path}`

describe('every signed-in route', () => {
  it('no token → 401 UNAUTHENTICATED', async () => {
    const failures: string[] = []
    for (const r of apiRoutes.filter((x) => x.auth !== 'none')) {
      const out = await call(undefined, r.method, concrete(r.path))
      if (out.status !== 401 || out.body?.error?.code !== 'UNAUTHENTICATED') failures.push(`${key(r)} → ${out.status}`)
    }
    expect(failures).toEqual([])
  })

  it('a role the route does not admit → 403 FORBIDDEN (unit on /api/review/* and /api/me/*, person and reviewer on /api/unit/* …)', async () => {
    const byRole = { unit: () => tokens.unitB, person: () => tokens.person, reviewer: () => tokens.reviewer }
    const failures: string[] = []
    let checked = 0
    for (const r of apiRoutes.filter((x) => x.auth === 'unit' || x.auth === 'person' || x.auth === 'reviewer')) {
      for (const [role, token] of Object.entries(byRole)) {
        if (role === r.auth) continue
        const out = await call(token(), r.method, concrete(r.path))
        checked++
        if (out.status !== 403 || out.body?.error?.code !== 'FORBIDDEN') failures.push(`${role} ${key(r)} → ${out.status}`)
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(40)
  })
})

describe("another unit's resources → 404", () => {
  /** Every parametrised route a clerk can call, with unit A's resource in it. */
  const table = (): Record<string, { path: string; body?: unknown }> => ({
    'GET /api/unit/bills/:billNo': { path: `/api/unit/bills/${res.billNo}` },
    'GET /api/unit/bills/:billNo/pdf': { path: `/api/unit/bills/${res.billNo}/pdf` },
    'POST /api/unit/bills/:billNo/revoke': { path: `/api/unit/bills/${res.billNo}/revoke` },
    'POST /api/unit/bills/:billNo/reissue': { path: `/api/unit/bills/${res.billNo}/reissue` },
    'GET /api/unit/contributions/declarations/:id': { path: `/api/unit/contributions/declarations/${res.declarationId}` },
    'GET /api/unit/contributions/declarations/:id/lines': { path: `/api/unit/contributions/declarations/${res.declarationId}/lines` },
    'POST /api/unit/contributions/declarations/:id/revoke': { path: `/api/unit/contributions/declarations/${res.declarationId}/revoke` },
    'GET /api/cases/:serialNo': { path: `/api/cases/${res.serialNo}` },
    'GET /api/cases/:serialNo/report': { path: `/api/cases/${res.serialNo}/report` },
    'PUT /api/cases/:serialNo': { path: `/api/cases/${res.serialNo}`, body: { remark: '别人的' } },
    'GET /api/cases/:serialNo/items': { path: `/api/cases/${res.serialNo}/items` },
    'POST /api/cases/:serialNo/items': { path: `/api/cases/${res.serialNo}/items`, body: { rows: [{ idNumber: worker.idNumber }] } },
    'DELETE /api/cases/:serialNo/items/:rowNo': { path: `/api/cases/${res.serialNo}/items/1` },
    'POST /api/cases/:serialNo/batch': { path: `/api/cases/${res.serialNo}/batch` },
    'POST /api/cases/:serialNo/submit': { path: `/api/cases/${res.serialNo}/submit` },
    'POST /api/cases/:serialNo/withdraw': { path: `/api/cases/${res.serialNo}/withdraw`, body: {} },
    'POST /api/cases/:serialNo/materials': { path: `/api/cases/${res.serialNo}/materials`, body: { materialCode: 'OTHER', mediaId: res.mediaId } },
    'DELETE /api/cases/:serialNo/materials/:id': { path: `/api/cases/${res.serialNo}/materials/${res.caseMediaId}` },
    'GET /api/certificates/:id/pdf': { path: `/api/certificates/${res.certificateId}/pdf` },
    'POST /api/certificates/:id/revoke': { path: `/api/certificates/${res.certificateId}/revoke`, body: { reason: '别人的证明' } },
    'GET /api/media/:id': { path: `/api/media/${res.mediaId}` }
  })
  /** Parametrised routes that name no tenant's resource. */
  const notTenantResources = new Set(['GET /api/matters/:code', 'GET /api/matters/:code/template'])

  it('the table names every parametrised route a clerk can call', () => {
    const reachable = apiRoutes.filter((r) => (r.auth === 'unit' || r.auth === 'any') && r.path.includes('/:')).map(key)
    const known = new Set([...Object.keys(table()), ...notTenantResources])
    expect(reachable.filter((k) => !known.has(k))).toEqual([])
  })

  it("unit B asking for unit A's bill, declaration, case, certificate, media → 404 NOT_FOUND every time", async () => {
    const failures: string[] = []
    for (const [k, req] of Object.entries(table())) {
      if (!apiRoutes.some((r) => key(r) === k)) continue // a route another change has not registered yet
      const method = k.split(' ')[0] as string
      const out = await call(tokens.unitB, method, req.path, req.body)
      if (out.status !== 404) failures.push(`${k} → ${out.status} ${out.text.slice(0, 120)}`)
    }
    expect(failures).toEqual([])
  })

  it("a person (A's own worker) asking for A's case, certificate, media → 404; the unit's bill and declaration → 403", async () => {
    const failures: string[] = []
    for (const [k, req] of Object.entries(table())) {
      const route = apiRoutes.find((r) => key(r) === k)
      if (!route) continue
      const method = k.split(' ')[0] as string
      const out = await call(tokens.person, method, req.path, req.body)
      const expected = route.auth === 'unit' ? 403 : 404
      if (out.status !== expected) failures.push(`${k} → ${out.status} (expected ${expected})`)
    }
    expect(failures).toEqual([])
  })

  it("A's resources are still A's (control): unit A reads its bill, declaration and case", async () => {
    const ca = api(bff.baseUrl, { token: a.token })
    expect((await ca.get(`/api/unit/bills/${res.billNo}`)).status).toBe(200)
    expect((await ca.get(`/api/unit/contributions/declarations/${res.declarationId}`)).status).toBe(200)
    expect((await ca.get(`/api/cases/${res.serialNo}`)).status).toBe(200)
    expect((await ca.get(`/api/certificates/${res.certificateId}/pdf`)).status).toBe(200)
  })

  it('/api/review/* with a unit token → 403 before anything is looked up (A\u2019s own bill too)', async () => {
    for (const token of [a.token, tokens.unitB]) {
      expect((await call(token, 'POST', `/api/review/bills/${res.billNo}/arrive`)).status).toBe(403)
      expect((await call(token, 'GET', '/api/review/bills')).status).toBe(403)
      expect((await call(token, 'GET', `/api/review/cases/${res.serialNo}`)).status).toBe(403)
    }
    const bill = await bff.prisma.bill.findUniqueOrThrow({ where: { billNo: res.billNo } })
    expect(bill.status).not.toBe('PAID')
    expect(bill.paidAt).toBeNull()
  })
})
