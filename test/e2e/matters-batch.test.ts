// H5 end-to-end for the case engine UI (issue 6): a unit clerk opens 单位职工参保登记/续保 (增员) on the phone, goes
// through 服务说明 (申报人 pre-filled, 手机号码, terms), switches to 批量添加, downloads the template from the app,
// fills it (exceljs) with two new employees and one with a bad ID checksum, sees the failed row with its column and
// reason, fixes the file and re-uploads, saves the passed rows, submits (确认提交) and gets a 15-digit 业务流水号;
// a reviewer signs in on the desktop workbench, finds the case in the queue, opens it and approves it; the two
// employees are then enrolled (database) and the clerk's 办件记录 shows 办结. Screenshots in test/artifacts/.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { maskName } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReviewer } from '../../bff/src/modules/identity/create-reviewer.ts'
import { startBff, type RunningBff } from '../helpers/bff'
import { DESKTOP, launch, PHONE, screenshot, type BrowserSession } from '../helpers/browser'
import { badChecksum, CaseFixtures, type UnitFx } from '../api/cases-fixtures'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// H5_DIST_DIR (as the BFF reads it) lets a run use its own build
const H5_INDEX = path.join(process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5'), 'index.html')
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** The app's danger colour ($danger in miniapp/src/styles/_tokens.scss). */
const DANGER = 'rgb(203, 38, 52)'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let reviewer: { id: number; username: string }
const PASSWORD = 'Review-Pass-2024!'

beforeAll(async () => {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`${H5_INDEX} is missing: run \`npm run build:h5\` first`)
  bff = await startBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  reviewer = await createReviewer(bff.prisma, { username: `e2e_rev_${fx.tag.toLowerCase()}`, name: '审核员乙', password: PASSWORD })
})
afterAll(async () => {
  if (reviewer) {
    await bff.prisma.session.deleteMany({ where: { reviewerId: reviewer.id } })
  }
  await fx?.cleanup()
  if (reviewer) await bff.prisma.reviewer.delete({ where: { id: reviewer.id } }).catch(() => undefined)
  await bff?.close()
})

/** Fill the downloaded template: data from row 6 (under the worked example and the instruction line). */
async function fill(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ArrayBuffer)
  const ws = wb.worksheets[0] as ExcelJS.Worksheet
  rows.forEach((cells, i) => {
    const row = ws.getRow(6 + i)
    cells.forEach((v, j) => {
      if (v !== '') row.getCell(j + 1).value = v
    })
    row.commit()
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('增员 by batch file → center review → enrolled', () => {
  let clerk: BrowserSession
  let desk: BrowserSession
  let serialNo = ''
  const workStart = `${String(new Date().getFullYear())}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`
  const people = [
    { id: '', name: '批量甲' },
    { id: '', name: '批量乙' }
  ]
  const row = (seq: number, id: string, name: string) => [String(seq), unit.unitNo, unit.name, id, name, '01 汉族', workStart, '6000', '√', '√', '√', '13900001111']

  beforeAll(async () => {
    for (const p of people) p.id = fx.newcomerId(1990)
    clerk = await launch(PHONE)
    const user = { id: `p${unit.clerk.id}`, role: 'UNIT', name: maskName(unit.clerk.name), unitName: unit.name }
    await clerk.context.addInitScript(
      ([access, u]) => {
        localStorage.setItem('sb.session.access', JSON.stringify({ data: access }))
        localStorage.setItem('sb.session.refresh', JSON.stringify({ data: 'none' }))
        localStorage.setItem('sb.session.user', JSON.stringify({ data: u }))
      },
      [unit.clerkToken, user] as const
    )
  })
  afterAll(async () => {
    await clerk?.close()
    await desk?.close()
  })

  it('step 1 服务说明: 申报人 pre-filled, phone and terms required, creates the draft', async () => {
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-matters/pages/index/index`)
    await page.locator('.mw-matter', { hasText: '单位职工参保登记/续保' }).click()
    await page.locator('.mw-step--1').waitFor({ timeout: 20_000 })
    await expect(page.locator('.mw-desc__text').innerText()).resolves.toContain('为参保单位新增人员办理参保/续保登记')
    const inputs = page.locator('.mw-step--1 .mw-input input')
    await expect(inputs.nth(0).inputValue()).resolves.toBe(maskName(unit.clerk.name))
    // without the terms ticked nothing is created
    await inputs.nth(1).fill('13912345678')
    await page.locator('.mw-next').click()
    await page.getByText('请先阅读服务说明并勾选同意').waitFor()
    await page.locator('.mw-terms .nut-checkbox').click()
    await screenshot(page, 'matters-step1')
    await page.locator('.mw-next').click()
    await page.locator('.mw-step--2').waitFor()
    serialNo = (await page.locator('.mw-head__serial').innerText()).replace(/\D/g, '')
    expect(serialNo).toMatch(/^\d{15}$/)
  })

  it('step 2 批量添加: template download, a failed row with column and reason, fix, re-upload, save', async () => {
    const { page } = clerk
    // switching the mode is saved on the draft (PUT); wait for it before using the batch buttons
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/cases/${serialNo}`) && r.request().method() === 'PUT'),
      page.locator('.mw-modes__item', { hasText: '批量添加' }).click()
    ])
    await page.locator('.mw-batch__template').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.mw-batch__template').click()])
    expect(download.suggestedFilename()).toBe('在职职工增员申报表.xlsx')
    const template = fs.readFileSync((await download.path()) as string)

    const bad = badChecksum(fx.newcomerId(1991))
    const first = await fill(template, [row(1, people[0]!.id, people[0]!.name), row(2, people[1]!.id, people[1]!.name), row(3, bad, '校验错')])
    const pick = async (buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.mw-batch__pick').click()])
      await chooser.setFiles({ name: '增员.xlsx', mimeType: XLSX, buffer })
      await page.locator('.mw-batch__file', { hasText: '增员.xlsx' }).waitFor()
    }
    await pick(first)
    await page.locator('.mw-batch__check').click()
    const failed = page.locator('.mw-valid__failed')
    await failed.waitFor()
    const failedText = await failed.innerText()
    expect(failedText).toContain('8') // Excel row 8 (6 + 2)
    expect(failedText).toContain('身份证号码')
    expect(failedText).toMatch(/校验/)
    await expect(page.locator('.mw-valid__passed').innerText()).resolves.toContain(people[0]!.name)
    await failed.scrollIntoViewIfNeeded()
    await screenshot(page, 'matters-batch-validation-failed')

    // fix: drop the bad row and re-upload
    await pick(await fill(template, [row(1, people[0]!.id, people[0]!.name), row(2, people[1]!.id, people[1]!.name)]))
    await page.locator('.mw-batch__check').click()
    await page.locator('.mw-valid__save', { hasText: '2' }).waitFor()
    await expect(page.locator('.mw-valid__failed').count()).resolves.toBe(0)
    await page.locator('.mw-valid__save').click()
    await page.locator('.mw-items .mw-card-title', { hasText: '已添加人员（2）' }).waitFor()
    await screenshot(page, 'matters-step2-saved')
  })

  it('step 3 确认提交 → result with the 15-digit 业务流水号', async () => {
    const { page } = clerk
    await page.locator('.mw-step--2 .mw-next').click()
    await page.locator('.mw-step--3').waitFor()
    await expect(page.locator('.mw-confirm').innerText()).resolves.toContain('2 人')
    await screenshot(page, 'matters-step3-confirm')
    await page.locator('.mw-submit').click()
    await page.locator('.mw-result__no').waitFor()
    await expect(page.locator('.mw-result__no').innerText()).resolves.toBe(serialNo)
    await expect(page.locator('.mw-result__message').innerText()).resolves.toContain('申报成功，请等待管理单位审核')
    await screenshot(page, 'matters-result')
    // before review the case can still be withdrawn: 撤销 is an active button (our red, not NutUI's faded pink)
    await page.getByRole('button', { name: '查看办件记录' }).click()
    const withdraw = page.locator('.taro_router > .taro_page:last-child').getByRole('button', { name: '撤销' })
    await withdraw.waitFor({ timeout: 20_000 })
    await expect(withdraw.getAttribute('class')).resolves.not.toContain('nut-button-disabled')
    await expect(withdraw.evaluate((el) => getComputedStyle(el).color)).resolves.toBe(DANGER)
    await withdraw.scrollIntoViewIfNeeded()
    await screenshot(page, 'matters-record-submitted')
    expect(clerk.problems).toEqual([])
  })

  it('the reviewer signs in on the desktop workbench, opens the case and approves it', async () => {
    desk = await launch(DESKTOP)
    const { page } = desk
    await page.goto(`${bff.baseUrl}/#/pkg-review/pages/index/index`)
    // not signed in → the sign-in page
    await page.locator('.rv-signin__card').waitFor({ timeout: 20_000 })
    await page.locator('.rv-signin__input input').nth(0).fill(reviewer.username)
    await page.locator('.rv-signin__input input').nth(1).fill(PASSWORD)
    await screenshot(page, 'review-sign-in')
    await page.locator('.rv-signin__submit').click()
    const row = page.locator(`.rv-table__row[data-serial="${serialNo}"]`)
    await row.waitFor({ timeout: 20_000 })
    await expect(row.innerText()).resolves.toContain('单位职工参保登记/续保')
    await screenshot(page, 'review-queue')
    await row.locator('.rv-open').click()
    await page.locator('.rv-approve').waitFor()
    const main = await page.locator('.rv-detail__main').innerText()
    expect(main).toContain(people[0]!.name)
    expect(main).toContain(people[1]!.name)
    // 退回 is a solid red button, as active as 审核通过 beside it
    await expect(page.getByRole('button', { name: '退回' }).evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(DANGER)
    await screenshot(page, 'review-detail')
    await page.getByRole('button', { name: '审核通过' }).click()
    await page.locator('.rv-detail .mw-status', { hasText: '办结' }).waitFor()
    await screenshot(page, 'review-detail-approved')
    expect(desk.problems).toEqual([])
  })

  it('the two employees are enrolled and the clerk’s 办件记录 shows 办结', async () => {
    for (const p of people) {
      const person = await bff.prisma.person.findFirst({ where: { idNumber: p.id }, select: { id: true } })
      expect(person, p.name).not.toBeNull()
      const active = await bff.prisma.enrolment.findMany({ where: { personId: person!.id, unitId: unit.id, status: 'ACTIVE' } })
      expect(active.map((e) => e.insuranceType).sort()).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    }
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-matters/pages/records/index`)
    const item = page.locator(`.mr-item[data-serial="${serialNo}"]`)
    await item.waitFor({ timeout: 20_000 })
    await expect(item.innerText()).resolves.toContain('办结')
    await item.click()
    await page.locator('.mw-timeline').waitFor()
    await expect(page.locator('.mw-timeline').innerText()).resolves.toMatch(/审核通过|办结/)
    await screenshot(page, 'matters-record-detail')
    expect(clerk.problems).toEqual([])
  })
})
