// The access matrix of the /api/me queries (issue 4, CONVENTIONS "Authorisation"): a person reads only their own
// data; another person's id in a URL or in the query string answers 404 exactly like an id that does not exist;
// unit and reviewer tokens get 403 without data; no token, an expired or a forged one get 401.
import crypto from 'node:crypto'
import { personRoutes } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createPersonFixture, personToken, reviewerToken, unitToken, type PersonFixture } from './person-fixtures.ts'

let bff: RunningBff
let fx: PersonFixture
let worker: string
let injured: string
let retiree: string
let unit: string
let reviewer: string

beforeAll(async () => {
  bff = await startBff()
  fx = await createPersonFixture(bff.prisma)
  worker = await personToken(bff.prisma, bff.deps.keys, fx.worker.id)
  injured = await personToken(bff.prisma, bff.deps.keys, fx.injured.id)
  retiree = await personToken(bff.prisma, bff.deps.keys, fx.retiree.id)
  // the worker is also a clerk of unit B: the same person, signed in for the unit
  unit = await unitToken(bff.prisma, bff.deps.keys, fx.worker.id, fx.units.b.id)
  reviewer = await reviewerToken(bff.prisma, bff.deps.keys, fx.reviewerId)
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

/** Every person route with its path parameters filled with the owner's own ids. */
function ownPaths(): string[] {
  return personRoutes.map((r) =>
    r.path
      .replace(':id', r.path.includes('payments') ? String(fx.injured.paymentIds[0]) : String(fx.injured.determinationId))
      .replace(':serialNo', fx.injured.caseSerials[0]!)
  )
}

/** The error body without its request id (to compare "not yours" with "does not exist"). */
const shape = (body: any) => ({ code: body.error.code, message: body.error.message, field: body.error.field })

describe('who may call /api/me', () => {
  it('covers every person route (the matrix below is complete)', () => {
    expect(personRoutes.length).toBe(12)
    expect(personRoutes.every((r) => r.auth === 'person' && r.path.startsWith('/api/me/'))).toBe(true)
  })

  it('the owner gets 200 on every route', async () => {
    for (const path of ownPaths()) {
      const res = await api(bff.baseUrl, { token: injured }).get(path)
      expect(res.status, path).toBe(200)
    }
  })

  it('no token → 401; a forged or expired token → 401', async () => {
    // same kid and claims, signed with a key that is not the server's
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const forged = signAccessToken({ ...bff.deps.keys, privateKey }, { role: 'person', personId: fx.injured.id, sessionId: 'x' })
    const expired = signAccessToken(bff.deps.keys, { role: 'person', personId: fx.injured.id, sessionId: 'x' }, -3600)
    for (const path of ownPaths()) {
      const none = await api(bff.baseUrl).get(path)
      expect(none.status, path).toBe(401)
      expect(none.body.error.code).toBe('UNAUTHENTICATED')
      const bad = await api(bff.baseUrl, { token: forged }).get(path)
      expect(bad.status, path).toBe(401)
      const old = await api(bff.baseUrl, { token: expired }).get(path)
      expect(old.status, path).toBe(401)
      expect(old.body.error.code).toBe('TOKEN_EXPIRED')
    }
  })

  it('a unit clerk token and a reviewer token → 403, and no data in the answer', async () => {
    for (const [who, token] of [
      ['unit', unit],
      ['reviewer', reviewer]
    ] as const) {
      for (const path of ownPaths()) {
        const res = await api(bff.baseUrl, { token }).get(path)
        expect(res.status, `${who} ${path}`).toBe(403)
        expect(Object.keys(res.body)).toEqual(['error'])
        expect(res.body.error.code).toBe('FORBIDDEN')
        expect(res.text).not.toContain(fx.injured.caseSerials[0])
        expect(res.text).not.toMatch(/Yuan|period|decisionNo/)
      }
    }
  })
})

describe('another person’s id → 404, the same as an id that does not exist', () => {
  it('GET /api/me/payments/:id', async () => {
    for (const id of [fx.retiree.paymentIds[0]!, fx.injured.paymentIds[3]!, fx.publicRetiree.paymentIds[0]!]) {
      const res = await api(bff.baseUrl, { token: worker }).get(`/api/me/payments/${id}`)
      expect(res.status).toBe(404)
      expect(Object.keys(res.body)).toEqual(['error'])
    }
    const missing = await api(bff.baseUrl, { token: worker }).get('/api/me/payments/2147483000')
    const theirs = await api(bff.baseUrl, { token: worker }).get(`/api/me/payments/${fx.retiree.paymentIds[0]}`)
    expect(missing.status).toBe(404)
    expect(shape(theirs.body)).toEqual(shape(missing.body))
    // and the owner does see it
    expect((await api(bff.baseUrl, { token: retiree }).get(`/api/me/payments/${fx.retiree.paymentIds[0]}`)).status).toBe(200)
  })

  it('GET /api/me/work-injury/determinations/:id', async () => {
    const theirs = await api(bff.baseUrl, { token: worker }).get(`/api/me/work-injury/determinations/${fx.injured.determinationId}`)
    const missing = await api(bff.baseUrl, { token: worker }).get('/api/me/work-injury/determinations/2147483000')
    expect(theirs.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(shape(theirs.body)).toEqual(shape(missing.body))
    expect(theirs.text).not.toContain('工伤')
  })

  it('GET /api/me/cases/:serialNo — someone else’s, a unit’s case about me, my clerk case', async () => {
    const missing = await api(bff.baseUrl, { token: worker }).get('/api/me/cases/209901019999999')
    expect(missing.status).toBe(404)
    for (const serial of [fx.injured.caseSerials[0]!, fx.injured.caseSerials[1]!, fx.unitCaseSerial, fx.clerkCaseSerial]) {
      const res = await api(bff.baseUrl, { token: worker }).get(`/api/me/cases/${serial}`)
      expect(res.status, serial).toBe(404)
      expect(shape(res.body)).toEqual(shape(missing.body))
    }
  })

  it('a personId of someone else in the query string → 404 on every route; one’s own is harmless', async () => {
    for (const path of ownPaths()) {
      const res = await api(bff.baseUrl, { token: injured }).get(path, { query: { personId: fx.retiree.id } })
      expect(res.status, path).toBe(404)
      expect(Object.keys(res.body)).toEqual(['error'])
      const own = await api(bff.baseUrl, { token: injured }).get(path, { query: { personId: fx.injured.id } })
      expect(own.status, path).toBe(200)
    }
  })

  it('list endpoints only ever contain the caller’s rows', async () => {
    const w = await api(bff.baseUrl, { token: worker }).get('/api/me/payments', { query: { pageSize: 100 } })
    expect(w.body.total).toBe(0)
    const r = await api(bff.baseUrl, { token: retiree }).get('/api/me/contributions', { query: { pageSize: 100 } })
    expect(r.body.total).toBe(fx.retiree.records.length)
    const wi = await api(bff.baseUrl, { token: retiree }).get('/api/me/work-injury')
    expect(wi.body.determinations).toEqual([])
    const cases = await api(bff.baseUrl, { token: retiree }).get('/api/me/cases')
    expect(cases.body.total).toBe(0)
  })
})
