// Graceful shutdown of the real entry point (bff/src/main.ts in its own process): on SIGTERM it stops taking
// connections, ends the scan-login SSE stream and the long-poll that are open (instead of waiting out the 10 s
// grace), writes the certificate verification attempts still batched, closes the modules' raw pools, the session
// cache and Prisma, logs "stopped" and exits 0 — with no error in its log.
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type PrismaClient } from '../../bff/src/db/client.ts'
import { bindingCookieFrom, openSse } from '../helpers/fixtures.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

interface Running {
  child: ChildProcess
  baseUrl: string
  lines: Array<Record<string, unknown>>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

async function startMain(): Promise<Running> {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const child = spawn(process.execPath, [tsxCli, path.join(ROOT, 'bff/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug', JWT_PRIVATE_KEY_PEM: pem, DB_POOL_SIZE: '3' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: Array<Record<string, unknown>> = []
  let buf = ''
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += String(c)))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main.ts did not start: ${stderr}`)), 30_000)
    child.stdout?.on('data', (c: Buffer) => {
      buf += String(c)
      let i: number
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        try {
          const obj = JSON.parse(line) as Record<string, unknown>
          lines.push(obj)
          if (typeof obj['url'] === 'string' && String(obj['msg']).includes('listening')) {
            clearTimeout(timer)
            resolve(obj['url'] as string)
          }
        } catch {
          /* not a log line */
        }
      }
    })
    void exited.then(() => reject(new Error(`main.ts exited: ${stderr}`)))
  })
  return { child, baseUrl, lines, exited }
}

let prisma: PrismaClient
let main: Running | undefined
const agent = `shutdown-test-${crypto.randomUUID()}`

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL as string, { poolSize: 2 })
  main = await startMain()
})
afterAll(async () => {
  if (main && main.child.exitCode === null) main.child.kill('SIGKILL')
  await prisma.certificateVerification.deleteMany({ where: { userAgent: agent } })
  await prisma.$disconnect()
})

describe('SIGTERM', () => {
  it('ends open streams and long-polls at once, writes the batched verification log, exits 0 with "stopped"', async () => {
    const m = main as Running
    // A PC waiting for a scan: an SSE stream and a long-poll on the same ticket.
    const created = await fetch(`${m.baseUrl}/api/auth/login-tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'PERSON' }) })
    expect(created.status).toBe(201)
    const ticket = (await created.json()) as { ticketId: string; version: number }
    const cookie = bindingCookieFrom(created.headers)
    const sse = await openSse(`${m.baseUrl}/api/auth/login-tickets/${ticket.ticketId}/events`, { cookie })
    expect(sse.status).toBe(200)
    await sse.next((e) => e.event === 'state')
    const poll = fetch(`${m.baseUrl}/api/auth/login-tickets/${ticket.ticketId}?after=${ticket.version}&wait=25`, { headers: { cookie } })
    // Verification attempts (logged in batches), the last ones right before the signal.
    const verifies = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${m.baseUrl}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': agent }, body: JSON.stringify({ code: 'ABCD EFGH JKMN PQRS' }) })
      )
    )
    expect(verifies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])

    const started = Date.now()
    m.child.kill('SIGTERM')
    const polled = await poll
    expect(polled.status).toBe(200) // answered with the state as it is
    await sse.ended
    const exit = await m.exited
    const took = Date.now() - started
    expect(exit).toEqual({ code: 0, signal: null })
    expect(took).toBeLessThan(5000) // not the 10 s grace
    expect(m.lines.some((l) => l['msg'] === 'stopped')).toBe(true)
    expect(m.lines.filter((l) => l['level'] === 'error' || l['level'] === 'fatal')).toEqual([])
    expect(m.lines.some((l) => String(l['msg']).includes('requests still running'))).toBe(false)
    expect(await prisma.certificateVerification.count({ where: { userAgent: agent } })).toBe(5)
  })
})
