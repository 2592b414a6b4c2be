// A raw `mariadb` pool for the public verification path, the one hot path of this module (thousands of requests a
// second, test/bench/certificates.bench.ts): the lookup by code hash and the batched attempt log. Through Prisma the lookup costs ~1.4 ms of CPU (query
// compilation, the adapter's row mapping, prepare/execute/close); through the driver a fraction of that, for the
// same unique-index probe (and a multi-row INSERT for the log costs a fraction of Prisma's createMany). Everything else
// in the module uses Prisma. (modules/person keeps a reader of the same
// shape for its hot query; modules talk only through use cases, so each keeps its own.)
// Connections close after a minute idle, so a finished test run or a shutdown is not held open by it.
import * as mariadb from 'mariadb'
import { poolConfigFromUrl } from '../../db/client.ts'

export interface SqlReader {
  /** Text-protocol statement with `?` placeholders; rows as plain objects (or the OK packet for writes). */
  query<T>(sql: string, values: readonly unknown[]): Promise<T[]>
  close(): Promise<void>
}

export function createSqlReader(databaseUrl: string, poolSize: number): SqlReader {
  let pool: mariadb.Pool | undefined
  return {
    async query<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
      pool ??= mariadb.createPool({
        ...poolConfigFromUrl(databaseUrl, poolSize),
        minimumIdle: 0,
        idleTimeout: 60,
        bigIntAsNumber: true,
        insertIdAsNumber: true,
        // DATETIME(3) columns hold UTC; read them as text and parse as UTC (the driver would assume local time).
        dateStrings: true,
        // JSON columns as text: the caller parses (MariaDB stores JSON as LONGTEXT anyway).
        autoJsonMap: false
      })
      return (await pool.query({ sql, rowsAsArray: false }, values as unknown[])) as T[]
    },
    async close() {
      const p = pool
      pool = undefined
      await p?.end()
    }
  }
}

/** Date → '2024-05-01 08:30:00.000' (UTC, for DATETIME(3) columns). */
export function utcText(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '')
}

/** '2024-05-01 08:30:00.000' (UTC, as stored) → Date. */
export function utc(value: string | Date | null): Date | null {
  if (value === null) return null
  if (value instanceof Date) return value
  return new Date(`${value.replace(' ', 'T')}Z`)
}
