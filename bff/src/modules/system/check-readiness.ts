// Readiness: can we reach the database right now? (`SELECT 1`, bounded by a timeout.)
import type { ReadyResponse } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'

export interface Readiness {
  body: ReadyResponse
  /** Why it failed: for the log, never for the response. */
  cause?: unknown
}

export async function checkReadiness(prisma: PrismaClient, timeoutMs = 2_000): Promise<Readiness> {
  const start = performance.now()
  const elapsed = () => Math.round(performance.now() - start)
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs)
      })
    ])
    return { body: { status: 'ready', checks: { database: { ok: true, latencyMs: elapsed() } } } }
  } catch (cause) {
    return { body: { status: 'not_ready', checks: { database: { ok: false, latencyMs: elapsed(), error: '数据库不可用' } } }, cause }
  } finally {
    clearTimeout(timer)
  }
}
