// H5 end-to-end: the app as the BFF serves it (miniapp/dist-h5 at `/`, same origin as /api), in Debian's
// Chromium at phone size. Home renders in Chinese, 我的 → 关怀模式 really enlarges the type (computed styles),
// the choice survives a reload and applies to other pages; the desktop web hall is a centred column.
// Screenshots go to test/artifacts/ (gitignored). Needs the H5 build (`npm run build:h5`; `npm test` builds it).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBff, type RunningBff } from '../helpers/bff'
import { DESKTOP, fontSizeOf, launch, PHONE, screenshot, type BrowserSession } from '../helpers/browser'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// H5_DIST_DIR (as the BFF reads it) lets a run use its own build
const H5_INDEX = path.join(process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5'), 'index.html')

let bff: RunningBff

beforeAll(async () => {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`${H5_INDEX} is missing: run \`npm run build:h5\` first`)
  bff = await startBff()
})
afterAll(async () => {
  await bff?.close()
})


async function openHome(session: BrowserSession) {
  const res = await session.page.goto(`${bff.baseUrl}/`)
  expect(res?.status()).toBe(200)
  // served by the BFF, under its CSP (no inline script needed by the app)
  expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'(;| [^;]*;)/)
  await session.page.locator('.home__title', { hasText: '掌上社保' }).waitFor({ timeout: 20_000 })
}

describe('H5 home and care mode (phone)', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await launch(PHONE)
  })
  afterAll(async () => {
    await s?.close()
  })

  it('renders the home page in Chinese: header, e-SSC entry, common services, notices', async () => {
    await openHome(s)
    const { page } = s
    await expect(page.locator('.home__essc').innerText()).resolves.toMatch(/电子社保卡\s*登录\/激活/)
    const grid = page.locator('.home__grid .nut-grid-item-text')
    await expect(grid.allInnerTexts()).resolves.toEqual([
      '参保信息', '缴费信息', '个人账户', '参保证明', '扫码登录', '证明验证', '单位办事', '办件记录'
    ])
    await expect(page.getByText('公告', { exact: true }).isVisible()).resolves.toBe(true)
    // four tabs with their labels
    await expect(page.locator('.weui-tabbar__label').allInnerTexts()).resolves.toEqual(['首页', '办事', '证明', '我的'])
    await screenshot(page, 'home')
    expect(s.problems).toEqual([])
  })

  it('opens a subpackage page from the grid (lazy chunk) and lists its area', async () => {
    const { page } = s
    await page.locator('.home__grid .nut-grid-item', { hasText: '单位办事' }).click()
    await page.waitForURL(/#\/pkg-unit\/pages\/index\/index/)
    await page.locator('.sb-area__title', { hasText: '单位办事' }).waitFor()
    for (const item of ['单位综合信息', '单位参保人员', '年度缴费工资申报', '单位缴费申报', '单位参保证明']) {
      await expect(page.locator('.nut-cell-title', { hasText: item }).first().isVisible()).resolves.toBe(true)
    }
    // browser back, right away: the home page must come back (Taro's page animation used to leave it hidden)
    await page.goBack()
    await page.locator('.home__title').waitFor()
    expect(s.problems).toEqual([])
  })

  it('我的 → 关怀模式 enlarges the type, survives a reload and applies to other pages', async () => {
    const { page } = s
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
    const careTitle = '.mine__care .nut-cell-title'
    await page.locator(careTitle, { hasText: '关怀模式' }).waitFor()
    await screenshot(page, 'mine')

    const before = {
      nutCell: await fontSizeOf(page, careTitle),
      ours: await fontSizeOf(page, '.mine__name'),
      section: await fontSizeOf(page, '.mine .sb-section-title')
    }
    expect(before.nutCell).toBeGreaterThanOrEqual(13)

    const sw = page.locator('.mine__care .nut-switch')
    await expect(sw.getAttribute('aria-checked')).resolves.toBe('false')
    await sw.click()
    await page.locator('.mine.care-mode').waitFor()
    await expect(sw.getAttribute('aria-checked')).resolves.toBe('true')

    const after = {
      nutCell: await fontSizeOf(page, careTitle),
      ours: await fontSizeOf(page, '.mine__name'),
      section: await fontSizeOf(page, '.mine .sb-section-title')
    }
    // NutUI's own sizes and ours both grow by about 1.25×
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      expect(after[key] / before[key], key).toBeGreaterThan(1.15)
      expect(after[key] / before[key], key).toBeLessThan(1.4)
    }
    await screenshot(page, 'mine-care-mode')

    // other pages follow (the home tab stays mounted)
    await page.locator('.weui-tabbar__item', { hasText: '首页' }).click()
    await page.locator('.home.care-mode').waitFor()
    const homeGridText = await fontSizeOf(page, '.home__grid .nut-grid-item-text')
    expect(homeGridText).toBeGreaterThan(12 * 1.15)
    await screenshot(page, 'home-care-mode')

    // stored on the device: a reload keeps it
    await page.reload()
    await page.locator('.home.care-mode .home__title').waitFor({ timeout: 20_000 })
    expect(s.problems).toEqual([])
  })
})

describe('H5 web hall (desktop)', () => {
  it('is a centred column at 1366×768, with the services grid on one row', async () => {
    const s = await launch(DESKTOP)
    try {
      await openHome(s)
      const { page } = s
      const box = await page.locator('.home').boundingBox()
      expect(box).not.toBeNull()
      expect(box!.width).toBeLessThanOrEqual(960)
      expect(Math.abs(box!.x + box!.width / 2 - DESKTOP.width / 2)).toBeLessThan(2)
      const items = page.locator('.home__grid .nut-grid-item')
      const ys = await items.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))
      expect(new Set(ys).size).toBe(1)
      await screenshot(page, 'home-desktop')
      expect(s.problems).toEqual([])
    } finally {
      await s.close()
    }
  })
})
