// Entry point: read config, open the database, listen; graceful shutdown on SIGINT/SIGTERM.
import http from 'node:http'
import type { Socket } from 'node:net'
import { createApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createPrisma } from './db/client.ts'
import { createLogger } from './http/logger.ts'

const SHUTDOWN_GRACE_MS = 10_000

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(78) // EX_CONFIG
    }
    throw err
  }
  const logger = createLogger({ level: config.logLevel })
  const prisma = createPrisma(config.databaseUrl, { poolSize: config.dbPoolSize })
  const { app, deps, site, unmounted, drain, close } = createApp({ config, prisma, logger })
  if (unmounted.length) logger.warn({ routes: unmounted }, `${unmounted.length} registry routes are not served yet`)

  const server = http.createServer(app.callback())
  server.keepAliveTimeout = 65_000 // longer than typical proxy idle timeouts
  server.headersTimeout = 66_000
  server.requestTimeout = 120_000

  // Track connections so shutdown can close idle keep-alive sockets at once and the busy ones when done.
  const sockets = new Set<Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : config.port
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  logger.info(
    { url, publicBaseUrl: config.publicBaseUrl, h5: site.hasBuild() ? site.distDir : 'not built', keyId: deps.keys.kid, keySource: deps.keys.source },
    `掌上社保 BFF listening on ${url}`
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests')
    const force = setTimeout(() => {
      logger.warn({ open: sockets.size }, `requests still running after ${SHUTDOWN_GRACE_MS} ms: closing them`)
      for (const s of sockets) s.destroy()
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    drain() // SSE streams and long-polls answer now instead of holding the shutdown
    // A keep-alive connection whose request finishes meanwhile is idle: close it then, not when the grace runs out.
    server.closeIdleConnections()
    const idle = setInterval(() => server.closeIdleConnections(), 50)
    idle.unref()
    await closed
    clearInterval(idle)
    clearTimeout(force)
    // Then what the modules hold (certificates: batched verification log + its raw pool; person: its raw pool),
    // the session cache, and Prisma's pool last.
    try {
      await close()
    } catch (err) {
      logger.warn({ err }, 'releasing module resources failed')
    }
    try {
      await prisma.$disconnect()
    } catch (err) {
      logger.warn({ err }, 'prisma disconnect failed')
    }
    logger.info('stopped')
    logger.flush()
    // Give the async log destination a moment to drain.
    setTimeout(() => process.exit(0), 50)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((err) => {
  console.error('BFF failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
