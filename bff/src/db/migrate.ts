// Migration runner (our stand-in for `prisma migrate deploy`, whose schema engine is a native binary these machines
// cannot download; see docs/database.md).
//
// Reads prisma/migrations/<dir>/migration.sql in lexical order and records each in Prisma's own `_prisma_migrations`
// table (same columns, sha256 hex checksum of the file), so a real `prisma migrate deploy` later sees the same history.
// Refuses to run when an applied migration's file changed, or when a migration failed half-way (MySQL DDL is not
// transactional, so a failed migration needs a human: fix the database, then delete its row or mark it rolled back).
// A per-database advisory lock (GET_LOCK) keeps two processes from migrating at once.
// Uses the `mariadb` driver directly (not Prisma) so it works before the client is generated.
//
// CLI: DATABASE_URL=mysql://… tsx bff/src/db/migrate.ts [--dir prisma/migrations]
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mariadb from 'mariadb';

export interface MigrateOptions {
  /** Folder holding <name>/migration.sql; default <repo>/prisma/migrations. */
  migrationsDir?: string;
  /** Progress lines; default console.log. */
  log?: (msg: string) => void;
  /** Seconds to wait for another process's migration lock; default 60. */
  lockTimeoutSeconds?: number;
}

export interface MigrateResult {
  /** Names of the migrations applied by this run, in order. */
  applied: string[];
  /** Number of migrations that were already applied before this run. */
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export const DEFAULT_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');

/** Prisma's own DDL for its bookkeeping table on MySQL (identical columns, so `prisma migrate` can take over). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\`                  VARCHAR(36) PRIMARY KEY NOT NULL,
    \`checksum\`            VARCHAR(64) NOT NULL,
    \`finished_at\`         DATETIME(3),
    \`migration_name\`      VARCHAR(255) NOT NULL,
    \`logs\`                TEXT,
    \`rolled_back_at\`      DATETIME(3),
    \`started_at\`          DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export interface LocalMigration {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The file still is what was applied. Like Prisma, a checkout that only changed line endings (CRLF ↔ LF, e.g. git
 * autocrlf on Windows) still matches.
 */
function checksumMatches(m: LocalMigration, recorded: string): boolean {
  if (m.checksum === recorded) return true;
  const lf = m.sql.replace(/\r\n/g, '\n');
  return sha256(lf) === recorded || sha256(lf.replace(/\n/g, '\r\n')) === recorded;
}

/** Connection options for the `mariadb` driver from a mysql:// or mariadb:// URL. */
export function connectionOptionsFromUrl(url: string): mariadb.ConnectionConfig & { database: string } {
  const u = new URL(url);
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new MigrationError(`DATABASE_URL must start with mysql:// or mariadb:// (got ${u.protocol})`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new MigrationError('DATABASE_URL has no database name');
  const socketPath = u.searchParams.get('socket') ?? u.searchParams.get('socketPath') ?? undefined;
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    database,
    ...(socketPath ? { socketPath } : {}),
  };
}

/** The migration folders (those holding a migration.sql), sorted by name. */
export function readMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort() // lexical = chronological for Prisma's <yyyymmddhhmmss>_<name> folders
    .flatMap((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) return [];
      const buf = fs.readFileSync(file);
      return [{ name, file, sql: buf.toString('utf8'), checksum: createHash('sha256').update(buf).digest('hex') }];
    });
}

/**
 * Split a SQL script into statements at semicolons outside quotes ('…', "…", `…`) and comments (-- …, # …, /* … *\/).
 * Comment-only pieces are dropped. DELIMITER (for procedures/triggers) is not supported and is rejected.
 */
export function splitSqlStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  let hasCode = false; // the current piece has something besides whitespace and comments
  const n = sql.length;
  const push = (end: number) => {
    const stmt = sql.slice(start, end).trim();
    if (hasCode && stmt) out.push(stmt);
    hasCode = false;
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      hasCode = true;
      i++;
      while (i < n) {
        if (sql[i] === '\\' && c !== '`') { i += 2; continue; }
        if (sql[i] === c) {
          if (sql[i + 1] === c) { i += 2; continue; } // doubled quote
          break;
        }
        i++;
      }
      if (i >= n) throw new MigrationError(`unterminated ${c} quote in SQL starting near: ${sql.slice(start, start + 80)}`);
      i++;
    } else if ((c === '-' && next === '-' && (i + 2 >= n || /\s/.test(sql[i + 2]!))) || c === '#') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const executable = sql[i + 2] === '!'; // /*! … */ is code to MySQL
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new MigrationError('unterminated /* comment in SQL');
      if (executable) hasCode = true;
      i = end + 2;
    } else if (c === ';') {
      push(i);
      i++;
      start = i;
    } else {
      if (!/\s/.test(c!)) {
        if (!hasCode && /^DELIMITER\s/i.test(sql.slice(i, i + 10))) {
          throw new MigrationError('DELIMITER is not supported by the migration runner; write one statement per ;');
        }
        hasCode = true;
      }
      i++;
    }
  }
  push(n);
  return out;
}

/** Apply pending migrations to the database at `databaseUrl`. */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? ((m: string) => console.log(`[migrate] ${m}`));
  const local = readMigrations(dir);
  const connOpts = connectionOptionsFromUrl(databaseUrl);
  const conn = await mariadb.createConnection({ ...connOpts, multipleStatements: false, connectTimeout: 10_000 });
  const lockName = `shebao_migrate:${connOpts.database}`.slice(0, 64);
  let locked = false;
  try {
    const lockTimeout = options.lockTimeoutSeconds ?? 60;
    const [lockRow] = await conn.query<{ got: number | bigint | null }[]>('SELECT GET_LOCK(?, ?) AS got', [lockName, lockTimeout]);
    if (Number(lockRow?.got) !== 1) {
      throw new MigrationError(`another process holds the migration lock for database ${connOpts.database} (waited ${lockTimeout} s)`);
    }
    locked = true;
    await conn.query(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<MigrationRow[]>(
      'SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM `_prisma_migrations` ORDER BY started_at, migration_name',
    );

    // 1. A failed (started, never finished, not rolled back) migration blocks everything.
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed or is still running (started ${failed.started_at.toISOString()}); ` +
          `refusing to continue. Fix the database by hand, then delete its row from _prisma_migrations ` +
          `(or set rolled_back_at) to retry.${failed.logs ? `\nIts log: ${failed.logs}` : ''}`,
        failed.migration_name,
      );
    }

    // 2. Applied migrations must be unchanged.
    const applied = new Map<string, MigrationRow>();
    for (const r of rows) if (r.finished_at !== null && r.rolled_back_at === null) applied.set(r.migration_name, r);
    const localByName = new Map(local.map((m) => [m.name, m]));
    for (const [name, row] of applied) {
      const m = localByName.get(name);
      if (!m) {
        log(`warning: migration ${name} is recorded in the database but has no folder in ${dir}`);
        continue;
      }
      if (!checksumMatches(m, row.checksum)) {
        throw new MigrationError(
          `migration ${name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
            `${m.checksum.slice(0, 12)}… on disk); refusing to run. Never edit an applied migration: restore the file ` +
            `and add a new migration for the change.`,
          name,
        );
      }
    }

    // 3. Apply the pending ones in order.
    const pending = local.filter((m) => !applied.has(m.name));
    const done: string[] = [];
    for (const m of pending) {
      const statements = splitSqlStatements(m.sql);
      const id = randomUUID();
      const t0 = Date.now();
      await conn.query(
        'INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3), 0)',
        [id, m.checksum, m.name],
      );
      for (const [idx, stmt] of statements.entries()) {
        try {
          await conn.query(stmt);
        } catch (e) {
          const err = e as Error & { sqlMessage?: string; code?: string };
          const where = `statement ${idx + 1} of ${statements.length}: ${err.code ?? ''} ${err.sqlMessage ?? err.message}\n${stmt}`;
          await conn.query('UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?', [`failed at ${where}`, id]).catch(() => {});
          throw new MigrationError(
            `migration ${m.name} failed at ${where}\n(statements before it stay applied: MySQL DDL is not transactional)`,
            m.name,
          );
        }
      }
      await conn.query('UPDATE `_prisma_migrations` SET finished_at = CURRENT_TIMESTAMP(3), applied_steps_count = 1 WHERE id = ?', [id]);
      log(`applied ${m.name} (${statements.length} statements, ${Date.now() - t0} ms)`);
      done.push(m.name);
    }
    if (done.length === 0) log(`database ${connOpts.database} is up to date (${applied.size} migrations)`);
    return { applied: done, alreadyApplied: applied.size };
  } finally {
    if (locked) await conn.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => {});
    await conn.end().catch(() => {});
  }
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dirIdx = args.indexOf('--dir');
  const migrationsDir = dirIdx >= 0 ? path.resolve(args[dirIdx + 1] ?? '') : undefined;
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (mysql://user:password@host:port/database)');
    process.exit(2);
  }
  migrate(url, migrationsDir ? { migrationsDir } : {}).then(
    () => process.exit(0),
    (e: Error) => {
      console.error(`[migrate] ${e.message}`);
      process.exit(1);
    },
  );
}
