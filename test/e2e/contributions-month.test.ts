// H5 end-to-end for a unit's contribution month (issue 7), on the BFF serving the H5 build:
//  - two blocked units first: one whose 年度缴费工资申报 is missing (the reason and the way to the wizard), one with an
//    unpaid month (补缴申报 of that month from the page);
//  - then the month: a unit whose 最大核止期号 is last month (last month declared, billed and paid through the API)
//    and whose wages for this social year were declared through the WAGE_DECLARATION matter; its clerk (PC,
//    1366×768) opens 单位缴费申报, checks 上期/本期 and the amounts per insurance type (computed here from the
//    policy), declares this month, issues the 应缴认定单, opens the bill and its PDF (pdftotext), sees it in
//    业务单据查询; a reviewer signs in on the workbench (PC) and marks it 到账; the clerk sees 已到账;
//  - the worker (phone, 375×667) signs in with the e-SSC and sees the month as 实缴到账 in 缴费信息 and the
//    personal contributions credited this year in 个人账户.
// Business dates are Asia/Shanghai: the month is today's month there. Screenshots go to test/artifacts/.
// Needs a fresh H5 build (`npm run build:h5`; H5_DIST_DIR points elsewhere if set).
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { addMonths, fenToCapital, formatYuan, formatYuanTrimmed, maskName, periodYear, shanghaiPeriod, socialYearOf, type Period } from '@shebao/shared'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAccessToken } from '../../bff/src/http/auth.ts'
import { resetContributionsClock, setContributionsClock } from '../../bff/src/modules/contributions/clock.ts'
import { createReviewer } from '../../bff/src/modules/identity/create-reviewer.ts'
import { hashSecret } from '../../bff/src/modules/identity/secret-hash.ts'
import { ContribFixtures, shanghai, type FxPerson, type FxUnit } from '../api/contrib-fixtures.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { DESKTOP, launch, PHONE, screenshot, type BrowserSession, type Viewport } from '../helpers/browser.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const H5_DIR = process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5')
const ALL = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const
const PIN = '369258'
const PASSWORD = 'Arrive-Pass-2026'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: { id: number; username: string }
const sessions: BrowserSession[] = []

// The month is today's month in Asia/Shanghai (the module clock is the system clock during the UI steps).
const P: Period = shanghaiPeriod(new Date())
const P1 = addMonths(P, -1)
const P2 = addMonths(P, -2)
const Y = socialYearOf(P)
const periodText = (p: Period) => `${Math.floor(p / 100)}年${String(p % 100).padStart(2, '0')}月`

// The unit of the month: three workers whose 上年工资总额 / 12 give 6000, 8888 → 8890 and 2500 → the floor 4000.
let unit: FxUnit
let unitToken: string
let worker: FxPerson
const staff: FxPerson[] = []
const WAGES = [7_200_000, 10_665_600, 3_000_000] // fen, 12 months each
const BASES = [600_000, 889_000, 400_000]
// Blocked units: wages not declared / last month unpaid.
let noWages: FxUnit
let behind: FxUnit

/** Per person and type, half-up once per line (R104): fen × ppm / 1e6. */
const line = (baseFen: number, ppm: number) => Math.floor((baseFen * ppm + 500_000) / 1_000_000)
const RATES = { PENSION: [160_000, 80_000], UNEMPLOYMENT: [7_000, 3_000], WORK_INJURY: [2_000, 0] } as const
const expected = (() => {
  const byType = ALL.map((t) => {
    const [u, p] = RATES[t]
    const unitFen = BASES.reduce((s, b) => s + line(b, u), 0)
    const personalFen = BASES.reduce((s, b) => s + line(b, p), 0)
    return { type: t, unitFen, personalFen, totalFen: unitFen + personalFen }
  })
  const unitFen = byType.reduce((s, t) => s + t.unitFen, 0)
  const personalFen = byType.reduce((s, t) => s + t.personalFen, 0)
  return { byType, unitFen, personalFen, totalFen: unitFen + personalFen, baseFen: BASES.reduce((a, b) => a + b, 0) }
})()

/** An access token backed by a session row, as a sign-in would create it. */
async function liveToken(subject: { role: 'unit'; personId: number; unitId: number } | { role: 'reviewer'; reviewerId: number }): Promise<string> {
  const sessionId = crypto.randomUUID()
  await bff.prisma.session.create({
    data: {
      id: sessionId,
      role: subject.role === 'unit' ? 'UNIT' : 'REVIEWER',
      personId: subject.role === 'unit' ? subject.personId : null,
      unitId: subject.role === 'unit' ? subject.unitId : null,
      reviewerId: subject.role === 'reviewer' ? subject.reviewerId : null,
      expiresAt: new Date(Date.now() + 3_600_000)
    }
  })
  return signAccessToken(bff.deps.keys, { ...subject, sessionId }, 3600)
}

const clerkTokens = new Map<number, string>()
async function clerkToken(u: FxUnit): Promise<string> {
  if (!clerkTokens.has(u.id)) clerkTokens.set(u.id, await liveToken({ role: 'unit', personId: u.clerkPersonId, unitId: u.id }))
  return clerkTokens.get(u.id) as string
}

/** 年度缴费工资申报 through the matter (case engine), on a day inside its 4/1–6/30 window of the social year. */
async function declareWages(token: string, rows: Array<{ p: FxPerson; wageTotal: number }>): Promise<void> {
  setContributionsClock(shanghai(`${Y}-06-10 10:00:00`))
  try {
    const c = api(bff.baseUrl, { token })
    const draft = await c.post('/api/cases', {
      body: {
        matterCode: 'WAGE_DECLARATION',
        applicantPhone: '13912345678',
        termsAccepted: true,
        form: { year: Y },
        rows: rows.map((r) => ({ idNumber: r.p.idNumber, name: r.p.name, wageTotal: r.wageTotal, months: 12 }))
      }
    })
    expect(draft.status, draft.text).toBe(201)
    const form = new FormData()
    // a small JPEG standing for the signed 承诺书
    const jpeg = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#eee' } }).jpeg().toBuffer()
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), '承诺书.jpg')
    const up = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    expect(up.status).toBe(201)
    const media = (await up.json()) as { id: string }
    const att = await c.post(`/api/cases/${draft.body.serialNo}/materials`, { body: { materialCode: 'COMMITMENT', mediaId: media.id } })
    expect(att.status, att.text).toBe(201)
    const done = await c.post(`/api/cases/${draft.body.serialNo}/submit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body.status).toBe('EFFECTIVE')
  } finally {
    resetContributionsClock()
  }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` first`)
  bff = await startBff({ h5DistDir: H5_DIR })
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const year of [Y - 1, Y]) await fx.policy({ year, standard: '6700.00', floor: '4000.00', ceiling: '20000.00' })
  reviewer = await createReviewer(bff.prisma, { username: `e2e_arrive_${fx.tag.toLowerCase()}`, name: '审核员丙', password: PASSWORD })
  const reviewerToken = await liveToken({ role: 'reviewer', reviewerId: reviewer.id })

  // The unit of the month, two months behind until last month is paid below.
  unit = await fx.unit({ name: `宜昌测试${fx.tag}精密机械有限公司`, insurances: ALL.map((type) => ({ type, lastSettled: P2 })) })
  unitToken = await clerkToken(unit)
  for (let i = 0; i < 3; i++) {
    const p = await fx.person(i === 0 ? { name: '林晓燕' } : {})
    await fx.enrol(p, unit.id, [...ALL], { wage: '5000.00', base: '5000.00' })
    staff.push(p)
  }
  worker = staff[0] as FxPerson
  await bff.prisma.esscCard.create({
    data: { personId: worker.id, cardNo: `T7E${worker.id}`.slice(0, 32), status: 'ACTIVE', pinHash: await hashSecret(PIN, 1 << 12), activatedAt: new Date() }
  })
  await declareWages(
    unitToken,
    staff.map((p, i) => ({ p, wageTotal: WAGES[i] as number }))
  )

  // Last month, through the product: declared and billed on the 15th, paid (到账) by the center.
  setContributionsClock(shanghai(`${Math.floor(P1 / 100)}-${String(P1 % 100).padStart(2, '0')}-15 10:00:00`))
  try {
    const c = api(bff.baseUrl, { token: unitToken })
    const d = await c.post('/api/unit/contributions/declarations', { body: {}, headers: { 'idempotency-key': crypto.randomUUID() } })
    expect(d.status, d.text).toBe(201)
    const bill = await c.post('/api/unit/bills', { body: { declarationId: d.body.id } })
    expect(bill.status, bill.text).toBe(201)
    const paid = await api(bff.baseUrl, { token: reviewerToken }).post(`/api/review/bills/${bill.body.billNo}/arrive`)
    expect(paid.status, paid.text).toBe(200)
  } finally {
    resetContributionsClock()
  }
  const settled = await bff.prisma.unitInsurance.findMany({ where: { unitId: unit.id }, select: { lastSettledPeriod: true } })
  expect(settled.map((s) => s.lastSettledPeriod)).toEqual([P1, P1, P1])

  // Blocked units: wages of the social year not declared; last month not paid (wages declared).
  noWages = await fx.unit({ name: `宜昌测试${fx.tag}未申报工资有限公司`, insurances: ALL.map((type) => ({ type, lastSettled: P1 })) })
  const a = await fx.person()
  await fx.enrol(a, noWages.id, [...ALL])
  behind = await fx.unit({ name: `宜昌测试${fx.tag}欠缴有限公司`, insurances: ALL.map((type) => ({ type, lastSettled: P2 })) })
  const b = await fx.person()
  await fx.enrol(b, behind.id, [...ALL])
  await declareWages(await clerkToken(behind), [{ p: b, wageTotal: 6_000_000 }])
}, 120_000)

afterAll(async () => {
  resetContributionsClock()
  for (const s of sessions) await s.close()
  if (fx) {
    const unitIds = [unit, noWages, behind].filter(Boolean).map((u) => u.id)
    await bff.prisma.session.deleteMany({ where: { OR: [{ unitId: { in: unitIds } }, { personId: { in: staff.map((p) => p.id) } }, ...(reviewer ? [{ reviewerId: reviewer.id }] : [])] } })
    if (worker) await bff.prisma.esscCard.deleteMany({ where: { personId: worker.id } })
    if (reviewer) await bff.prisma.idempotencyKey.deleteMany({ where: { scope: `reviewer:${reviewer.id}` } })
    await fx.cleanup()
    if (reviewer) await bff.prisma.reviewer.delete({ where: { id: reviewer.id } }).catch(() => undefined)
  }
  await bff?.close()
})

async function open(viewport: Viewport): Promise<BrowserSession> {
  const s = await launch(viewport)
  sessions.push(s)
  return s
}

/** Put a unit clerk's session in the browser (as 单位登录 leaves it) and open `hashPath`. */
async function asClerk(page: Page, u: FxUnit, hashPath: string) {
  const token = await clerkToken(u)
  const clerk = await bff.prisma.person.findUniqueOrThrow({ where: { id: u.clerkPersonId }, select: { name: true } })
  const user = { id: `p${u.clerkPersonId}`, role: 'UNIT', name: maskName(clerk.name), unitName: u.name }
  await page.goto(`${bff.baseUrl}/`)
  await page.evaluate(
    ([access, usr]) => {
      localStorage.clear()
      localStorage.setItem('sb.session.access', JSON.stringify({ data: access }))
      localStorage.setItem('sb.session.refresh', JSON.stringify({ data: 'none' }))
      localStorage.setItem('sb.session.user', JSON.stringify({ data: usr }))
    },
    [token, user] as const
  )
  await page.goto(`${bff.baseUrl}/#${hashPath}`)
  await page.reload()
}

/** A screenshot of the whole page: Taro scrolls inside its page element, so grow the viewport to its height first. */
async function fullShot(page: Page, viewport: Viewport, name: string) {
  const height = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.sb-page')).filter((e) => e.getClientRects().length > 0)
    return Math.ceil(shown[shown.length - 1]?.scrollHeight ?? 0)
  })
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 6000) })
  await page.waitForTimeout(200)
  await screenshot(page, name)
  await page.setViewportSize({ width: viewport.width, height: viewport.height })
}

/** Taro H5 keeps the pages below the current one in the DOM (hidden): only what is on screen. */
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

describe('单位缴费申报: the reasons a month cannot be declared, and the way out', () => {
  it('wages of the social year not declared: the reason in Chinese, 申报 disabled, the wage wizard one tap away', async () => {
    const { page } = await open(DESKTOP)
    await asClerk(page, noWages, '/pkg-contrib/pages/declaration/index')
    const blocker = visible(page, '.ct-blockers .ct-alert__item[data-code="WAGES_NOT_DECLARED"]')
    await blocker.waitFor({ timeout: 30_000 })
    await expect(blocker.innerText()).resolves.toContain(`须先完成${Y}社保年度职工缴费工资申报后，方可办理单位缴费申报业务`)
    await expect(visible(page, '.ct-preview').getAttribute('data-can-declare')).resolves.toBe('false')
    await expect(visible(page, '.ct-declare').getAttribute('class')).resolves.toContain('nut-button-disabled')
    await expect(visible(page, '.ct-preview__state').innerText()).resolves.toBe('暂不能申报')
    await fullShot(page, DESKTOP, 'contrib-blocked-wages')
    await blocker.locator('.ct-wage-link').click()
    await page.waitForURL(/pkg-matters\/pages\/wizard\/index\?code=WAGE_DECLARATION/, { timeout: 20_000 })
  })

  it('last month unpaid: 最大核止期号 named, 补缴申报 of that month from the page', async () => {
    const { page } = await open(DESKTOP)
    await asClerk(page, behind, '/pkg-contrib/pages/declaration/index')
    const blocker = visible(page, '.ct-blockers .ct-alert__item[data-code="DECLARATION_ARREARS"]')
    await blocker.waitFor({ timeout: 30_000 })
    const text = await blocker.innerText()
    expect(text).toContain('该单位的最大做账期号不等于上一月或者当前月！存在未缴费月份，请先办理补缴申报')
    expect(text).toContain(`养老保险最大核止期号${P2}`)
    await expect(visible(page, '.ct-preview__settled').innerText()).resolves.toContain(`养老保险 ${periodText(P2)}`)
    await fullShot(page, DESKTOP, 'contrib-blocked-arrears')
    const back = blocker.locator('.ct-back-declare')
    await expect(back.innerText()).resolves.toContain(`补缴申报（${periodText(P1)}）`)
    await back.click()
    const post = page.waitForRequest((r) => r.url().endsWith('/api/unit/contributions/back-declarations') && r.method() === 'POST')
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认补缴申报' }).click()
    expect((await post).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    // the back-declared month is listed (in its year), ready for its bill; this month stays blocked until it is paid
    const row = visible(page, `.ct-decl-row[data-period="${P1}"]`)
    await row.waitFor({ timeout: 20_000 })
    await expect(row.innerText()).resolves.toMatch(/补缴[\s\S]*已申报/)
    await expect(row.locator('.ct-issue').count()).resolves.toBe(1)
    await expect(visible(page, '.ct-preview').getAttribute('data-can-declare')).resolves.toBe('false')
    await fullShot(page, DESKTOP, 'contrib-back-declared')
    // 撤销申报 while no bill exists
    await row.locator('.ct-revoke').click()
    const revoke = page.waitForRequest((r) => /\/api\/unit\/contributions\/declarations\/\d+\/revoke$/.test(r.url()) && r.method() === 'POST')
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认撤销' }).click()
    expect((await revoke).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('REVOKED')
    await expect(row.innerText()).resolves.toContain('已撤销申报')
    await expect(row.locator('.ct-issue').count()).resolves.toBe(0)
  })
})

describe('a month: declare → 应缴认定单 → PDF → 到账 → the worker’s 缴费信息 and 个人账户', () => {
  let clerk: BrowserSession
  let billNo = ''

  beforeAll(async () => {
    clerk = await open(DESKTOP)
  })

  it('the clerk sees this month: 上期 vs 本期, each insurance type’s unit and personal amounts, the totals', async () => {
    const { page } = clerk
    await asClerk(page, unit, '/pkg-contrib/pages/declaration/index')
    const preview = visible(page, '.ct-preview')
    await preview.waitFor({ timeout: 30_000 })
    await expect(preview.getAttribute('data-period')).resolves.toBe(String(P))
    await expect(preview.getAttribute('data-can-declare')).resolves.toBe('true')
    await expect(visible(page, '.ct-top__unit').innerText()).resolves.toContain(unit.name)
    await expect(visible(page, '.ct-preview__headcount').innerText()).resolves.toBe('3')
    await expect(visible(page, '.ct-preview__base').innerText()).resolves.toBe(formatYuan(expected.baseFen))
    await expect(visible(page, '.ct-preview__unit').innerText()).resolves.toBe(formatYuan(expected.unitFen))
    await expect(visible(page, '.ct-preview__personal').innerText()).resolves.toBe(formatYuan(expected.personalFen))
    await expect(visible(page, '.ct-preview__total').innerText()).resolves.toBe(formatYuan(expected.totalFen))
    for (const t of expected.byType) {
      const row = await visible(page, `.ct-type[data-type="${t.type}"]`).innerText()
      expect(row).toContain(formatYuan(t.unitFen))
      expect(row).toContain(formatYuan(t.personalFen))
      expect(row).toContain(formatYuan(t.totalFen))
    }
    // 上期 = last month as declared through the API (on the bases before this social year's wages when it belongs to
    // the previous social year)
    const last = await bff.prisma.contributionDeclaration.findFirstOrThrow({ where: { unitId: unit.id, period: P1 }, select: { headcount: true, baseTotal: true } })
    const compare = await visible(page, '.ct-compare-table').innerText()
    expect(compare).toContain(`上期（${periodText(P1)}）`)
    expect(compare).toContain(`本期（${periodText(P)}）`)
    expect(compare).toContain(formatYuan(Math.round(Number(last.baseTotal) * 100)))
    expect(last.headcount).toBe(3)
    await expect(visible(page, '.ct-preview__settled').innerText()).resolves.toContain(`养老保险 ${periodText(P1)}`)
    await fullShot(page, DESKTOP, 'contrib-declaration-preview')
    expect(clerk.problems).toEqual([])
  })

  it('declares the month with an Idempotency-Key and lists it as 已申报 (revocable until a bill exists)', async () => {
    const { page } = clerk
    await visible(page, '.ct-declare').click()
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认申报' }).waitFor()
    await expect(page.locator('.ct-dialog-text').innerText()).resolves.toContain(`应缴总额 ${formatYuan(expected.totalFen)} 元`)
    await screenshot(page, 'contrib-declaration-confirm')
    const post = page.waitForRequest((r) => r.url().endsWith('/api/unit/contributions/declarations') && r.method() === 'POST')
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认申报' }).click()
    expect((await post).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    const row = visible(page, `.ct-decl-row[data-period="${P}"]`)
    await row.waitFor({ timeout: 20_000 })
    await expect(row.getAttribute('data-status')).resolves.toBe('DECLARED')
    const text = await row.innerText()
    expect(text).toContain(formatYuan(expected.totalFen))
    expect(text).toContain('未开具')
    await expect(row.locator('.ct-revoke').getAttribute('class')).resolves.not.toContain('nut-button-disabled')
    await expect(visible(page, '.ct-preview__state').innerText()).resolves.toBe('本月已申报')
    // declared: this month cannot be declared twice
    await expect(visible(page, '.ct-blockers .ct-alert__item[data-code="DECLARATION_EXISTS"]').count()).resolves.toBe(1)
    // the person lines
    await row.locator('.ct-lines-toggle').click()
    await visible(page, '.ct-line').first().waitFor({ timeout: 20_000 })
    await expect(visible(page, '.ct-line').count()).resolves.toBe(9)
    await fullShot(page, DESKTOP, 'contrib-declared')
    await row.locator('.ct-lines-toggle').click()
    expect(clerk.problems).toEqual([])
  })

  it('issues the 应缴认定单: lines per type, total in capital numerals, deadline; the PDF is the bill', async () => {
    const { page } = clerk
    await visible(page, `.ct-decl-row[data-period="${P}"] .ct-issue`).click()
    await page.waitForURL(/pkg-contrib\/pages\/bill\/index\?billNo=\d{16}/, { timeout: 20_000 })
    const status = visible(page, '.ct-bill-status')
    await status.waitFor({ timeout: 20_000 })
    billNo = (await status.getAttribute('data-bill-no')) as string
    expect(billNo).toMatch(/^\d{16}$/)
    await expect(status.getAttribute('data-status')).resolves.toBe('VALID')
    await expect(visible(page, '.ct-bill-status__tag').innerText()).resolves.toBe('有效待缴')
    const paper = await visible(page, '.ct-paper').innerText()
    expect(paper).toContain('社会保险费应缴认定单')
    expect(paper).toContain(billNo)
    expect(paper).toContain(unit.unitNo)
    for (const t of expected.byType) {
      const row = await visible(page, `.ct-line[data-type="${t.type}"]`).innerText()
      expect(row).toContain(formatYuan(t.unitFen))
      expect(row).toContain(formatYuan(t.totalFen))
    }
    await expect(visible(page, '.ct-lines-table .ct-table__row--total').innerText()).resolves.toContain(formatYuan(expected.totalFen))
    const bill = await bff.prisma.bill.findUniqueOrThrow({ where: { billNo }, select: { deadline: true, total: true } })
    expect(Math.round(Number(bill.total) * 100)).toBe(expected.totalFen)
    const capital = await visible(page, '.ct-paper__capital-v').innerText()
    expect(capital).toBe(fenToCapital(expected.totalFen))
    const d = bill.deadline.toISOString().slice(0, 10).split('-').map(Number)
    expect(paper).toContain(`缴费截止日期至${d[0]}年${d[1]}月${d[2]}日`)
    await fullShot(page, DESKTOP, 'contrib-bill')

    // 打印/查看 PDF: H5 fetches it with the token and shows it in a new tab
    const [tab, pdf] = await Promise.all([
      clerk.context.waitForEvent('page'),
      page.waitForResponse((r) => r.url().endsWith(`/api/unit/bills/${billNo}/pdf`)),
      visible(page, '.ct-pdf').click()
    ])
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    // the same document, fetched as the page did (with the clerk's token)
    const res = await fetch(pdf.url(), { headers: { authorization: `Bearer ${unitToken}` } })
    expect(res.headers.get('content-type')).toContain('application/pdf')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const file = path.join(os.tmpdir(), `bill-${billNo}.pdf`)
    fs.writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    fs.rmSync(file, { force: true })
    expect(text).toContain('应缴认定单')
    expect(text).toContain(billNo)
    expect(text.replace(/,/g, '')).toContain(formatYuanTrimmed(expected.totalFen))
    await tab.waitForURL(/^blob:/, { timeout: 20_000 })
    await tab.close()
    expect(clerk.problems).toEqual([])
  })

  it('撤销并重新生成: the bill is replaced by a new number (nothing else happened since it was issued)', async () => {
    const { page } = clerk
    const old = billNo
    await visible(page, '.ct-bill-reissue').click()
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认生成' }).click()
    await page.waitForURL((u) => /billNo=\d{16}/.test(u.hash) && !u.hash.includes(old), { timeout: 20_000 })
    const status = visible(page, '.ct-bill-status[data-status="VALID"]')
    await status.waitFor({ timeout: 20_000 })
    billNo = (await status.getAttribute('data-bill-no')) as string
    expect(billNo).toMatch(/^\d{16}$/)
    expect(billNo).not.toBe(old)
    await expect(status.innerText()).resolves.toContain(`本单据由单据 ${old} 重新生成`)
    await expect(visible(page, '.ct-paper').innerText()).resolves.toContain(billNo)
    expect((await bff.prisma.bill.findUniqueOrThrow({ where: { billNo: old }, select: { status: true } })).status).toBe('REVOKED')
    await fullShot(page, DESKTOP, 'contrib-bill-reissued')
    expect(clerk.problems).toEqual([])
  })

  it('业务单据查询 lists the bill as 有效待缴 at step 1 of 5; 单位退费查询 has nothing', async () => {
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-contrib/pages/bills/index`)
    const row = visible(page, `.ct-bill-row[data-bill-no="${billNo}"]`)
    await row.waitFor({ timeout: 20_000 })
    const text = await row.innerText()
    expect(text).toContain(periodText(P))
    expect(text).toContain(formatYuan(expected.totalFen))
    expect(text).toContain('有效待缴')
    expect(text).toContain('1/5 缴费认定')
    // the replaced one is listed as 已撤销
    await expect(visible(page, '.ct-bill-row[data-status="REVOKED"]').count()).resolves.toBe(1)
    await row.locator('.ct-progress-toggle').click()
    await expect(row.locator('.ct-step[data-done="true"]').count()).resolves.toBe(1)
    await fullShot(page, DESKTOP, 'contrib-bills')
    await visible(page, '.ct-tab--refunds').click()
    await visible(page, '.ct-refund-account').waitFor({ timeout: 20_000 })
    await expect(visible(page, '.ct-table__empty').innerText()).resolves.toContain('没有退费记录')
    await fullShot(page, DESKTOP, 'contrib-refunds')
    expect(clerk.problems).toEqual([])
  })

  it('a reviewer signs in on the workbench and marks the bill 到账 after confirming', async () => {
    const { page, problems } = await open(DESKTOP)
    await page.goto(`${bff.baseUrl}/#/pkg-review/pages/index/index`)
    await page.locator('.rv-signin__card').waitFor({ timeout: 30_000 })
    await page.locator('.rv-signin__input input').nth(0).fill(reviewer.username)
    await page.locator('.rv-signin__input input').nth(1).fill(PASSWORD)
    await page.locator('.rv-signin__submit').click()
    await page.locator('.rv-bills-link').click()
    await page.waitForURL(/pkg-review\/pages\/bills\/index/, { timeout: 20_000 })
    const unitNoInput = visible(page, '.rv-filter__input input').first()
    await unitNoInput.waitFor({ timeout: 20_000 })
    await unitNoInput.fill(unit.unitNo)
    await visible(page, '.rv-search').click()
    const row = visible(page, `.rv-bill-row[data-bill-no="${billNo}"]`)
    await row.waitFor({ timeout: 20_000 })
    await expect(visible(page, '.rv-bill-row').count()).resolves.toBe(1) // this unit, 有效待缴 only
    const text = await row.innerText()
    expect(text).toContain(unit.name)
    expect(text).toContain(formatYuan(expected.totalFen))
    await fullShot(page, DESKTOP, 'review-bills')
    await row.locator('.rv-arrive').click()
    await expect(page.locator('.rv-bills__confirm').innerText()).resolves.toContain(`应缴金额 ${formatYuan(expected.totalFen)} 元`)
    await screenshot(page, 'review-bills-confirm')
    const post = page.waitForRequest((r) => r.url().endsWith(`/api/review/bills/${billNo}/arrive`) && r.method() === 'POST')
    await page.locator('.nut-dialog-footer-ok:visible', { hasText: '确认到账' }).click()
    expect((await post).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    await page.getByText('已到账：缴费记录 9 条，记入个人账户 3 人').waitFor({ timeout: 20_000 })
    // 有效待缴 no longer has it; 已到账 does
    await expect.poll(() => visible(page, `.rv-bill-row[data-bill-no="${billNo}"]`).count(), { timeout: 20_000 }).toBe(0)
    await visible(page, '.rv-tab').filter({ hasText: '已到账' }).click()
    const paid = visible(page, `.rv-bill-row[data-bill-no="${billNo}"][data-status="PAID"]`)
    await paid.waitFor({ timeout: 20_000 })
    await fullShot(page, DESKTOP, 'review-bills-paid')
    expect(problems).toEqual([])
    // what 到账 wrote: 实缴到账 records of the month, 最大核止期号 = this month
    const records = await bff.prisma.contributionRecord.count({ where: { unitId: unit.id, period: P, status: 'PAID', kind: 'NORMAL' } })
    expect(records).toBe(9)
    const settled = await bff.prisma.unitInsurance.findMany({ where: { unitId: unit.id }, select: { lastSettledPeriod: true } })
    expect(settled.map((s) => s.lastSettledPeriod)).toEqual([P, P, P])
  })

  it('the clerk sees the bill 已到账 with every step done', async () => {
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-contrib/pages/bill/index?billNo=${billNo}`)
    await page.reload()
    const status = visible(page, '.ct-bill-status[data-status="PAID"]')
    await status.waitFor({ timeout: 20_000 })
    await expect(visible(page, '.ct-bill-status__tag').innerText()).resolves.toBe('已到账')
    await expect(status.locator('.ct-step[data-done="true"]').count()).resolves.toBe(5)
    await expect(status.locator('.ct-bill-revoke').count()).resolves.toBe(0)
    await fullShot(page, DESKTOP, 'contrib-bill-paid')
    expect(clerk.problems).toEqual([])
  })

  it('on a phone (the mini-program’s width) the clerk’s pages are one column: cards with labelled values', async () => {
    const { page, problems } = await open(PHONE)
    await asClerk(page, unit, '/pkg-contrib/pages/declaration/index')
    const row = visible(page, `.ct-decl-row[data-period="${P}"]`)
    await row.waitFor({ timeout: 30_000 })
    // no horizontal overflow, and each value carries its label
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width)
    await expect(row.innerText()).resolves.toMatch(/缴费总额\s*4,760\.28/)
    await fullShot(page, PHONE, 'contrib-phone-declaration')
    await page.goto(`${bff.baseUrl}/#/pkg-contrib/pages/bill/index?billNo=${billNo}`)
    await visible(page, '.ct-bill-status[data-status="PAID"]').waitFor({ timeout: 20_000 })
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width)
    await fullShot(page, PHONE, 'contrib-phone-bill')
    expect(problems).toEqual([])
  })

  it('the worker (phone) sees the month 实缴到账 in 缴费信息 and it credited in 个人账户 this year', async () => {
    const { page, problems } = await open(PHONE)
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/contributions/index`)
    await page.locator('.q-state--signin').waitFor({ timeout: 30_000 })
    await page.locator('.q-state__actions .nut-button', { hasText: '登录电子社保卡' }).click()
    await page.locator('.login__title', { hasText: '电子社保卡登录' }).waitFor({ timeout: 20_000 })
    await page.locator('input[name="idNumber"]').fill(worker.idNumber)
    await page.locator('input[name="pin"]').fill(PIN)
    await page.locator('.login__submit').click()
    await page.waitForURL(/pkg-query\/pages\/contributions/, { timeout: 20_000 })
    const year = periodYear(P)
    await page.locator(`.q-table[data-year="${year}"]`).waitFor({ timeout: 20_000 })
    for (const t of ALL) {
      const row = page.locator(`.q-contrib__row[data-period="${P}"][data-type="${t}"]`)
      await expect(row.getAttribute('data-status')).resolves.toBe('PAID')
      await expect(row.innerText()).resolves.toContain('实缴到账')
      await expect(row.getAttribute('data-base-fen')).resolves.toBe(String(BASES[0]))
    }
    await expect(page.locator(`.q-contrib__row[data-period="${P}"][data-type="PENSION"]`).innerText()).resolves.toContain(formatYuan(line(BASES[0] as number, 80_000)))
    await fullShot(page, PHONE, 'contrib-worker-contributions')

    // 个人账户: this calendar year's credited months and amount are the paid personal pension contributions
    const paid = await bff.prisma.contributionRecord.findMany({
      where: { personId: worker.id, insuranceType: 'PENSION', status: 'PAID', period: { gte: year * 100 + 1, lte: year * 100 + 12 } },
      select: { period: true, personalAmount: true }
    })
    expect(paid.map((r) => r.period)).toContain(P)
    const creditedFen = paid.reduce((s, r) => s + Math.round(Number(r.personalAmount) * 100), 0)
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/account/index`)
    const y = page.locator(`.q-account__year[data-year="${year}"]`)
    await y.waitFor({ timeout: 20_000 })
    const text = await y.innerText()
    expect(text).toContain(`当年记账额（${paid.length}个月）`)
    expect(text).toContain(formatYuan(creditedFen))
    await fullShot(page, PHONE, 'contrib-worker-account')
    expect(problems).toEqual([])
  })
})
