// H5 end-to-end for proofs (issue 5), in Debian's Chromium against the BFF serving the H5 build:
// a signed-in person issues a 参保证明 on the phone and opens its PDF (a blob in a new tab); the test takes the PDF,
// renders its first page and decodes the QR (server side, poppler + jsqr), then opens that URL in a fresh browser
// context with nobody signed in and sees 真实有效 with the signature check; typing the 授权码 works too; after the
// owner voids it the page says 已作废. A unit clerk picks staff in the multi-select and issues a 单位参保证明.
// Screenshots and the rendered PDF page go to test/artifacts/ (gitignored).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatAuthCode, maskName } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCertificates } from '../../bff/src/modules/certificates/routes.ts'
import { api, startBff, type RunningBff } from '../helpers/bff'
import { launch, PHONE, screenshot, type BrowserSession } from '../helpers/browser'
import { createCertFixtures, decodeQr, renderPage, saveArtifact, type CertFixtures } from '../api/cert-fixtures'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// H5_DIST_DIR (as the BFF reads it) lets a run use its own build
const H5_INDEX = path.join(process.env.H5_DIST_DIR || path.join(ROOT, 'miniapp', 'dist-h5'), 'index.html')

let bff: RunningBff
let fx: CertFixtures

beforeAll(async () => {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`${H5_INDEX} is missing: run \`npm run build:h5\` first`)
  bff = await startBff()
  fx = await createCertFixtures(bff.prisma, bff.deps.keys)
})
afterAll(async () => {
  await closeCertificates()
  await fx?.cleanup()
  await bff?.close()
})

/** Sign the browser in by putting the session where the app keeps it (Taro H5 storage: JSON `{ data }`). */
async function signedIn(token: string, user: { id: string; role: 'PERSON' | 'UNIT'; name: string; unitName?: string }): Promise<BrowserSession> {
  const s = await launch(PHONE)
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

describe('a person issues a proof on H5 and anyone verifies it from the QR', () => {
  let person: BrowserSession
  let verifier: BrowserSession
  let code = ''
  let qrUrl = ''

  beforeAll(async () => {
    person = await signedIn(fx.tokens.worker, { id: `p${fx.worker.id}`, role: 'PERSON', name: maskName(fx.worker.name) })
  })
  afterAll(async () => {
    await person?.close()
    await verifier?.close()
  })

  it('证明 tab lists what the person can issue; the 参保证明 form issues and the PDF opens in a new tab', async () => {
    const { page, context } = person
    await page.goto(`${bff.baseUrl}/#/pages/certs/index`)
    await page.getByText('参保证明', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect(page.getByText('仅退休人员可开具').first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'cert-tab')
    await page.locator('.nut-cell', { has: page.getByText('参保证明', { exact: true }) }).first().click()
    await page.locator('.issue__title').waitFor({ timeout: 20_000 })
    await expect(page.locator('.issue__title').innerText()).resolves.toBe('参保证明（缴费明细）')
    await page.locator('.issue__chip', { hasText: '购房' }).click()
    await screenshot(page, 'cert-issue-form')
    await page.locator('.issue__submit .nut-button').click()
    await page.locator('.issue__done-title', { hasText: '证明已开具' }).waitFor({ timeout: 30_000 })
    code = (await page.locator('.issue__code').innerText()).trim()
    expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/)
    await screenshot(page, 'cert-issued')
    const [tab] = await Promise.all([context.waitForEvent('page'), page.locator('.issue__btn', { hasText: '打开证明 PDF' }).click()])
    await tab.waitForURL(/^blob:/, { timeout: 20_000 })
    await tab.close()
    expect(person.problems).toEqual([])
  })

  it('the QR in the issued PDF decodes to the verification URL with this code', async () => {
    const mine = await api(bff.baseUrl, { token: fx.tokens.worker }).get('/api/certificates')
    const row = mine.body.items[0]
    expect(row.codeTail).toBe(code.replace(/ /g, '').slice(-4))
    const res = await fetch(new URL(row.pdfPath, bff.baseUrl), { headers: { authorization: `Bearer ${fx.tokens.worker}` } })
    const pdf = Buffer.from(await res.arrayBuffer())
    const png = await renderPage(pdf, 1, 150)
    saveArtifact('cert-e2e-pdf-page1.png', png)
    const qr = await decodeQr(png)
    expect(qr).not.toBeNull()
    qrUrl = qr!.text
    expect(qrUrl.startsWith(`${bff.baseUrl}/#/pkg-verify/pages/index/index?c=${code.replace(/ /g, '')}&t=`)).toBe(true)
  })

  it('opened in a fresh context (nobody signed in): 真实有效, the signature matches, the holder masked', async () => {
    verifier = await launch(PHONE)
    const { page } = verifier
    await page.goto(qrUrl)
    await page.locator('.verify__verdict').waitFor({ timeout: 20_000 })
    await expect(page.locator('.verify__verdict').innerText()).resolves.toBe('真实有效')
    await expect(page.locator('.verify__result--valid').isVisible()).resolves.toBe(true)
    await expect(page.locator('.verify__token').innerText()).resolves.toContain('二维码签名有效，内容与存档一致')
    const facts = await page.locator('.verify__facts').innerText()
    expect(facts).toContain('湖北省社会保险参保证明（个人缴费明细）')
    expect(facts).toContain(maskName(fx.worker.name))
    expect(facts).toContain(`${fx.worker.idNumber.slice(0, 3)}***********${fx.worker.idNumber.slice(-4)}`)
    expect(facts).not.toContain(fx.worker.idNumber)
    expect(facts).toContain('购房')
    await expect(page.evaluate(() => localStorage.getItem('sb.session.access'))).resolves.toBeNull()
    await screenshot(page, 'cert-verify-valid')
    expect(verifier.problems).toEqual([])
  })

  it('typing the 授权码 (lower case, no spaces) verifies too, without a signature check', async () => {
    const { page } = verifier
    await page.goto(`${bff.baseUrl}/#/pkg-verify/pages/index/index`)
    await page.locator('.verify__input input').waitFor({ timeout: 20_000 })
    await page.locator('.verify__input input').fill(code.replace(/ /g, '').toLowerCase())
    await page.locator('.verify__submit').click()
    await expect.poll(() => page.locator('.verify__verdict').innerText(), { timeout: 20_000 }).toBe('真实有效')
    await expect(page.locator('.verify__token').innerText()).resolves.toContain('未核验二维码签名')
    await page.locator('.verify__input input').fill('ZZZZ ZZZZ ZZZZ ZZZZ')
    await page.locator('.verify__submit').click()
    await expect.poll(() => page.locator('.verify__verdict').innerText(), { timeout: 20_000 }).toBe('未找到')
    await screenshot(page, 'cert-verify-not-found')
    expect(verifier.problems).toEqual([])
  })

  it('after the owner voids it in 我的证明, the QR page says 已作废', async () => {
    const { page } = person
    await page.goto(`${bff.baseUrl}/#/pkg-cert/pages/mine/index`)
    await page.locator('.mine-certs__item').first().waitFor({ timeout: 20_000 })
    await screenshot(page, 'cert-mine')
    await page.locator('.mine-certs__item').first().locator('.nut-button', { hasText: '作废' }).click()
    await page.locator('.mine-certs__reason textarea').fill('用途变更，重新开具')
    await page.locator('.nut-dialog-footer .nut-button', { hasText: '确认作废' }).click()
    await expect.poll(() => page.locator('.mine-certs__item').first().locator('.mine-certs__state').innerText(), { timeout: 20_000 }).toBe('已作废')
    const v = verifier.page
    await v.goto(qrUrl)
    await v.reload()
    await expect.poll(() => v.locator('.verify__verdict').innerText(), { timeout: 20_000 }).toBe('已作废')
    await expect(v.locator('.verify__facts').innerText()).resolves.toContain('用途变更，重新开具')
    await screenshot(v, 'cert-verify-revoked')
    expect(person.problems).toEqual([])
  })
})

describe('a unit clerk issues a 单位参保证明 with the staff multi-select', () => {
  let clerk: BrowserSession
  afterAll(async () => {
    await clerk?.close()
  })

  it('search, tick two staff, issue: the proof lists exactly them', async () => {
    clerk = await signedIn(fx.tokens.clerk, { id: `p${fx.clerk.id}`, role: 'UNIT', name: maskName(fx.clerk.name), unitName: fx.unit.name })
    const { page } = clerk
    await page.goto(`${bff.baseUrl}/#/pkg-cert/pages/issue/index?type=UNIT_INSURANCE`)
    await page.locator('.staff__row').first().waitFor({ timeout: 20_000 })
    await page.locator('.nut-radio', { hasText: '六个月' }).click()
    const [a, b] = [fx.staff[4]!, fx.staff[7]!]
    for (const p of [a, b]) {
      await page.locator('.staff__search input').fill(p.personNo)
      await page.locator('.staff__search .nut-button').click()
      await expect.poll(() => page.locator('.staff__row').count(), { timeout: 20_000 }).toBe(1)
      await page.locator('.staff__row', { hasText: p.name }).click()
    }
    await expect(page.locator('.staff__count').innerText()).resolves.toBe('已选 2 人')
    await expect(page.locator('.issue__line').innerText()).resolves.toMatch(/缴费期间 \d{4}年\d{2}月 至 \d{4}年\d{2}月/)
    await screenshot(page, 'cert-unit-staff')
    await page.locator('.issue__submit .nut-button').click()
    await page.locator('.issue__done-title', { hasText: '证明已开具' }).waitFor({ timeout: 30_000 })
    const typed = (await page.locator('.issue__code').innerText()).trim()
    const check = await api(bff.baseUrl).post('/api/verify', { body: { code: typed } })
    expect(check.body.result).toBe('VALID')
    expect(check.body.certificate.details).toContainEqual({ label: '列明人员', value: '2人' })
    expect(formatAuthCode(typed)).toBe(typed)
    expect(clerk.problems).toEqual([])
  })
})
