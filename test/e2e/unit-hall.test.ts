// H5 end-to-end for the unit web hall's queries and navigation (issue 6, 单位事项 I), on the BFF serving the H5
// build. A unit with 25 insured staff (two suspended, five in pension only) and a bank account, and a second unit
// whose staff must never show. Its clerk, on a PC (1366×768):
//  - opens the hall; every nav entry and tile opens its page (no "即将开放");
//  - 单位参保人员 from the nav: the count and the rows are the database's (加载更多 to the end), ID numbers masked;
//    filtered by 参保状态 (暂停缴费); 导出 Excel downloads the filtered list, parsed with exceljs, rows as on screen;
//  - 单位综合信息: 参保信息 with each type's 最大核止期号 (as 2026年10月), 经办人 with the two clerks, 银行账户 masked
//    and revealed by the eye, 人员增减变动 from the start of the year; 待核实人员 empty, then with a flagged person.
// On a phone (375×667) the roster is a list of cards in one column, and 返回大厅 leads to the hall. Screenshots go to
// test/artifacts/unit-hall-*.
// Needs a fresh H5 build (`npm run build:h5`; H5_DIST_DIR points elsewhere if set).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { formatPeriod, maskIdNumber, maskName } from '@shebao/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFixtures, type UnitFx, type Worker } from '../api/cases-fixtures.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { DESKTOP, launch, PHONE, screenshot, type BrowserSession, type Viewport } from '../helpers/browser.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const H5_DIR = process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5')
const HALL = '/pkg-unit/pages/hall/index'
const ROSTER = '/pkg-unit/pages/roster/index'
const INFO = '/pkg-unit/pages/info/index'

/** Where each unit area entry must lead (restated from the brief, independently of the app's mapping). */
const TARGETS: Record<string, string> = {
  'unit-info': INFO,
  roster: ROSTER,
  bills: '/pkg-contrib/pages/bills/index',
  'unit-cases': '/pkg-matters/pages/records/index',
  'pending-verification': '/pkg-unit/pages/pending/index',
  'staff-add': '/pkg-matters/pages/wizard/index?code=STAFF_ENROL',
  'staff-stop': '/pkg-matters/pages/wizard/index?code=STAFF_STOP',
  'wage-declaration': '/pkg-matters/pages/wizard/index?code=WAGE_DECLARATION',
  'monthly-declaration': '/pkg-contrib/pages/declaration/index',
  'back-payment': '/pkg-matters/pages/wizard/index?code=BACK_PAYMENT',
  refund: '/pkg-matters/pages/wizard/index?code=REFUND',
  'unit-enrolment-cert': '/pkg-cert/pages/issue/index?type=UNIT_INSURANCE',
  'more-matters': '/pkg-matters/pages/index/index'
}

/** The nav's entries in the catalogue's order (AREAS.unit). */
const NAV_ORDER = [
  'unit-info',
  'roster',
  'bills',
  'unit-cases',
  'pending-verification',
  'staff-add',
  'staff-stop',
  'wage-declaration',
  'monthly-declaration',
  'back-payment',
  'refund',
  'unit-enrolment-cert',
  'more-matters'
]

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let other: UnitFx
const staff: Worker[] = []
const suspended: Worker[] = []
const otherStaff: Worker[] = []
const sessions: BrowserSession[] = []

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` first`)
  bff = await startBff({ h5DistDir: H5_DIR })
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  other = await fx.unit()
  for (let i = 0; i < 25; i++) {
    const w = await fx.worker()
    await fx.enrol(w, unit.id, i % 5 === 0 ? ['PENSION'] : ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    staff.push(w)
  }
  // two stopped this month (停保: 暂停缴费 in every type they had)
  for (const w of [staff[3], staff[11]] as Worker[]) {
    await bff.prisma.enrolment.updateMany({
      where: { personId: w.id, unitId: unit.id },
      data: { status: 'SUSPENDED', stoppedOn: new Date(Date.UTC(Math.floor(fx.lastSettled / 100), (fx.lastSettled % 100) - 1, 10)), stopPeriod: fx.lastSettled, stopReason: '01' }
    })
    suspended.push(w)
  }
  for (let i = 0; i < 4; i++) {
    const w = await fx.worker()
    await fx.enrol(w, other.id)
    otherStaff.push(w)
  }
  // one of the other unit's staff is also suspended: the filter must not bring them in
  await bff.prisma.enrolment.updateMany({ where: { personId: (otherStaff[0] as Worker).id }, data: { status: 'SUSPENDED', stopPeriod: fx.lastSettled } })
  await bff.prisma.bankAccount.create({
    data: { unitId: unit.id, purpose: 'REFUND', bankCategory: '102', bankName: '工商银行宜昌西陵支行', accountName: unit.name, accountNumber: '4207000012345678', insuranceTypes: ['PENSION'] }
  })
}, 120_000)

afterAll(async () => {
  for (const s of sessions) await s.close()
  if (staff[5]) await bff?.prisma.benefitPayment.deleteMany({ where: { personId: staff[5].id } })
  await fx?.cleanup()
  await bff?.close()
})

async function open(viewport: Viewport): Promise<BrowserSession> {
  const s = await launch(viewport)
  sessions.push(s)
  return s
}

/** Put the clerk's session in the browser (as 单位登录 leaves it) and open `hashPath`. */
async function asClerk(page: Page, hashPath: string) {
  const user = { id: `p${unit.clerk.id}`, role: 'UNIT', name: maskName(unit.clerk.name), unitName: unit.name }
  await page.goto(`${bff.baseUrl}/`)
  await page.evaluate(
    ([access, usr]) => {
      localStorage.clear()
      localStorage.setItem('sb.session.access', JSON.stringify({ data: access }))
      localStorage.setItem('sb.session.refresh', JSON.stringify({ data: 'none' }))
      localStorage.setItem('sb.session.user', JSON.stringify({ data: usr }))
    },
    [unit.clerkToken, user] as const
  )
  await page.goto(`${bff.baseUrl}/#${hashPath}`)
  await page.reload()
}

/** The current Taro page: the last of the router (earlier pages of the stack stay in the DOM, hidden by class). */
const current = (page: Page, selector: string, hasText?: string) =>
  page.locator(`.taro_router > .taro_page:last-child ${selector}`, hasText ? { hasText } : {})

/** A screenshot of the whole page: Taro scrolls inside its page element, so grow the viewport to its height first. */
async function fullShot(page: Page, viewport: Viewport, name: string) {
  const height = await page.evaluate(() => {
    const el = document.querySelector('.taro_router > .taro_page:last-child .sb-page') as HTMLElement | null
    return Math.ceil(el?.scrollHeight ?? 0)
  })
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 6000) })
  await page.waitForTimeout(200)
  await screenshot(page, name)
  await page.setViewportSize({ width: viewport.width, height: viewport.height })
}

const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash.slice(1))

/** Every row shown, after 加载更多 until the list says it shows all. */
async function loadAll(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('.taro_router > .taro_page:last-child').getByRole('button', { name: /^加载更多/ })
    if ((await more.count()) === 0) break
    const before = await current(page, '.ur-row').count()
    await more.click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('.taro_router > .taro_page:last-child .ur-row').length > n,
      before,
      { timeout: 15_000 }
    )
  }
  return current(page, '.ur-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.personNo as string))
}

async function countShown(page: Page): Promise<number> {
  const text = await current(page, '.ur-count').innerText()
  return Number(/共\s*(\d+)\s*人/.exec(text.replace(/\s+/g, ' '))?.[1] ?? NaN)
}

const inUnit = (where: Record<string, unknown> = {}) => ({ enrolments: { some: { unitId: unit.id, ...where } } })

describe('the unit web hall on a PC (1366×768)', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await open(DESKTOP)
    await asClerk(s.page, HALL)
    await current(s.page, '.hall__clerk-row').first().waitFor({ timeout: 20_000 })
  })

  it('every nav entry and tile opens its page; nothing is “即将开放”', async () => {
    const { page } = s
    await fullShot(page, DESKTOP, 'unit-hall-desktop')
    const navKeys = await current(page, '.hall__nav-item[data-key]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key as string))
    expect(navKeys).toEqual(['home', ...NAV_ORDER])
    const tileKeys = await current(page, '.hall__tile').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key as string))
    expect(tileKeys.length).toBeGreaterThanOrEqual(4)
    const clicks = [...navKeys.filter((k) => k !== 'home').map((k) => ({ sel: `.hall__nav-item[data-key="${k}"]`, key: k })), ...tileKeys.map((k) => ({ sel: `.hall__tile[data-key="${k}"]`, key: k }))]
    for (const { sel, key } of clicks) {
      await current(page, sel).click()
      await page.waitForFunction((want) => decodeURIComponent(location.hash.slice(1)) === want, TARGETS[key] as string, { timeout: 10_000 })
      // the page is there (its chunk loaded and rendered) before going back
      const path = (TARGETS[key] as string).split('?')[0] as string
      await page.waitForFunction((want) => {
        const last = document.querySelector('.taro_router > .taro_page:last-child')
        return !!last && last.id.startsWith(want) && !!last.querySelector('.sb-page')
      }, path, { timeout: 15_000 })
      await expect(page.getByText('即将开放').count()).resolves.toBe(0)
      await page.goBack()
      await page.waitForFunction((want) => decodeURIComponent(location.hash.slice(1)) === want, HALL, { timeout: 10_000 })
      await current(page, '.hall__nav').waitFor()
    }
    // the pages of other areas may answer a business refusal (e.g. 409 on 单位缴费申报 before the wages are
    // declared), which the browser logs as a failed resource; none of them may throw
    expect(s.problems.filter((p) => p.startsWith('pageerror')), s.problems.join('\n')).toEqual([])
    s.problems.length = 0
  })

  it('单位参保人员 from the nav: the database’s count and rows, masked; 暂停缴费; 导出 Excel of the filtered list', async () => {
    const { page } = s
    await current(page, '.hall__nav-item[data-key="roster"]').click()
    await page.waitForFunction((want) => location.hash.includes(want), ROSTER)
    await current(page, '.ur-row').first().waitFor({ timeout: 20_000 })
    // the nav stays, with 单位参保人员 as the current entry
    await expect(current(page, '.hall__nav-item--active').getAttribute('data-key')).resolves.toBe('roster')

    const total = await bff.prisma.person.count({ where: inUnit() })
    expect(total).toBe(25)
    expect(await countShown(page)).toBe(total)
    await fullShot(page, DESKTOP, 'unit-hall-roster-desktop')
    const shown = await loadAll(page)
    const inDb = await bff.prisma.person.findMany({ where: inUnit(), orderBy: { personNo: 'asc' }, select: { personNo: true, idNumber: true } })
    expect(shown).toEqual(inDb.map((p) => p.personNo))
    expect(shown.some((no) => otherStaff.some((o) => o.personNo === no))).toBe(false)
    const ids = await current(page, '.ur-id').allInnerTexts()
    expect(ids).toEqual(inDb.map((p) => maskIdNumber(p.idNumber)))
    // a table at this width: the header row is shown and the cells of a row sit side by side
    await expect(current(page, '.ur-table .uq-tr--head').isVisible()).resolves.toBe(true)
    const [nameBox, idBox] = await Promise.all([current(page, '.ur-row .ur-name').first().boundingBox(), current(page, '.ur-row .ur-id').first().boundingBox()])
    const mid = (b: { y: number; height: number } | null) => (b ? b.y + b.height / 2 : NaN)
    expect(Math.abs(mid(nameBox) - mid(idBox))).toBeLessThan(4)
    expect((idBox?.x ?? 0) - (nameBox?.x ?? 0)).toBeGreaterThan(100)

    // 参保状态 → 暂停缴费
    await current(page, '.ur-status').getByText('暂停缴费', { exact: true }).click()
    const wantSuspended = await bff.prisma.person.findMany({ where: inUnit({ status: 'SUSPENDED' }), orderBy: { personNo: 'asc' }, select: { personNo: true } })
    expect(wantSuspended.map((p) => p.personNo).sort()).toEqual(suspended.map((w) => w.personNo).sort())
    await page.waitForFunction((n) => /共\s*(\d+)\s*人/.exec(document.querySelector('.taro_router > .taro_page:last-child .ur-count')?.textContent ?? '')?.[1] === String(n), wantSuspended.length, { timeout: 15_000 })
    await page.waitForFunction((n) => document.querySelectorAll('.taro_router > .taro_page:last-child .ur-row').length === n, wantSuspended.length)
    const filtered = await loadAll(page)
    expect(filtered).toEqual(wantSuspended.map((p) => p.personNo))
    await expect(current(page, '.ur-row').first().innerText()).resolves.toContain('暂停缴费')
    await fullShot(page, DESKTOP, 'unit-hall-roster-suspended')

    // 导出 Excel: the filtered list, rows as on screen
    const [download] = await Promise.all([page.waitForEvent('download'), current(page, '.ur-export').click()])
    expect(download.suggestedFilename()).toBe('单位参保人员.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(fs.readFileSync((await download.path()) as string) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(String(ws.getCell('A1').value)).toContain(`共${wantSuspended.length}人`)
    expect(String(ws.getCell('A1').value)).toContain(unit.unitNo)
    expect((ws.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['序号', '个人编号', '姓名', '证件号码'])
    const rows: string[][] = []
    ws.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
    })
    expect(rows.map((r) => r[1])).toEqual(filtered)
    const names = await current(page, '.ur-name').allInnerTexts()
    expect(rows.map((r) => r[2])).toEqual(names)
    expect(rows.map((r) => r[3])).toEqual(await current(page, '.ur-id').allInnerTexts())
    expect(rows.every((r) => r[7] === '暂停缴费')).toBe(true) // 企业职工基本养老保险 column
    expect(s.problems, s.problems.join('\n')).toEqual([])
  })

  it('单位综合信息: 最大核止期号 per insurance type, the clerks, the bank account masked then revealed', async () => {
    const { page } = s
    await current(page, '.hall__nav-item[data-key="unit-info"]').click()
    await page.waitForFunction((want) => location.hash.includes(want), INFO)
    await current(page, '.ui-basic').waitFor({ timeout: 20_000 })
    await expect(current(page, '.ui-basic').innerText()).resolves.toContain(unit.unitNo)
    await fullShot(page, DESKTOP, 'unit-hall-info-basic')

    await current(page, '.nut-tabs-titles-item', '参保信息').click()
    await current(page, '.ui-insurance__row').first().waitFor()
    const insurances = await bff.prisma.unitInsurance.findMany({ where: { unitId: unit.id }, orderBy: { insuranceType: 'asc' } })
    const settled = await current(page, '.ui-insurance__settled').allInnerTexts()
    expect(settled).toEqual(insurances.map((i) => formatPeriod(i.lastSettledPeriod as number)))
    expect(settled[0]).toMatch(/^\d{4}年\d{2}月$/)
    const pensionRow = await current(page, '.ui-insurance__row[data-type="PENSION"]').innerText()
    expect(pensionRow).toContain(`${await bff.prisma.enrolment.count({ where: { unitId: unit.id, insuranceType: 'PENSION', status: 'ACTIVE' } })} 人`)
    await fullShot(page, DESKTOP, 'unit-hall-info-insurance')

    await current(page, '.nut-tabs-titles-item', '经办人').click()
    await current(page, '.ui-clerk').first().waitFor()
    const clerks = await bff.prisma.unitClerk.findMany({ where: { unitId: unit.id }, orderBy: { id: 'asc' } })
    await expect(current(page, '.ui-clerk__name').allInnerTexts()).resolves.toEqual(clerks.map((c) => c.name))
    const clerkText = await current(page, '.ui-clerks').innerText()
    for (const c of clerks) {
      expect(clerkText).toContain(maskIdNumber(c.idNumber))
      expect(clerkText).not.toContain(c.idNumber)
    }
    await fullShot(page, DESKTOP, 'unit-hall-info-clerks')

    await current(page, '.nut-tabs-titles-item', '银行账户').click()
    await current(page, '.ui-bank__row').first().waitFor()
    await expect(current(page, '.ui-bank__number').innerText()).resolves.toBe('****5678')
    await current(page, '.ui-bank__reveal').click()
    await page.waitForFunction(() => document.querySelector('.taro_router > .taro_page:last-child .ui-bank__number')?.textContent === '4207000012345678')
    expect(await bff.prisma.auditLog.count({ where: { action: 'unit.reveal', targetId: String(unit.id) } })).toBeGreaterThan(0)
    await fullShot(page, DESKTOP, 'unit-hall-info-bank')

    await current(page, '.nut-tabs-titles-item', '人员增减变动').click()
    await current(page, '.ui-staff__range').waitFor()
    await expect(current(page, '.ui-staff__range').innerText()).resolves.toMatch(/^\d{4}-01-01 至 \d{4}-\d{2}-\d{2}$/)
    // the two stopped last month (three types each) are this year's decreases unless last month was December
    if (Math.floor(fx.lastSettled / 100) === Math.floor(fx.current / 100)) {
      await current(page, '.uq-subtitle', '减少（6）').waitFor({ timeout: 15_000 })
    }
    await fullShot(page, DESKTOP, 'unit-hall-info-staff')
    // the NutUI calendar picks the range
    await current(page, '.ui-staff__range').click()
    await page.locator('.nut-calendar').first().waitFor()
    await page.waitForTimeout(500)
    await screenshot(page, 'unit-hall-info-calendar')
    // January of this year: the 5th to the 20th (nobody joined or left then) → the range and the empty state
    const year = String(Math.floor(fx.current / 100))
    const january = page.locator('.nut-calendar-month', { has: page.locator('.nut-calendar-month-title', { hasText: `${year}年01月` }) })
    await january.locator('.nut-calendar-day-day', { hasText: /^5$/ }).first().click()
    await january.locator('.nut-calendar-day-day', { hasText: /^20$/ }).first().click()
    await page.locator('.calendar-confirm-btn').first().click()
    await page.waitForFunction((y) => document.querySelector('.taro_router > .taro_page:last-child .ui-staff__range')?.textContent === `${y}-01-05 至 ${y}-01-20`, year)
    await current(page, '.uq-state--empty', '所选日期内本单位没有人员增减').waitFor({ timeout: 15_000 })
    expect(s.problems, s.problems.join('\n')).toEqual([])
  })

  it('待核实人员: nobody to verify is said plainly; a flagged person is listed with the payment status', async () => {
    const { page } = s
    await current(page, '.hall__nav-item[data-key="pending-verification"]').click()
    await page.waitForFunction(() => location.hash.includes('/pkg-unit/pages/pending/index'))
    await current(page, '.uq-state--empty').waitFor({ timeout: 20_000 })
    await expect(current(page, '.uq-state--empty').innerText()).resolves.toContain('本单位暂无待核实人员')
    await fullShot(page, DESKTOP, 'unit-hall-pending-empty')

    const flagged = staff[5] as Worker
    await bff.prisma.person.update({ where: { id: flagged.id }, data: { pendingVerification: true } })
    await bff.prisma.benefitPayment.create({ data: { personId: flagged.id, kind: 'BASIC_PENSION', period: fx.lastSettled, item: '基本养老金', amount: '3200.00', status: 'SUSPENDED' } })
    await page.reload()
    await current(page, '.up-row').first().waitFor({ timeout: 20_000 })
    const row = await current(page, '.up-row').innerText()
    expect(row).toContain(flagged.personNo)
    expect(row).toContain(maskIdNumber(flagged.idNumber))
    expect(row).toContain('暂停发放')
    expect(row).toContain('待遇资格待核实')
    await expect(current(page, '.up-count').innerText()).resolves.toMatch(/共\s*1\s*人/)
    await fullShot(page, DESKTOP, 'unit-hall-pending')
    expect(s.problems, s.problems.join('\n')).toEqual([])
  })
})

describe('the roster on a phone (375×667)', () => {
  it('one column of cards with the count; no sideways scrolling; 返回大厅; 单位综合信息', async () => {
    const s = await open(PHONE)
    const { page } = s
    await asClerk(page, ROSTER)
    await current(page, '.ur-row').first().waitFor({ timeout: 20_000 })
    expect(await countShown(page)).toBe(25)
    await expect(current(page, '.ur-table .uq-tr--head').isVisible()).resolves.toBe(false)
    // a card: the name above the ID line
    const [nameBox, idBox] = await Promise.all([current(page, '.ur-row .ur-name').first().boundingBox(), current(page, '.ur-row .ur-id').first().boundingBox()])
    expect((idBox?.y ?? 0) - (nameBox?.y ?? 0)).toBeGreaterThan(8)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await fullShot(page, PHONE, 'unit-hall-roster-phone')
    // 返回大厅 leads to the hall (replacing the page: it was opened directly)
    await current(page, '.hall__back').click()
    await page.waitForFunction((want) => location.hash.includes(want), HALL)
    await current(page, '.hall__tile').first().waitFor({ timeout: 20_000 })
    await fullShot(page, PHONE, 'unit-hall-phone')
    expect(hashOf(page)).toBe(HALL)
    // 单位综合信息 from its tile: the tabs scroll sideways inside the page, the page itself does not
    await current(page, '.hall__tile[data-key="unit-info"]').click()
    await current(page, '.ui-basic').waitFor({ timeout: 20_000 })
    await current(page, '.nut-tabs-titles-item', '参保信息').click()
    await current(page, '.ui-insurance__row').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1)
    await fullShot(page, PHONE, 'unit-hall-info-phone')
    expect(s.problems, s.problems.join('\n')).toEqual([])
  })
})
