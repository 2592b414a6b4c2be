// Prisma client factory: the generated client (prisma-client generator → ./generated, gitignored; run
// `npm run prisma:generate`) over the MariaDB driver adapter, which also speaks to MySQL 8.
import { PrismaMariaDb } from '@prisma/adapter-mariadb'
import { PrismaClient } from './generated/client.ts'

export { PrismaClient, Prisma } from './generated/client.ts'
export type Db = PrismaClient

export interface PrismaOptions {
  /** Connections in the pool (DB_POOL_SIZE). */
  poolSize?: number
}

/** The pool settings we derive (a subset of mariadb's PoolConfig; the adapter pins its own mariadb version). */
export interface PoolSettings {
  host: string
  port: number
  user: string
  password?: string
  database: string
  socketPath?: string
  ssl?: boolean | { rejectUnauthorized: boolean }
  allowPublicKeyRetrieval?: boolean
  connectionLimit: number
  connectTimeout: number
  acquireTimeout: number
}

/** mysql://user:pass@host:port/db?ssl=true&socket=/path → mariadb pool settings. */
export function poolConfigFromUrl(databaseUrl: string, poolSize = 10): PoolSettings {
  const url = new URL(databaseUrl)
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must be mysql:// or mariadb://, got ${url.protocol}`)
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!database) throw new Error('DATABASE_URL names no database (mysql://user:pass@host:port/<db>)')
  const cfg: PoolSettings = {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    database,
    connectionLimit: poolSize,
    // Fail fast when the database is down, so /api/ready answers 503 quickly instead of hanging.
    connectTimeout: 3_000,
    acquireTimeout: 5_000
  }
  if (url.password) cfg.password = decodeURIComponent(url.password)
  const p = url.searchParams
  const socket = p.get('socket') ?? p.get('socketPath')
  if (socket) cfg.socketPath = socket
  const ssl = p.get('ssl') ?? p.get('sslaccept')
  if (ssl === 'true' || ssl === 'strict' || ssl === 'accept_invalid_certs') {
    cfg.ssl = ssl === 'accept_invalid_certs' ? { rejectUnauthorized: false } : true
  }
  if (p.get('allowPublicKeyRetrieval') === 'true') cfg.allowPublicKeyRetrieval = true
  const limit = p.get('connection_limit') ?? p.get('connectionLimit')
  if (limit && /^\d+$/.test(limit)) cfg.connectionLimit = Number(limit)
  return cfg
}

export function createPrisma(databaseUrl: string, opts: PrismaOptions = {}): PrismaClient {
  const cfg = poolConfigFromUrl(databaseUrl, opts.poolSize ?? 10)
  const adapter = new PrismaMariaDb(cfg, { database: cfg.database })
  return new PrismaClient({ adapter })
}
