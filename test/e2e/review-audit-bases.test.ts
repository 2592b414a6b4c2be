// H5 end-to-end for 稽核认定缴费基数 (R40) on the BFF serving the H5 build: a reviewer of the unit's region signs in on
// the workbench (PC, 1366×768), opens 稽核认定缴费基数, gets a refusal in Chinese for a base below the year's floor
// (shown on the page), records the determination (Idempotency-Key sent), sees it in the list (ID number masked), and
// the unit's 缴费工资变更 of those months with another wage is then refused through the API; the page on a phone.
// Screenshots go to test/artifacts/. Needs a fresh H5 build (H5_DIST_DIR, else miniapp/dist-h5).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { addMonths, formatPeriod, shanghaiPeriod, socialYearOf, socialYearPeriods } from '@shebao/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReviewer } from '../../bff/src/modules/identity/create-reviewer.ts'
import { ContribFixtures, type FxPerson, type FxUnit } from '../api/contrib-fixtures.ts'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { DESKTOP, launch, PHONE, screenshot, type BrowserSession, type Viewport } from '../helpers/browser.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const H5_DIR = process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5')
const PASSWORD = 'Audit-Base-2026'

let bff: RunningBff
let fx: ContribFixtures
let reviewer: { id: number; username: string }
let unit: FxUnit
let worker: FxPerson
const sessions: BrowserSession[] = []

// Two paid months a few months back (the module clock is the system clock), inside one social year.
const P = shanghaiPeriod(new Date())
const END = addMonths(P, -3)
const START = Math.max(addMonths(P, -4), socialYearPeriods(socialYearOf(END)).from)

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR}/index.html is missing: build H5 first`)
  bff = await startBff({ h5DistDir: H5_DIR })
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  for (const year of [socialYearOf(P) - 1, socialYearOf(P)]) await fx.policy({ year, standard: '6700.00', floor: '4020.00', ceiling: '20100.00' })
  reviewer = await createReviewer(bff.prisma, { username: `e2e_audit_${fx.tag.toLowerCase()}`, name: '稽核审核员', password: PASSWORD, regionCode: fx.regionCode })
  unit = await fx.unit({ insurances: [{ type: 'PENSION', lastSettled: addMonths(P, -1) }] })
  worker = await fx.person()
  await fx.enrol(worker, unit.id, ['PENSION'], { startPeriod: addMonths(P, -12) })
  const data = []
  for (let period = START; period <= END; period = addMonths(period, 1)) {
    data.push({ personId: worker.id, unitId: unit.id, insuranceType: 'PENSION' as const, period, base: '5000.00', unitAmount: '800.00', personalAmount: '400.00', status: 'PAID' as const, paidAt: new Date() })
  }
  await bff.prisma.contributionRecord.createMany({ data })
})

afterAll(async () => {
  for (const s of sessions) await s.close()
  if (fx) {
    if (reviewer) {
      await bff.prisma.session.deleteMany({ where: { reviewerId: reviewer.id } })
      await bff.prisma.idempotencyKey.deleteMany({ where: { scope: `reviewer:${reviewer.id}` } })
    }
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

/** Taro H5 keeps the pages below the current one in the DOM (hidden): only what is on screen. */
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

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

async function signIn(page: Page) {
  await page.goto(`${bff.baseUrl}/#/pkg-review/pages/index/index`)
  await page.locator('.rv-signin__card').waitFor({ timeout: 30_000 })
  await page.locator('.rv-signin__input input').nth(0).fill(reviewer.username)
  await page.locator('.rv-signin__input input').nth(1).fill(PASSWORD)
  await page.locator('.rv-signin__submit').click()
  await page.waitForURL(/pkg-review\/pages\/index\/index/, { timeout: 20_000 })
}

/** The entry form's text inputs in order: 单位编号, 证件号码, 开始年月, 结束年月, 认定缴费基数, 稽核文书号, 备注. */
const fieldInput = (page: Page, name: string) => visible(page, `.rv-ab__field input[name="${name}"]`)

describe('稽核认定缴费基数 (center page)', () => {
  it('a refusal shown on the page, then the determination recorded and listed; the unit’s other wage for those months is refused', async () => {
    const { page, problems } = await open(DESKTOP)
    await signIn(page)
    await visible(page, '.rv-audit-bases-link').click()
    await page.waitForURL(/pkg-review\/pages\/audit-bases\/index/, { timeout: 20_000 })
    await visible(page, '.rv-ab__form').waitFor({ timeout: 30_000 })
    await visible(page, '.rv-empty').filter({ hasText: '暂无稽核认定缴费基数' }).waitFor({ timeout: 20_000 })

    // Nothing typed: the page says what is missing, without a request.
    await visible(page, '.rv-ab__submit').click()
    await expect(visible(page, '.rv-ab__error').innerText()).resolves.toContain('请填写单位编号、证件号码、开始年月、结束年月、认定缴费基数、稽核文书号')

    await fieldInput(page, 'unitNo').fill(unit.unitNo)
    await fieldInput(page, 'idNumber').fill(worker.idNumber)
    await fieldInput(page, 'startPeriod').fill(String(START))
    await fieldInput(page, 'endPeriod').fill(String(END))
    await fieldInput(page, 'base').fill('3000')
    await fieldInput(page, 'documentNo').fill('宜人社稽字〔2026〕18号')
    await fieldInput(page, 'remark').fill('专项稽核')
    await visible(page, '.rv-ab__submit').click()
    await expect
      .poll(() => visible(page, '.rv-ab__error').innerText(), { timeout: 20_000 })
      .toContain(`认定缴费基数须在${socialYearOf(END)}社保年度缴费基数下限至上限之间（4,020.00元至20,100.00元）`)
    await fullShot(page, DESKTOP, 'review-audit-bases-refused')

    await fieldInput(page, 'base').fill('6000')
    const post = page.waitForRequest((r) => r.url().endsWith('/api/review/audit-bases') && r.method() === 'POST')
    await visible(page, '.rv-ab__submit').click()
    expect((await post).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    const row = visible(page, '.rv-ab__row')
    await row.first().waitFor({ timeout: 20_000 })
    const text = await row.first().innerText()
    expect(text).toContain(unit.name)
    expect(text).toContain(worker.name)
    expect(text).not.toContain(worker.idNumber) // masked
    expect(text).toContain(START === END ? formatPeriod(END) : `${formatPeriod(START)}至${formatPeriod(END)}`)
    expect(text).toContain('6,000.00')
    expect(text).toContain('全部险种')
    expect(text).toContain('稽核审核员')
    await expect(visible(page, '.rv-ab__field input[name="idNumber"]').inputValue()).resolves.toBe('') // the form is ready for the next one
    await fullShot(page, DESKTOP, 'review-audit-bases')
    expect(problems.filter((p) => !p.includes('400'))).toEqual([])

    // What it means for the unit: another wage for those months is refused, the audited one passes.
    const c = api(bff.baseUrl, { token: unit.token })
    const other = await c.post('/api/cases', {
      body: { matterCode: 'WAGE_CHANGE', applicantPhone: '13912345678', termsAccepted: true, rows: [{ idNumber: worker.idNumber, name: worker.name, startPeriod: START, endPeriod: END, monthlyWage: 550_000 }] }
    })
    expect(other.status).toBe(400)
    expect(other.body.error.meta.failed[0].reason).toContain('与稽核部门认定的缴费基数（6,000.00元')
  })

  it('the page on a phone: reached from the workbench, the form stacks, each determination a card, nothing overflows', async () => {
    const { page } = await open(PHONE)
    await signIn(page)
    await visible(page, '.rv-audit-bases-link').waitFor({ timeout: 20_000 })
    await fullShot(page, PHONE, 'review-workbench-phone')
    await visible(page, '.rv-audit-bases-link').click()
    await visible(page, '.rv-ab__row').first().waitFor({ timeout: 30_000 })
    await expect(visible(page, '.rv-ab__head').count()).resolves.toBe(0) // no table head on a phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await fullShot(page, PHONE, 'review-audit-bases-phone')
  })
})
