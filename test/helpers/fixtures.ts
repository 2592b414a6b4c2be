// Identity test data written through Prisma: people with e-SSC cards (PENDING or ACTIVE with a PIN), units, clerk
// authorisations, reviewers. Every call makes fresh rows (random, valid ID numbers from shared's buildIdNumber,
// unique unit numbers) so test files never collide with each other, the seed, or earlier runs; `cleanup()` removes
// what this fixture set created. Also: an HTTP client per fake IP (tests run the BFF with TRUST_PROXY=1 and send
// X-Forwarded-For, so each test has its own rate-limit buckets), and an SSE reader.
import crypto from 'node:crypto'
import { buildIdNumber } from '@shebao/shared'
import type { PrismaClient } from '../../bff/src/db/client.ts'
import { hashSecret } from '../../bff/src/modules/identity/secret-hash.ts'
import { api } from './bff.ts'

/** Cheaper scrypt for fixture PINs (the stored hash carries its cost, so verification works unchanged). */
const FIXTURE_SCRYPT_COST = 1 << 12

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('')

/** A fresh, valid 居民身份证号码 for a birth date (Hubei/Yichang region, random order code). */
export function randomIdNumber(birthDate = '1990-01-01', region = '420502'): string {
  return buildIdNumber(region, birthDate, crypto.randomInt(1000))
}

/** A fresh fake IPv4 for X-Forwarded-For (TEST-NET-ish 10.x space). */
export function randomIp(): string {
  return `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${1 + crypto.randomInt(254)}`
}

export interface FixturePerson {
  id: number
  idNumber: string
  name: string
  phone: string
  birthDate: string
  pin: string | null
}

export interface FixtureUnit {
  id: number
  unitNo: string
  name: string
}

export interface PersonOptions {
  name?: string
  birthDate?: string
  phone?: string | null
  /** 'ACTIVE' needs a pin; 'PENDING' is 待开通; null = no card row at all. */
  card?: 'PENDING' | 'ACTIVE' | 'REVOKED' | null
  pin?: string
}

export class IdentityFixtures {
  private readonly personIds: number[] = []
  private readonly unitIds: number[] = []
  private readonly reviewerIds: number[] = []
  private readonly tag = crypto.randomBytes(3).toString('hex')

  constructor(readonly prisma: PrismaClient) {}

  async ensureRegions(): Promise<void> {
    await this.prisma.region.upsert({ where: { code: '420000' }, update: {}, create: { code: '420000', name: '湖北省', level: 1 } })
    await this.prisma.region.upsert({ where: { code: '420500' }, update: {}, create: { code: '420500', name: '宜昌市', parentCode: '420000', level: 2 } })
  }

  async person(opts: PersonOptions = {}): Promise<FixturePerson> {
    await this.ensureRegions()
    const birthDate = opts.birthDate ?? `19${70 + crypto.randomInt(25)}-0${1 + crypto.randomInt(9)}-1${crypto.randomInt(9)}`
    const name = opts.name ?? `测试${['甲', '乙', '丙', '丁', '戊'][crypto.randomInt(5)]}${['一', '二', '三'][crypto.randomInt(3)]}`
    const phone = opts.phone === undefined ? `139${digits(8)}` : opts.phone
    const cardStatus = opts.card === undefined ? 'ACTIVE' : opts.card
    const pin = cardStatus === 'ACTIVE' ? (opts.pin ?? '283746') : null
    for (let attempt = 0; ; attempt++) {
      const idNumber = randomIdNumber(birthDate)
      try {
        const p = await this.prisma.person.create({
          data: {
            personNo: `TI${this.tag}${digits(6)}`,
            idNumber,
            name,
            sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
            birthDate: new Date(`${birthDate}T00:00:00Z`),
            phone,
            regionCode: '420500'
          }
        })
        this.personIds.push(p.id)
        if (cardStatus !== null) {
          await this.prisma.esscCard.create({
            data: {
              personId: p.id,
              cardNo: `T${digits(8)}${this.tag}`.slice(0, 32),
              status: cardStatus,
              pinHash: pin ? await hashSecret(pin, FIXTURE_SCRYPT_COST) : null,
              activatedAt: cardStatus === 'ACTIVE' ? new Date() : null
            }
          })
        }
        return { id: p.id, idNumber, name, phone: phone ?? '', birthDate, pin }
      } catch (err) {
        if (attempt < 5 && (err as { code?: string }).code === 'P2002') continue // ID number already taken: draw again
        throw err
      }
    }
  }

  async unit(name?: string): Promise<FixtureUnit> {
    await this.ensureRegions()
    const u = await this.prisma.unit.create({
      data: {
        unitNo: `TI${this.tag}${digits(6)}`,
        name: name ?? `测试单位${this.tag}${digits(3)}有限公司`,
        creditCode: `91420500${digits(9)}X`,
        regionCode: '420500',
        riskClass: 1,
        legalRepName: '法人甲',
        legalRepIdNumber: randomIdNumber('1970-01-01')
      },
      select: { id: true, unitNo: true, name: true }
    })
    this.unitIds.push(u.id)
    return u
  }

  /** Authorise `person` as a clerk of `unit`, linked by person_id (default) or only by ID number. */
  async clerk(unit: FixtureUnit, person: FixturePerson, opts: { linkBy?: 'personId' | 'idNumber'; active?: boolean; department?: string } = {}): Promise<number> {
    const c = await this.prisma.unitClerk.create({
      data: {
        unitId: unit.id,
        personId: opts.linkBy === 'idNumber' ? null : person.id,
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone || `138${digits(8)}`,
        department: opts.department ?? '人事部',
        active: opts.active ?? true,
        ...(opts.active === false ? { revokedAt: new Date() } : {})
      }
    })
    return c.id
  }

  async reviewer(password: string, opts: { active?: boolean } = {}): Promise<{ id: number; username: string; password: string }> {
    const username = `t_rev_${this.tag}_${digits(5)}`
    const r = await this.prisma.reviewer.create({
      data: { username, name: '测试审核员', passwordHash: await hashSecret(password, FIXTURE_SCRYPT_COST), active: opts.active ?? true }
    })
    this.reviewerIds.push(r.id)
    return { id: r.id, username, password }
  }

  /** Remove what this fixture set created (sessions and tickets of these people too). */
  async cleanup(): Promise<void> {
    const db = this.prisma
    const pids = this.personIds
    if (pids.length) {
      await db.loginTicket.deleteMany({ where: { scannedByPersonId: { in: pids } } })
      await db.session.deleteMany({ where: { personId: { in: pids } } })
      await db.smsChallenge.deleteMany({ where: { personId: { in: pids } } })
      await db.unitClerk.deleteMany({ where: { personId: { in: pids } } })
    }
    if (this.unitIds.length) {
      await db.session.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await db.unitClerk.deleteMany({ where: { unitId: { in: this.unitIds } } })
      await db.unit.deleteMany({ where: { id: { in: this.unitIds } } })
    }
    if (pids.length) {
      await db.esscCard.deleteMany({ where: { personId: { in: pids } } })
      await db.person.deleteMany({ where: { id: { in: pids } } })
    }
    if (this.reviewerIds.length) {
      await db.session.deleteMany({ where: { reviewerId: { in: this.reviewerIds } } })
      await db.reviewer.deleteMany({ where: { id: { in: this.reviewerIds } } })
    }
  }
}

/** An API client that appears to come from `ip` (the BFF must run with TRUST_PROXY=1). */
export function clientFrom(baseUrl: string, ip = randomIp(), defaults: { token?: string; headers?: Record<string, string> } = {}) {
  return api(baseUrl, { ...defaults, headers: { 'x-forwarded-for': ip, 'user-agent': PC_USER_AGENT, ...defaults.headers } })
}

export const PC_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
export const PHONE_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49'

/** `shebao_lt=<secret>` from a Set-Cookie list, ready for a Cookie header. */
export function bindingCookieFrom(headers: Headers): string {
  const c = headers.getSetCookie().find((s) => s.startsWith('shebao_lt='))
  if (!c) throw new Error('no binding cookie in the response')
  return c.split(';')[0] as string
}

// ── SSE ─────────────────────────────────────────────────────────────────────────────────────────────────────
export interface SseEvent {
  event: string
  id?: string
  data: string
  /** performance.now() when the event's last line arrived. */
  at: number
}

export interface SseStream {
  status: number
  headers: Headers
  events: SseEvent[]
  /** Resolves with the first event (already received or future) that matches. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

/** Open an SSE stream with fetch and parse it as it arrives. Non-200 answers resolve with no events. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  const events: SseEvent[] = []
  const waiters: Array<{ match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }> = []
  const push = (e: SseEvent) => {
    events.push(e)
    for (const w of [...waiters]) {
      if (w.match(e)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(e)
      }
    }
  }
  let ended: Promise<void> = Promise.resolve()
  if (res.ok && res.body && res.status === 200) {
    const body = res.body
    ended = (async () => {
      const decoder = new TextDecoder()
      let buf = ''
      try {
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true })
          let idx: number
          while ((idx = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, idx)
            buf = buf.slice(idx + 2)
            let event = 'message'
            let id: string | undefined
            const data: string[] = []
            let hasField = false
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue
              const colon = line.indexOf(':')
              const field = colon < 0 ? line : line.slice(0, colon)
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
              if (field === 'event') (event = value), (hasField = true)
              else if (field === 'id') (id = value), (hasField = true)
              else if (field === 'data') data.push(value), (hasField = true)
            }
            if (hasField && data.length) push({ event, ...(id !== undefined ? { id } : {}), data: data.join('\n'), at: performance.now() })
          }
        }
      } catch {
        /* aborted */
      }
    })()
  } else {
    await res.body?.cancel().catch(() => {})
  }
  return {
    status: res.status,
    headers: res.headers,
    events,
    ended,
    next(match, timeoutMs = 5000) {
      const found = events.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const w = { match, resolve: (e: SseEvent) => (clearTimeout(t), resolve(e)) }
        const t = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1)
          reject(new Error(`no matching SSE event within ${timeoutMs} ms (got ${events.map((e) => e.data).join(' | ')})`))
        }, timeoutMs)
        waiters.push(w)
      })
    },
    close() {
      controller.abort()
    }
  }
}
