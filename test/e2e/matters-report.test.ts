// H5 end-to-end for issue 6's report and materials and the 单位一般信息变更 list editors:
// 1. A unit clerk (phone) does 单位职工增加险种登记 for a worker insured only for 养老: 服务说明, single add (险种
//    chips, 变更时间 picker, wage), attaches a material photo through the H5 file input (a real JPEG made with sharp)
//    and sees its thumbnail, 预览申报表 opens the generated PDF (预览), 确认提交, and 打印相关表单 on the result page.
//    The reviewer (desktop) opens the case, sees the material and opens 查看申报表 (the PDF without 预览).
// 2. The legal representative (phone) does 单位一般信息变更登记: modifies a clerk's phone, removes a clerk, adds a
//    clerk, adds a refund bank account bound to 失业/工伤, sees the 变更项 table, submits; the register changes.
// Screenshots in test/artifacts/.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { maskName } from '@shebao/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReviewer } from '../../bff/src/modules/identity/create-reviewer.ts'
import { startBff, type RunningBff } from '../helpers/bff'
import { DESKTOP, launch, PHONE, screenshot, type BrowserSession } from '../helpers/browser'
import { CaseFixtures, freshIdNumber, type UnitFx, type Worker } from '../api/cases-fixtures'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const H5_DIR = process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5')
const H5_INDEX = path.join(H5_DIR, 'index.html')
const PASSWORD = 'Review-Pass-2024!'
const run = promisify(execFile)

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let worker: Worker
let reviewer: { id: number; username: string }

beforeAll(async () => {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`${H5_INDEX} is missing: build the H5 app first (npm run build:h5, or H5_DIST_DIR)`)
  bff = await startBff({ h5DistDir: H5_DIR })
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  worker = await fx.worker()
  await fx.enrol(worker, unit.id, ['PENSION'])
  reviewer = await createReviewer(bff.prisma, { username: `e2e_rpt_${fx.tag.toLowerCase()}`, name: '审核员丙', password: PASSWORD })
})
afterAll(async () => {
  if (reviewer) await bff.prisma.session.deleteMany({ where: { reviewerId: reviewer.id } })
  await fx?.cleanup()
  if (reviewer) await bff.prisma.reviewer.delete({ where: { id: reviewer.id } }).catch(() => undefined)
  await bff?.close()
})

/** A signed-in unit clerk on a phone (session in storage, as the app keeps it after 扫码登录). */
async function clerkPhone(token: string, person: Worker): Promise<BrowserSession> {
  const s = await launch(PHONE)
  const user = { id: `p${person.id}`, role: 'UNIT', name: maskName(person.name), unitName: unit.name }
  await s.context.addInitScript(
    ([access, u]) => {
      localStorage.setItem('sb.session.access', JSON.stringify({ data: access }))
      localStorage.setItem('sb.session.refresh', JSON.stringify({ data: 'none' }))
      localStorage.setItem('sb.session.user', JSON.stringify({ data: u }))
    },
    [token, user] as const
  )
  return s
}

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-e2e-report-'))
  const file = path.join(dir, 'r.pdf')
  fs.writeFileSync(file, pdf)
  try {
    return (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).stdout.replace(/\s+/g, '')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Click a button that opens the case report and return the PDF the app fetched (through the page's own request,
 * captured on its way) and the tab the app opened to show it.
 */
async function openReport(page: Page, button: string, serialNo: string): Promise<{ status: number; contentType: string; pdf: Buffer; tabUrl: string }> {
  const url = `**/api/cases/${serialNo}/report`
  let captured: { status: number; contentType: string; pdf: Buffer } | null = null
  await page.route(url, async (route) => {
    const res = await route.fetch()
    const pdf = await res.body()
    captured = { status: res.status(), contentType: res.headers()['content-type'] ?? '', pdf }
    await route.fulfill({ response: res, body: pdf })
  })
  try {
    const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: 20_000 }), page.locator(button).click()])
    await expect.poll(() => captured !== null, { timeout: 30_000 }).toBe(true)
    // The app points the new tab at the fetched document (a blob: URL on H5).
    await expect.poll(() => tab.url(), { timeout: 10_000 }).toMatch(/^blob:/)
    const tabUrl = tab.url()
    await tab.close().catch(() => undefined)
    return { ...(captured as unknown as { status: number; contentType: string; pdf: Buffer }), tabUrl }
  } finally {
    await page.unroute(url)
  }
}

/** Open a Taro H5 picker and confirm its current choice (the first option, or today for a date). */
async function pickFirst(page: Page, field: string) {
  await page.locator(`.mw-field[data-field="${field}"] .mw-picker`).click()
  const confirm = page.locator('.weui-picker__action:visible').last()
  await confirm.waitFor({ timeout: 5_000 })
  await confirm.click()
}

describe('增加险种 with a material → 预览申报表 → submit → reviewer sees the material and the report', () => {
  let clerk: BrowserSession
  let desk: BrowserSession
  let serialNo = ''

  beforeAll(async () => {
    clerk = await clerkPhone(unit.clerkToken, unit.clerk)
  })
  afterAll(async () => {
    await clerk?.close()
    await desk?.close()
  })

  it('step 1 and a single row (险种 chips, 变更时间, wage)', async () => {
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-matters/pages/index/index`)
    await page.locator('.mw-matter', { hasText: '单位职工增加险种登记' }).click()
    await page.locator('.mw-step--1').waitFor({ timeout: 20_000 })
    await page.locator('.mw-step--1 .mw-input input').nth(1).fill('13912345678')
    await page.locator('.mw-terms .nut-checkbox').click()
    await page.locator('.mw-next').click()
    await page.locator('.mw-step--2').waitFor()
    serialNo = (await page.locator('.mw-head__serial').innerText()).replace(/\D/g, '')
    expect(serialNo).toMatch(/^\d{15}$/)

    await page.locator('[data-field="idNumber"] input').fill(worker.idNumber)
    await page.locator('[data-field="name"] input').fill(worker.name)
    await page.locator('[data-field="insuranceTypes"] .mw-chip[data-value="UNEMPLOYMENT"]').click()
    await page.locator('[data-field="insuranceTypes"] .mw-chip[data-value="WORK_INJURY"]').click()
    await pickFirst(page, 'changeDate')
    await page.locator('[data-field="monthlyWage"] input').fill('6500')
    await page.locator('.mw-add').click()
    await page.locator('.mw-items .mw-card-title', { hasText: '已添加人员（1）' }).waitFor({ timeout: 15_000 })
  })

  it('attaches a material photo through the file input and sees its thumbnail', async () => {
    const { page } = clerk
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .composite([{ input: Buffer.from('<svg width="800" height="600"><rect x="100" y="100" width="600" height="400" fill="white"/><text x="400" y="320" font-size="60" text-anchor="middle">审批件</text></svg>'), top: 0, left: 0 }])
      .jpeg({ quality: 85 })
      .toBuffer()
    const slot = page.locator('.mw-slot[data-code="APPROVAL"]')
    await slot.scrollIntoViewIfNeeded()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), slot.locator('.mw-slot__add').click()])
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/cases/${serialNo}/materials`) && r.request().method() === 'POST', { timeout: 20_000 }),
      chooser.setFiles({ name: '审批件.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    ])
    const thumb = slot.locator('.mw-thumb img, img.mw-thumb').first()
    await thumb.waitFor({ timeout: 15_000 })
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0)
    await slot.scrollIntoViewIfNeeded()
    await screenshot(page, 'report-material-thumbnail')
  })

  it('step 3: 预览申报表 opens the generated PDF (预览, 未提交), then 确认提交 and 打印相关表单', async () => {
    const { page } = clerk
    await page.locator('.mw-step--2 .mw-next').click()
    await page.locator('.mw-step--3').waitFor()
    await page.locator('.mw-preview').scrollIntoViewIfNeeded()
    await screenshot(page, 'report-step3-confirm')
    const { status, contentType, pdf } = await openReport(page, '.mw-preview', serialNo)
    expect(status).toBe(200)
    expect(contentType).toBe('application/pdf')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const t = await pdfText(pdf)
    expect(t).toContain('在职职工险种增加申报表')
    expect(t).toContain('预览')
    expect(t).toContain(worker.idNumber)
    expect(t).toContain('险种变更审批件')
    expect(t).toContain('已上传1张')

    await page.locator('.mw-submit').click()
    await page.locator('.mw-result__no').waitFor({ timeout: 20_000 })
    await expect(page.locator('.mw-result__no').innerText()).resolves.toBe(serialNo)
    await screenshot(page, 'report-result')
    const printed = await openReport(page, '.mw-print', serialNo)
    expect(printed.status).toBe(200)
    const pt = await pdfText(printed.pdf)
    expect(pt).not.toContain('预览')
    expect(pt).toContain('办件状态：已提交')
    expect(clerk.problems).toEqual([])
  })

  it('打印相关表单 from the case record', async () => {
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-matters/pages/record/index?serialNo=${serialNo}`)
    await page.locator('.mr-print').waitFor({ timeout: 20_000 })
    await expect(page.locator('.mr-print').innerText()).resolves.toContain('打印相关表单')
    await page.locator('.mr-print').scrollIntoViewIfNeeded()
    await screenshot(page, 'report-record')
    const { status, pdf } = await openReport(page, '.mr-print', serialNo)
    expect(status).toBe(200)
    expect(await pdfText(pdf)).toContain('打印时间')
    expect(clerk.problems).toEqual([])
  })

  it('the reviewer sees the material in the case detail and opens 查看申报表', async () => {
    desk = await launch(DESKTOP)
    const { page } = desk
    await page.goto(`${bff.baseUrl}/#/pkg-review/pages/index/index`)
    await page.locator('.rv-signin__card').waitFor({ timeout: 20_000 })
    await page.locator('.rv-signin__input input').nth(0).fill(reviewer.username)
    await page.locator('.rv-signin__input input').nth(1).fill(PASSWORD)
    await page.locator('.rv-signin__submit').click()
    const row = page.locator(`.rv-table__row[data-serial="${serialNo}"]`)
    await row.waitFor({ timeout: 20_000 })
    await row.locator('.rv-open').click()
    const slot = page.locator('.rv-detail .mw-slot[data-code="APPROVAL"]')
    await slot.waitFor({ timeout: 20_000 })
    const thumb = slot.locator('.mw-thumb img, img.mw-thumb').first()
    await thumb.waitFor({ timeout: 15_000 })
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0)
    await screenshot(page, 'report-review-detail')
    const { status, contentType, pdf } = await openReport(page, '.rv-report__open', serialNo)
    expect(status).toBe(200)
    expect(contentType).toBe('application/pdf')
    const t = await pdfText(pdf)
    expect(t).toContain('在职职工险种增加申报表')
    expect(t).toContain(unit.name)
    expect(t).not.toContain('预览')
    expect(desk.problems).toEqual([])
  })
})

describe('单位一般信息变更: the legal representative edits clerks and bank accounts in the wizard', () => {
  let rep: BrowserSession
  let extraClerkId = 0
  const newClerk = { name: '新增经办', idNumber: '', phone: '13811112222', department: '财务部' }

  beforeAll(async () => {
    newClerk.idNumber = freshIdNumber()
    const extra = await bff.prisma.unitClerk.create({ data: { unitId: unit.id, name: '待删经办', idNumber: freshIdNumber(), phone: '13622223333', department: '行政部' } })
    extraClerkId = extra.id
    rep = await clerkPhone(unit.legalRepToken, unit.legalRep)
  })
  afterAll(async () => {
    await rep?.close()
  })

  it('modifies, removes and adds clerks, adds a bank account, submits, and the register changes', async () => {
    const { page } = rep
    await page.goto(`${bff.baseUrl}/#/pkg-matters/pages/index/index`)
    await page.locator('.mw-matter', { hasText: '单位一般信息变更登记' }).click()
    await page.locator('.mw-step--1').waitFor({ timeout: 20_000 })
    await page.locator('.mw-step--1 .mw-input input').nth(1).fill('13912345678')
    await page.locator('.mw-terms .nut-checkbox').click()
    await page.locator('.mw-next').click()
    await page.locator('.mw-step--2').waitFor()
    const clerks = page.locator('.mw-list[data-list="clerks"]')
    await clerks.locator('.mw-list__item').nth(2).waitFor({ timeout: 15_000 })

    // 修改: the ordinary clerk's phone.
    const target = await bff.prisma.unitClerk.findFirstOrThrow({ where: { unitId: unit.id, personId: unit.clerk.id } })
    await clerks.locator(`.mw-list__item[data-id="${target.id}"] .mw-list__modify`).click()
    await clerks.locator('[data-field="clerks.phone"] input').fill('13700001111')
    await clerks.locator('.mw-list__confirm').click()
    await clerks.locator(`.mw-list__item[data-id="${target.id}"]`, { hasText: '修改为 手机号码：13700001111' }).waitFor()
    // 删除: the extra clerk.
    await clerks.locator(`.mw-list__item[data-id="${extraClerkId}"] .mw-list__remove`).click()
    await clerks.locator(`.mw-list__item[data-id="${extraClerkId}"]`, { hasText: '待删除' }).waitFor()
    // 添加: a new clerk.
    await clerks.locator('.mw-list__add').click()
    await clerks.locator('[data-field="clerks.name"] input').fill(newClerk.name)
    await clerks.locator('[data-field="clerks.idNumber"] input').fill(newClerk.idNumber)
    await clerks.locator('[data-field="clerks.phone"] input').fill(newClerk.phone)
    await clerks.locator('[data-field="clerks.department"] input').fill(newClerk.department)
    await clerks.locator('.mw-list__confirm').click()
    await clerks.locator('.mw-list__item.is-new', { hasText: newClerk.name }).waitFor()

    // A refund account bound to 失业 and 工伤.
    const banks = page.locator('.mw-list[data-list="bankAccounts"]')
    await banks.locator('.mw-list__add').click()
    await pickFirst(page, 'bankAccounts.purpose')
    await pickFirst(page, 'bankAccounts.bankCategory')
    await banks.locator('[data-field="bankAccounts.bankName"] input').fill('中国工商银行宜昌分行')
    await banks.locator('[data-field="bankAccounts.accountName"] input').fill(unit.name)
    await banks.locator('[data-field="bankAccounts.accountNumber"] input').fill('6222020000555566667')
    await banks.locator('[data-field="bankAccounts.insuranceTypes"] .mw-chip[data-value="UNEMPLOYMENT"]').click()
    await banks.locator('[data-field="bankAccounts.insuranceTypes"] .mw-chip[data-value="WORK_INJURY"]').click()
    await banks.locator('.mw-list__form').scrollIntoViewIfNeeded()
    await screenshot(page, 'unit-info-bank-form')
    await banks.locator('.mw-list__confirm').click()
    await banks.locator('.mw-list__item.is-new', { hasText: '中国工商银行宜昌分行' }).waitFor()
    await screenshot(page, 'unit-info-lists')

    await page.locator('.mw-step--2 .mw-next').click()
    await page.locator('.mw-step--3').waitFor({ timeout: 15_000 })
    const changes = await page.locator('.mw-changes').innerText()
    for (const s of ['修改经办人', '137****1111', '删除经办人', '待删经办', '新增经办人', newClerk.name, '新增银行账户', '失业、工伤']) expect(changes, s).toContain(s)
    await screenshot(page, 'unit-info-confirm')
    await page.locator('.mw-submit').click()
    await page.locator('.mw-result__no').waitFor({ timeout: 20_000 })
    await expect(page.locator('.mw-result__message').innerText()).resolves.toContain('该业务已成功办结')

    const active = await bff.prisma.unitClerk.findMany({ where: { unitId: unit.id, active: true } })
    expect(active.map((c) => c.name).sort()).toEqual([unit.legalRep.name, unit.clerk.name, newClerk.name].sort())
    expect(active.find((c) => c.id === target.id)?.phone).toBe('13700001111')
    const accounts = await bff.prisma.bankAccount.findMany({ where: { unitId: unit.id, active: true } })
    expect(accounts).toEqual([expect.objectContaining({ purpose: 'REFUND', accountNumber: '6222020000555566667', insuranceTypes: ['UNEMPLOYMENT', 'WORK_INJURY'] })])
    expect(rep.problems).toEqual([])
  })
})
