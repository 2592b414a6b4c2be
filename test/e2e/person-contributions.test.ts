// H5 end-to-end for the 个人查询 pages (issue 4): the H5 build as the BFF serves it, in Debian's Chromium at phone
// size. A worker with an activated e-SSC signs in through the login page, opens 缴费信息, switches the year and the
// insurance type, loads every page of the month table, and the chart, the year's totals and the table must agree.
// Also: 参保信息 with the reveal eye, 个人账户, 办件记录 with a timeline. Screenshots go to test/artifacts/.
// Needs a fresh H5 build (`npm run build:h5`; `npm test` builds it).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret } from '../../bff/src/modules/identity/secret-hash.ts'
import { createPersonFixture, type PersonFixture } from '../api/person-fixtures.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { launch, PHONE, screenshot, type BrowserSession } from '../helpers/browser.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// H5_DIST_DIR (as the BFF reads it) lets a run use a copy of the build while the shared one is being rebuilt
const H5_INDEX = path.join(process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5'), 'index.html')
const PIN = '258147'

let bff: RunningBff
let fx: PersonFixture
let s: BrowserSession

beforeAll(async () => {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`${H5_INDEX} is missing: run \`npm run build:h5\` first`)
  bff = await startBff()
  fx = await createPersonFixture(bff.prisma)
  for (const p of [fx.worker, fx.injured]) {
    await bff.prisma.esscCard.create({
      data: { personId: p.id, cardNo: `T4E${p.id}`.slice(0, 32), status: 'ACTIVE', pinHash: await hashSecret(PIN, 1 << 12), activatedAt: new Date() }
    })
  }
  s = await launch(PHONE)
})

afterAll(async () => {
  await s?.close()
  if (fx) await bff.prisma.esscCard.deleteMany({ where: { personId: { in: [fx.worker.id, fx.injured.id] } } })
  await fx?.cleanup()
  await bff?.close()
})

async function signIn(page: Page, idNumber: string) {
  await page.locator('.login__title', { hasText: '电子社保卡登录' }).waitFor({ timeout: 20_000 })
  await page.locator('input[name="idNumber"]').fill(idNumber)
  await page.locator('input[name="pin"]').fill(PIN)
  await page.locator('.login__submit').click()
}

/** A screenshot of the whole page: Taro scrolls inside its page element, so grow the viewport to its height first. */
async function fullShot(page: Page, name: string) {
  const height = await page.evaluate(() => {
    const el = document.querySelector('.taro_page:not([style*="display: none"]) .sb-page') as HTMLElement | null
    return Math.ceil(el?.scrollHeight ?? 667)
  })
  await page.setViewportSize({ width: PHONE.width, height: Math.min(Math.max(height, PHONE.height), 6000) })
  await page.waitForTimeout(200)
  await screenshot(page, name)
  await page.setViewportSize({ width: PHONE.width, height: PHONE.height })
}

/** Click 加载更多 until the whole selection is on the page. */
async function loadAll(page: Page) {
  for (let i = 0; i < 20; i++) {
    const more = page.getByRole('button', { name: /^加载更多/ })
    if ((await more.count()) === 0) return
    const before = await page.locator('.q-contrib__row').count()
    await more.click()
    await page.waitForFunction((n) => document.querySelectorAll('.q-contrib__row').length > n, before, { timeout: 15_000 })
  }
}

interface TableRow {
  period: number
  type: string
  status: string
  kind: string
  baseFen: number
  text: string
}

async function tableRows(page: Page): Promise<TableRow[]> {
  return page.locator('.q-contrib__row').evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset
      return { period: Number(d.period), type: d.type ?? '', status: d.status ?? '', kind: d.kind ?? '', baseFen: Number(d.baseFen), text: (r as HTMLElement).innerText }
    })
  )
}

/** What the table says about one insurance type: months paid and the average base of the paid, non-差额 months. */
function fromTable(rows: TableRow[], type: string) {
  const paid = rows.filter((r) => r.type === type && (r.status === 'PAID' || r.status === 'BACK_PAID'))
  const forBase = paid.filter((r) => r.kind !== 'ADJUSTMENT')
  const sum = forBase.reduce((a, r) => a + r.baseFen, 0)
  return { paidMonths: new Set(paid.map((r) => r.period)).size, averageBaseFen: forBase.length ? Math.round(sum / forBase.length) : 0 }
}

async function chartYear(page: Page, year: number) {
  const bar = page.locator(`.q-chart__year[data-year="${year}"]`)
  return { paidMonths: Number(await bar.getAttribute('data-paid-months')), averageBaseFen: Number(await bar.getAttribute('data-base-fen')), on: (await bar.getAttribute('class'))?.includes('q-chart__year--on') }
}

describe('缴费信息 on H5 (phone)', () => {
  it('asks to sign in, signs in with the e-SSC and lands back on 缴费信息 at the latest year', async () => {
    const { page } = s
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/contributions/index`)
    await page.locator('.q-state--signin').waitFor({ timeout: 30_000 })
    await expect(page.locator('.q-state--signin').innerText()).resolves.toContain('请先登录')
    await page.locator('.q-state__actions .nut-button', { hasText: '登录电子社保卡' }).click()
    await signIn(page, fx.worker.idNumber)
    await page.waitForURL(/pkg-query\/pages\/contributions/, { timeout: 20_000 })
    await page.locator('.q-contrib__totals[data-year="2024"]').waitFor({ timeout: 20_000 })
    await expect(page.locator('.q-contrib__head').innerText()).resolves.toContain('累计缴费 58 个月')
    // six years in the chart, 2024 selected; 2024: four months paid, two in arrears
    await expect(page.locator('.q-chart__year').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.year))).resolves.toEqual([
      '2019', '2020', '2021', '2022', '2023', '2024'
    ])
    expect(await chartYear(page, 2024)).toEqual({ paidMonths: 4, averageBaseFen: 600000, on: true })
    await expect(page.locator('.q-chart__caption').innerText()).resolves.toContain('欠费 2 个月')
    await expect(page.locator('.q-contrib__row').first().innerText()).resolves.toMatch(/06月[\s\S]*欠费/)
    expect(s.problems).toEqual([])
  })

  it('switches the year: the chart, the year’s totals and every row of the table agree', async () => {
    const { page } = s
    await page.locator('.q-contrib__years .q-chip', { hasText: '2023年' }).click()
    await page.locator('.q-table[data-year="2023"]').waitFor({ timeout: 20_000 })
    await loadAll(page)
    const rows = await tableRows(page)
    expect(rows).toHaveLength(37) // 12 months × 3 types + the 差额 row
    expect(rows.every((r) => Math.floor(r.period / 100) === 2023)).toBe(true)
    const chart = await chartYear(page, 2023)
    expect(chart.on).toBe(true)
    const table = fromTable(rows, 'PENSION')
    expect({ paidMonths: chart.paidMonths, averageBaseFen: chart.averageBaseFen }).toEqual(table)
    expect(table).toEqual({ paidMonths: 12, averageBaseFen: 567890 })
    await expect(page.locator('.q-chart__caption').innerText()).resolves.toContain('平均缴费基数 5,678.90 元，到账 12 个月')
    // the 差额 row is marked in the table
    await expect(page.locator('.q-contrib__row[data-kind="ADJUSTMENT"]').innerText()).resolves.toMatch(/07月\s*基数差额[\s\S]*100\.00/)

    // only 养老: the totals card says what the chart says, and the table holds just those rows
    await page.locator('.q-contrib__types .q-chip', { hasText: '养老' }).click()
    await page.locator('.q-table[data-type="PENSION"][data-year="2023"]').waitFor({ timeout: 20_000 })
    await loadAll(page)
    const pension = await tableRows(page)
    expect(pension).toHaveLength(13)
    const totals = page.locator('.q-contrib__totals')
    expect(Number(await totals.getAttribute('data-paid-months'))).toBe(chart.paidMonths)
    expect(Number(await totals.getAttribute('data-average-base-fen'))).toBe(chart.averageBaseFen)
    await expect(totals.innerText()).resolves.toMatch(/5,459\.72[\s\S]*10,919\.44/) // 个人 and 单位 paid in 2023
    await fullShot(page, 'person-contributions')

    // another year by tapping its bar: the gap year 2020 — six months, the back-paid March
    await page.locator('.q-chart__year[data-year="2020"]').click()
    await page.locator('.q-table[data-year="2020"]').waitFor({ timeout: 20_000 })
    const y2020 = await tableRows(page)
    expect(fromTable(y2020, 'PENSION')).toEqual({ paidMonths: (await chartYear(page, 2020)).paidMonths, averageBaseFen: (await chartYear(page, 2020)).averageBaseFen })
    expect(y2020.find((r) => r.period === 202003)?.text).toContain('补缴到账')
    await fullShot(page, 'person-contributions-2020')
    expect(s.problems).toEqual([])
  })
})

describe('other 个人查询 pages on H5 (phone)', () => {
  it('参保信息: masked by default, the eye shows the owner’s full ID number', async () => {
    const { page } = s
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/enrolment/index`)
    await page.locator('.q-enrolment__item').first().waitFor({ timeout: 20_000 })
    const id = page.locator('.q-profile__id')
    await expect(id.innerText()).resolves.toBe(`${fx.worker.idNumber.slice(0, 3)}***********${fx.worker.idNumber.slice(-4)}`)
    await expect(page.locator('.q-enrolment__item').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('企业职工基本养老保险'),
      expect.stringContaining('失业保险'),
      expect.stringContaining('工伤保险')
    ])
    await expect(page.locator('.q-enrolment__item').first().innerText()).resolves.toMatch(/终止解除劳动合同\(劳动关系\)/)
    await fullShot(page, 'person-enrolment')
    await page.locator('.q-profile__eye', { hasText: '显示' }).click()
    await expect.poll(() => id.innerText(), { timeout: 10_000 }).toBe(fx.worker.idNumber)
    await page.locator('.q-profile__eye', { hasText: '隐藏' }).click()
    await expect.poll(() => id.innerText()).toContain('*')
    expect(s.problems).toEqual([])
  })

  it('个人账户: the balance and the yearly ledger', async () => {
    const { page } = s
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/account/index`)
    await page.locator('.q-account__year').first().waitFor({ timeout: 20_000 })
    const last = fx.worker.account.at(-1)!
    const balance = (last.closingFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    await expect(page.locator('.q-account__amount').innerText()).resolves.toBe(balance)
    await expect(page.locator('.q-account__year').first().innerText()).resolves.toContain('2023年')
    await fullShot(page, 'person-account')
    expect(s.problems).toEqual([])
  })

  it('办件记录 of another person signed in: list and timeline; 工伤 with its detail', async () => {
    const { page } = s
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/cases/index`)
    await page.reload()
    await page.locator('.q-state__actions .nut-button', { hasText: '登录电子社保卡' }).click()
    await signIn(page, fx.injured.idNumber)
    await page.waitForURL(/pkg-query\/pages\/cases/, { timeout: 20_000 })
    await page.locator('.q-cases__item').first().waitFor({ timeout: 20_000 })
    await expect(page.locator('.q-cases__item').count()).resolves.toBe(2)
    await page.locator('.q-cases__item').first().click()
    await page.locator('.q-timeline__item').first().waitFor({ timeout: 20_000 })
    await expect(page.locator('.q-timeline__title').allInnerTexts()).resolves.toEqual(['创建', '提交申请', '退回'])
    await expect(page.locator('.q-case__reason').innerText()).resolves.toBe('请补充诊断证明原件照片')
    await fullShot(page, 'person-case-timeline')

    await page.goto(`${bff.baseUrl}/#/pkg-query/pages/work-injury/index`)
    await page.locator('.q-injury__determination').waitFor({ timeout: 20_000 })
    await expect(page.locator('.q-injury__benefit').first().innerText()).resolves.toContain('11,025.00')
    await fullShot(page, 'person-work-injury')
    await page.locator('.q-injury__determination').click()
    await page.locator('.q-injury-detail .q-item').first().waitFor({ timeout: 20_000 })
    await expect(page.locator('.q-injury-detail').innerText()).resolves.toContain('左手食指近节指骨骨折')
    expect(s.problems).toEqual([])
  })
})
