import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jwt from 'jsonwebtoken'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { AppError } from '../src/http/errors.ts'
import { signAccessToken, verifyAccessToken } from '../src/http/auth.ts'
import { jwkThumbprint, jwks, loadSigningKeys, signJwt, verifyJwt, JwtVerifyError } from '../src/http/keys.ts'

const dirs: string[] = []
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-keys-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('signing keys', () => {
  it('generates a P-256 key once, persists it (0600) and loads the same key again', () => {
    const dir = path.join(tmp(), 'keys')
    const a = loadSigningKeys({ keysDir: dir })
    expect(a.source).toBe('generated')
    const file = path.join(dir, 'es256-private.pem')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const b = loadSigningKeys({ keysDir: dir })
    expect(b.source).toBe('file')
    expect(b.kid).toBe(a.kid)
    expect(fs.readdirSync(dir)).toEqual(['es256-private.pem']) // no temp files left
  })

  it('prefers JWT_PRIVATE_KEY_PEM and rejects non-P-256 keys', () => {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const k = loadSigningKeys({ privateKeyPem: pem, keysDir: path.join(tmp(), 'unused') })
    expect(k.source).toBe('env')
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    expect(() => loadSigningKeys({ privateKeyPem: rsa, keysDir: tmp() })).toThrow(/P-256/)
  })

  it('kid is the RFC 7638 thumbprint (RFC 7638 §3.1 style canonical JSON)', () => {
    const k = loadSigningKeys({ keysDir: tmp() })
    const { x, y } = k.publicJwk
    const expected = crypto.createHash('sha256').update(`{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`).digest('base64url')
    expect(k.kid).toBe(expected)
    expect(jwkThumbprint({ kty: 'EC', crv: 'P-256', x, y })).toBe(expected)
    expect(jwks(k)).toEqual({ keys: [{ kty: 'EC', crv: 'P-256', x, y, kid: k.kid, alg: 'ES256', use: 'sig' }] })
  })

  it('signs ES256 with kid, verifies, and the JWKS key verifies too', () => {
    const k = loadSigningKeys({ keysDir: tmp() })
    const token = signJwt(k, { code: 'ABCD' }, { expiresIn: 60, issuer: 'i', typ: 'cert+jwt' })
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())
    expect(header).toEqual({ alg: 'ES256', kid: k.kid, typ: 'cert+jwt' })
    expect(verifyJwt(k, token, { issuer: 'i' }).code).toBe('ABCD')
    const fromJwks = crypto.createPublicKey({ key: jwks(k).keys[0] as unknown as crypto.JsonWebKey, format: 'jwk' })
    expect((jwt.verify(token, fromJwks, { algorithms: ['ES256'] }) as jwt.JwtPayload)['code']).toBe('ABCD')
  })

  it('distinguishes expired from invalid', () => {
    const k = loadSigningKeys({ keysDir: tmp() })
    const old = signJwt(k, {}, { expiresIn: -100 })
    expect(() => verifyJwt(k, old)).toThrow(JwtVerifyError)
    try {
      verifyJwt(k, old)
    } catch (e) {
      expect((e as JwtVerifyError).reason).toBe('expired')
    }
    expect(verifyJwt(k, old, { ignoreExpiration: true })).toBeTruthy()
    try {
      verifyJwt(k, old.slice(0, -4) + 'AAAA')
    } catch (e) {
      expect((e as JwtVerifyError).reason).toBe('invalid')
    }
  })
})

describe('verified-token cache', () => {
  it('serves a repeat verification from the cache, yet still expires it and never caches a failure', () => {
    const k = loadSigningKeys({ keysDir: tmp() })
    const token = signJwt(k, { code: 'C1' }, { expiresIn: 60, issuer: 'i' })
    const spy = vi.spyOn(jwt, 'verify')
    try {
      expect(verifyJwt(k, token, { issuer: 'i' }).code).toBe('C1')
      expect(spy).toHaveBeenCalledTimes(1)
      const again = verifyJwt(k, token, { issuer: 'i' })
      expect(again.code).toBe('C1')
      expect(spy).toHaveBeenCalledTimes(1) // no second signature check
      again.code = 'mutated'
      expect(verifyJwt(k, token, { issuer: 'i' }).code).toBe('C1') // callers get copies
      // other options are checked afresh: the cached verdict was for issuer 'i'
      expect(() => verifyJwt(k, token, { issuer: 'other' })).toThrow(JwtVerifyError)
      // a tampered token is a different key: verified (and refused) in full, every time
      const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
      expect(() => verifyJwt(k, tampered, { issuer: 'i' })).toThrow(JwtVerifyError)
      expect(() => verifyJwt(k, tampered, { issuer: 'i' })).toThrow(JwtVerifyError)
      // another key object (rotation) has its own, empty cache
      const k2 = loadSigningKeys({ keysDir: tmp() })
      expect(() => verifyJwt(k2, token, { issuer: 'i' })).toThrow(JwtVerifyError)
      // the clock moves past exp + tolerance: the cached entry no longer answers
      const now = Date.now()
      vi.spyOn(Date, 'now').mockReturnValue(now + 120_000)
      try {
        expect(() => verifyJwt(k, token, { issuer: 'i' })).toThrow(expect.objectContaining({ reason: 'expired' }))
      } finally {
        vi.mocked(Date.now).mockRestore()
      }
    } finally {
      spy.mockRestore()
    }
  })
})

describe('access tokens', () => {
  const k = loadSigningKeys({ keysDir: tmp() })

  it('round-trips each role', () => {
    for (const auth of [
      { role: 'person' as const, personId: 1, sessionId: 'a' },
      { role: 'unit' as const, personId: 2, unitId: 3, sessionId: 'b' },
      { role: 'reviewer' as const, reviewerId: 4, sessionId: 'c' }
    ]) {
      expect(verifyAccessToken(k, signAccessToken(k, auth))).toEqual(auth)
    }
  })

  it('refuses incomplete claims when signing and verifying', () => {
    expect(() => signAccessToken(k, { role: 'unit', personId: 1, sessionId: 's' })).toThrow(/unitId/)
    const noUnit = signJwt(k, { role: 'unit', pid: 1, sid: 's', typ: 'access' }, { expiresIn: 60, issuer: 'shebao-bff', audience: 'shebao-api', subject: '1' })
    expect(() => verifyAccessToken(k, noUnit)).toThrow(AppError)
    const refresh = signJwt(k, { role: 'person', pid: 1, sid: 's', typ: 'refresh' }, { expiresIn: 60, issuer: 'shebao-bff', audience: 'shebao-api', subject: '1' })
    expect(() => verifyAccessToken(k, refresh)).toThrow(/请先登录/)
  })

  it('rejects alg none and HS256 confusion', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const claims = { role: 'person', pid: 1, sid: 's', typ: 'access', iss: 'shebao-bff', aud: 'shebao-api', exp: Math.floor(Date.now() / 1000) + 60 }
    expect(() => verifyAccessToken(k, `${b64({ alg: 'none' })}.${b64(claims)}.`)).toThrow(AppError)
    const pem = k.publicKey.export({ format: 'pem', type: 'spki' }).toString()
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`
    const forged = `${unsigned}.${crypto.createHmac('sha256', pem).update(unsigned).digest('base64url')}`
    expect(() => verifyAccessToken(k, forged)).toThrow(AppError)
  })
})
