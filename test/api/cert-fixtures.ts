// Test data for the certificate suites (issue 5), written through Prisma with fresh IDs on every run: a unit with
// pension and unemployment insurance (最大核止期号 last month) and 25 staff with 30 months of contributions, a clerk
// of that unit, a second unit with one worker (for the "not your staff" checks), an active worker and a retiree
// with pension payments and account years. `cleanup()` removes everything created, certificates included.
// Also: PDF helpers (pdftotext / pdftoppm from Debian's poppler-utils, QR decoding with jsqr).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { addMonths, buildIdNumber, shanghaiPeriod } from '@shebao/shared'
import jsQR from 'jsqr'
import sharp from 'sharp'
import type { PrismaClient } from '../../bff/src/db/client.ts'
import type { SigningKeys } from '../../bff/src/http/keys.ts'
import { openTestSession } from '../helpers/sessions.ts'

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('')
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英']

export interface CertPerson {
  id: number
  name: string
  idNumber: string
  personNo: string
}

export interface CertFixtures {
  unit: { id: number; unitNo: string; name: string; lastSettled: number }
  otherUnit: { id: number; unitNo: string; name: string }
  staff: CertPerson[]
  outsider: CertPerson
  worker: CertPerson
  retiree: CertPerson
  clerk: CertPerson
  otherClerk: CertPerson
  tokens: { worker: string; retiree: string; clerk: string; otherClerk: string; outsider: string }
  /** A person token (with its session row) for any fixture person. */
  personToken(personId: number): Promise<string>
  cleanup(): Promise<void>
}

export interface CertFixtureOptions {
  /** Staff of the unit (default 25). */
  staff?: number
}

export async function createCertFixtures(prisma: PrismaClient, keys: SigningKeys, opts: CertFixtureOptions = {}): Promise<CertFixtures> {
  const tag = crypto.randomBytes(3).toString('hex').toUpperCase()
  const now = new Date()
  const current = shanghaiPeriod(now)
  const lastSettled = addMonths(current, -1)
  const personIds: number[] = []
  const unitIds: number[] = []
  const sessionIds: string[] = []

  await prisma.region.upsert({ where: { code: '420000' }, update: {}, create: { code: '420000', name: '湖北省', level: 1 } })
  await prisma.region.upsert({ where: { code: '420500' }, update: {}, create: { code: '420500', name: '宜昌市', parentCode: '420000', level: 2 } })

  async function unit(name: string) {
    const u = await prisma.unit.create({
      data: {
        unitNo: `CU${tag}${digits(5)}`,
        name,
        creditCode: `91420500${digits(9)}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[crypto.randomInt(31)]}`,
        regionCode: '420500',
        riskClass: 2,
        legalRepName: '法人代表',
        legalRepIdNumber: buildIdNumber('420502', '1970-01-01', crypto.randomInt(1000))
      }
    })
    unitIds.push(u.id)
    return u
  }

  async function person(opts: { name?: string; birth?: string; retired?: boolean } = {}): Promise<CertPerson> {
    const birth = opts.birth ?? `19${70 + crypto.randomInt(25)}-0${1 + crypto.randomInt(9)}-1${crypto.randomInt(9)}`
    const name = opts.name ?? `${SURNAMES[crypto.randomInt(SURNAMES.length)]}${GIVEN[crypto.randomInt(GIVEN.length)]}`
    for (let attempt = 0; ; attempt++) {
      const idNumber = buildIdNumber('420502', birth, crypto.randomInt(1000))
      try {
        const p = await prisma.person.create({
          data: {
            personNo: `42${tag}${digits(5)}`,
            idNumber,
            name,
            sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
            birthDate: new Date(`${birth}T00:00:00Z`),
            regionCode: '420500',
            firstWorkDate: new Date('1990-07-01T00:00:00Z'),
            status: opts.retired ? 'RETIRED' : 'ACTIVE',
            ...(opts.retired ? { retiredOn: new Date('2020-05-31T00:00:00Z') } : {})
          }
        })
        personIds.push(p.id)
        return { id: p.id, name: p.name, idNumber: p.idNumber, personNo: p.personNo }
      } catch (err) {
        if (attempt > 5) throw err
      }
    }
  }

  const unitA = await unit(`宜昌市测试${tag}科技有限公司`)
  const unitB = await unit(`宜昌市另一家${tag}商贸有限公司`)
  for (const u of [unitA, unitB]) {
    await prisma.unitInsurance.createMany({
      data: [
        { unitId: u.id, insuranceType: 'PENSION', status: 'ACTIVE', enrolledOn: new Date('2015-01-01T00:00:00Z'), lastSettledPeriod: lastSettled },
        { unitId: u.id, insuranceType: 'UNEMPLOYMENT', status: 'ACTIVE', enrolledOn: new Date('2015-01-01T00:00:00Z'), lastSettledPeriod: lastSettled }
      ]
    })
  }

  const staff: CertPerson[] = []
  for (let i = 0; i < (opts.staff ?? 25); i++) staff.push(await person())
  const outsider = await person()
  const retiree = await person({ retired: true, birth: '1960-05-12' })
  const clerk = await person()
  const otherClerk = await person()
  const worker = staff[0] as CertPerson

  const start = addMonths(lastSettled, -29)
  const enrolments = []
  const records = []
  for (const [i, p] of staff.entries()) {
    for (const type of ['PENSION', 'UNEMPLOYMENT'] as const) {
      enrolments.push({ personId: p.id, unitId: unitA.id, insuranceType: type, status: 'ACTIVE' as const, startedOn: new Date('2018-01-01T00:00:00Z'), startPeriod: 201801 })
      for (let k = 0; k < 30; k++) {
        const period = addMonths(start, k)
        const base = 500000 + (k >= 12 ? 20000 : 0) // 5000.00 → 5200.00 元
        const rate = type === 'PENSION' ? { u: 0.16, p: 0.08 } : { u: 0.007, p: 0.003 }
        const arrears = i === 1 && k === 29 && type === 'PENSION'
        records.push({
          personId: p.id,
          unitId: unitA.id,
          insuranceType: type,
          period,
          base: (base / 100).toFixed(2),
          unitAmount: ((base * rate.u) / 100).toFixed(2),
          personalAmount: ((base * rate.p) / 100).toFixed(2),
          status: arrears ? ('ARREARS' as const) : ('PAID' as const),
          kind: 'NORMAL' as const
        })
      }
    }
  }
  enrolments.push({ personId: outsider.id, unitId: unitB.id, insuranceType: 'PENSION' as const, status: 'ACTIVE' as const, startedOn: new Date('2019-01-01T00:00:00Z'), startPeriod: 201901 })
  // The retiree: pension 1990–2020 through unit A (terminated), payments since 2020-06.
  enrolments.push({ personId: retiree.id, unitId: unitA.id, insuranceType: 'PENSION' as const, status: 'TERMINATED' as const, startedOn: new Date('1995-01-01T00:00:00Z'), startPeriod: 199501, stopPeriod: 202005 })
  for (let k = 0; k < 24; k++) {
    const period = addMonths(201806, k)
    records.push({ personId: retiree.id, unitId: unitA.id, insuranceType: 'PENSION' as const, period, base: '4000.00', unitAmount: '640.00', personalAmount: '320.00', status: 'PAID' as const, kind: 'NORMAL' as const })
  }
  await prisma.enrolment.createMany({ data: enrolments })
  await prisma.contributionRecord.createMany({ data: records })
  const payments = []
  for (let k = 0; k < 30; k++) {
    const period = addMonths(202006, k)
    const bump = k >= 12 ? 5000 : 0
    for (const [item, amount] of [['基础养老金', 150000 + bump], ['个人账户养老金', 80000], ['过渡性养老金', 60000]] as const) {
      payments.push({ personId: retiree.id, kind: 'BASIC_PENSION' as const, period, item, amount: (amount / 100).toFixed(2), bankName: '中国工商银行宜昌分行', bankAccount: '6222020000001234', status: 'PAID' as const, paidOn: new Date(`${Math.floor(period / 100)}-${String(period % 100).padStart(2, '0')}-10T00:00:00Z`) })
    }
  }
  await prisma.benefitPayment.createMany({ data: payments })
  await prisma.personalAccountYear.createMany({
    data: [2018, 2019, 2020].map((year, i) => ({
      personId: retiree.id,
      year,
      openingBalance: (60000 + i * 4000).toFixed(2),
      credited: '3840.00',
      creditedMonths: 12,
      interestRate: '0.076100',
      interest: '4800.00',
      closingBalance: (64000 + i * 4000).toFixed(2)
    }))
  })
  await prisma.unitClerk.create({ data: { unitId: unitA.id, personId: clerk.id, name: clerk.name, idNumber: clerk.idNumber, phone: '13900000000' } })
  await prisma.unitClerk.create({ data: { unitId: unitB.id, personId: otherClerk.id, name: otherClerk.name, idNumber: otherClerk.idNumber, phone: '13900000001' } })

  async function token(role: 'person' | 'unit', personId: number, unitId?: number): Promise<string> {
    const s = await openTestSession(prisma, keys, role === 'unit' ? { role, personId, unitId: unitId as number } : { role: 'person', personId })
    sessionIds.push(s.sessionId)
    return s.token
  }

  const tokens = {
    worker: await token('person', worker.id),
    retiree: await token('person', retiree.id),
    outsider: await token('person', outsider.id),
    clerk: await token('unit', clerk.id, unitA.id),
    otherClerk: await token('unit', otherClerk.id, unitB.id)
  }

  return {
    unit: { id: unitA.id, unitNo: unitA.unitNo, name: unitA.name, lastSettled },
    otherUnit: { id: unitB.id, unitNo: unitB.unitNo, name: unitB.name },
    staff,
    outsider,
    worker,
    retiree,
    clerk,
    otherClerk,
    tokens,
    personToken: (personId: number) => token('person', personId),
    async cleanup() {
      const certs = await prisma.certificate.findMany({
        where: { OR: [{ personId: { in: personIds } }, { unitId: { in: unitIds } }] },
        select: { id: true, pdfMediaId: true }
      })
      const certIds = certs.map((c) => c.id)
      await prisma.certificateVerification.deleteMany({ where: { certificateId: { in: certIds } } })
      await prisma.certificate.deleteMany({ where: { id: { in: certIds } } })
      await prisma.media.deleteMany({ where: { id: { in: certs.map((c) => c.pdfMediaId).filter((m): m is string => !!m) } } })
      await prisma.session.deleteMany({ where: { id: { in: sessionIds } } })
      await prisma.idempotencyKey.deleteMany({
        where: { OR: [{ scope: { in: personIds.map((id) => `person:${id}`) } }, ...unitIds.map((id) => ({ scope: { startsWith: `unit:${id}:` } }))] }
      })
      await prisma.unitClerk.deleteMany({ where: { unitId: { in: unitIds } } })
      await prisma.contributionRecord.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.enrolment.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.benefitPayment.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.personalAccountYear.deleteMany({ where: { personId: { in: personIds } } })
      await prisma.person.deleteMany({ where: { id: { in: personIds } } })
      await prisma.unitInsurance.deleteMany({ where: { unitId: { in: unitIds } } })
      await prisma.unit.deleteMany({ where: { id: { in: unitIds } } })
    }
  }
}

// ── PDF helpers (poppler-utils) ─────────────────────────────────────────────────────────────────────────────

function tmpFile(bytes: Buffer, ext: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-cert-'))
  const file = path.join(dir, `doc.${ext}`)
  fs.writeFileSync(file, bytes)
  return { file, dir }
}

const run = promisify(execFile)

/** Run a poppler tool without blocking the event loop (the BFF under test shares this process). */
async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    return (await run(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout
  } catch (err) {
    throw new Error(`${tool} failed: ${(err as Error).message} (apt-get install -y poppler-utils)`)
  }
}

/** The PDF's text (pdftotext -layout), all pages. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { file, dir } = tmpFile(pdf, 'pdf')
  try {
    return await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Page `page` rendered to PNG at `dpi` (pdftoppm). */
export async function renderPage(pdf: Buffer, page = 1, dpi = 150): Promise<Buffer> {
  const { file, dir } = tmpFile(pdf, 'pdf')
  try {
    const out = path.join(dir, 'page')
    await poppler('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, out])
    return fs.readFileSync(`${out}.png`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Decode the QR code in a PNG (jsqr); null when none is found. Also where it sits (for the top-right check).
 * Tries the right half of the page first (where proofs print it; faster), then the whole page.
 */
export async function decodeQr(png: Buffer): Promise<{ text: string; x: number; y: number; width: number; imageWidth: number; imageHeight: number } | null> {
  const raw = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const { width, height } = raw.info
  for (const x0 of [Math.floor(width / 2), 0]) {
    const w = width - x0
    const data = new Uint8ClampedArray(w * height * 4)
    for (let y = 0; y < height; y++) data.set(raw.data.subarray((y * width + x0) * 4, (y * width + width) * 4), y * w * 4)
    const code = jsQR(data, w, height, { inversionAttempts: 'dontInvert' })
    if (!code) continue
    const xs = [code.location.topLeftCorner.x, code.location.topRightCorner.x, code.location.bottomLeftCorner.x, code.location.bottomRightCorner.x]
    const ys = [code.location.topLeftCorner.y, code.location.topRightCorner.y, code.location.bottomLeftCorner.y, code.location.bottomRightCorner.y]
    return { text: code.data, x: x0 + Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), imageWidth: width, imageHeight: height }
  }
  return null
}

/**
 * POST JSON on a new connection (no keep-alive reuse): after a long synchronous step in the test process (QR
 * decoding blocks the event loop the in-process BFF shares), a pooled socket may be closed by the server's
 * keep-alive timer just as the client reuses it.
 */
export function postFresh(url: string, body: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body))
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(data)
  })
}

/** Keep a file for a human to look at: test/artifacts/<name> (gitignored). */
export function saveArtifact(name: string, bytes: Buffer): void {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'artifacts')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, name), bytes)
}

/** Page count (pdfinfo). */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const { file, dir } = tmpFile(pdf, 'pdf')
  try {
    const m = /Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [file]))
    return m ? Number(m[1]) : 0
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
