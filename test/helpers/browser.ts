// Debian's Chromium driven by playwright-core, for the H5 end-to-end tests (test/e2e).
// Never downloads a browser: /usr/bin/chromium (apt) or $CHROMIUM_PATH. Each launch gets a fresh profile that is
// deleted on close. Page errors, console errors and failed requests to our own host are collected so a test can
// fail on them (requests to other hosts fail offline by design and are ignored).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ARTIFACTS_DIR = path.join(ROOT, 'test', 'artifacts')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface Viewport {
  width: number
  height: number
  deviceScaleFactor: number
  isMobile: boolean
  hasTouch: boolean
}

/** A phone (375×667 CSS px at 2×, like an iPhone 8). */
export const PHONE: Viewport = { width: 375, height: 667, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
/** The PC web hall at a common laptop size. */
export const DESKTOP: Viewport = { width: 1366, height: 768, deviceScaleFactor: 1, isMobile: false, hasTouch: false }

export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Uncaught page errors, console errors, and failed requests to the app's own host. */
  problems: string[]
  close(): Promise<void>
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** `opts.args`: extra Chromium switches (e.g. a fake camera for the H5 QR scanner). */
export async function launch(viewport: Viewport = PHONE, opts: { locale?: string; args?: string[] } = {}): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei`)
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-chromium-'))
  const { width, height, ...device } = viewport
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...ARGS, ...(opts.args ?? [])],
      viewport: { width, height },
      ...device,
      locale: opts.locale ?? 'zh-CN',
      timezoneId: 'Asia/Shanghai'
    })
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true })
    throw err
  }
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const url = m.location()?.url ?? ''
    if (url && !isLocal(url)) return // e.g. a remote image that cannot load offline
    problems.push(`console.error: ${m.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('requestfailed', (r) => {
    if (!isLocal(r.url())) return
    const reason = r.failure()?.errorText ?? ''
    if (reason === 'net::ERR_ABORTED') return // navigation away from a pending request
    problems.push(`requestfailed: ${r.method()} ${r.url()} ${reason}`)
  })
  return {
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => undefined)
      fs.rmSync(userDataDir, { recursive: true, force: true })
    }
  }
}

function isLocal(url: string): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true
    return LOCAL_HOSTS.has(u.hostname)
  } catch {
    return true
  }
}

/** Full-page screenshot to test/artifacts/<name>.png (gitignored); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Computed font size of the first element matching `selector`, in CSS px. */
export async function fontSizeOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
}
