// A raw `mariadb` read pool for the one hot query of this module (缴费信息, test/bench/person-contributions.bench.ts).
// Measured on the demo seed: fetching a person's ~150 contribution rows runs ~5× faster through the driver than
// through Prisma (the adapter's per-field typeCast and row mapping, and a prepare/execute/close per statement,
// dominate), while the database side is the same indexed range read. Everything else in the module uses Prisma.
//
// Its own small pool beside Prisma's (same DATABASE_URL, same size). Connections close after a minute idle
// (minimumIdle 0), so a process that is done with the database — a test run, a shutdown — is not held open by it.
import * as mariadb from 'mariadb'
import { poolConfigFromUrl } from '../../db/client.ts'

export interface SqlReader {
  /** Text-protocol query with `?` placeholders; rows as plain objects. */
  query<T>(sql: string, values: readonly unknown[]): Promise<T[]>
}

export interface OwnedSqlReader extends SqlReader {
  /** End the pool (the app's close() on shutdown, scripts that want to exit; idle connections also close by themselves). */
  close(): Promise<void>
}

const IDLE_SECONDS = 60

/** A reader over a pool created on first use. */
export function createSqlReader(databaseUrl: string, poolSize: number): OwnedSqlReader {
  let pool: mariadb.Pool | undefined
  return {
    async query<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
      pool ??= mariadb.createPool({
        ...poolConfigFromUrl(databaseUrl, poolSize),
        minimumIdle: 0,
        idleTimeout: IDLE_SECONDS,
        // BIGINT / COUNT(*) as numbers (ids and counts here are far below 2^53); DECIMALs are cast to text in SQL.
        bigIntAsNumber: true,
        insertIdAsNumber: true
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
