// The migration runner against a real MariaDB: each test gets its own scratch database on the server that
// DATABASE_URL names (`npm test` passes the test database's URL), or on the project's private server when unset.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mariadb from 'mariadb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisionDatabase, stopDatabase } from '../../scripts/db.mjs';
import { connectionOptionsFromUrl, migrate, MigrationError, splitSqlStatements } from '../src/db/migrate.ts';

let serverUrl: URL;
let admin: mariadb.Connection;
const scratch: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const url = process.env.DATABASE_URL ?? (await provisionDatabase({ dbName: 'shebao_test', purpose: 'test', log: () => {} }));
  serverUrl = new URL(url);
  const { database: _db, ...server } = connectionOptionsFromUrl(url);
  admin = await mariadb.createConnection(server);
}, 60_000);

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

afterAll(async () => {
  for (const db of scratch) await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await admin?.end();
  await stopDatabase({ log: () => {} }); // only does something when this file provisioned the private server itself
});

/** A fresh empty database; returns its URL. */
async function scratchDb(): Promise<string> {
  const base = decodeURIComponent(serverUrl.pathname.slice(1)) || 'shebao';
  const name = `${base}_mig_${randomBytes(4).toString('hex')}`.slice(0, 64);
  await admin.query(`CREATE DATABASE \`${name}\``);
  scratch.push(name);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A migrations folder with the given { name: sql } entries. */
function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-mig-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeMigration(dir, name, sql);
  return dir;
}
function writeMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T = Record<string, unknown>[]>(url: string, sql: string): Promise<T> {
  const conn = await mariadb.createConnection(connectionOptionsFromUrl(url));
  try {
    return (await conn.query(sql)) as T;
  } finally {
    await conn.end();
  }
}

const quiet = { log: () => {} };

const ONE = `-- CreateTable
CREATE TABLE \`item\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`name\` VARCHAR(64) NOT NULL DEFAULT 'a;b', -- a semicolon; in a comment
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
/* block comment; with a semicolon */
INSERT INTO \`item\` (\`name\`) VALUES ('it''s; fine'), ("double \\" quoted; too");
`;
// Fails unless ONE ran first (ordering).
const TWO = 'ALTER TABLE `item` ADD COLUMN `note` VARCHAR(32) NULL;\nUPDATE `item` SET `note` = CONCAT(\'#\', `id`);\n';
const THREE = '# hash comment;\nINSERT INTO `item` (`name`, `note`) VALUES (\'third\', \'x\');';

describe('splitSqlStatements', () => {
  it('splits at semicolons outside quotes and comments, dropping comment-only pieces', () => {
    expect(splitSqlStatements(ONE)).toEqual([
      expect.stringMatching(/^-- CreateTable\nCREATE TABLE `item`[\s\S]*utf8mb4_unicode_ci$/),
      expect.stringMatching(/^\/\* block comment; with a semicolon \*\/\nINSERT INTO `item`[\s\S]*too"\)$/),
    ]);
    expect(splitSqlStatements('SELECT 1;;  -- trailing; comment\n')).toEqual(['SELECT 1']);
    expect(splitSqlStatements("SELECT 'a\\';b'; SELECT `x;y` FROM t")).toEqual(["SELECT 'a\\';b'", 'SELECT `x;y` FROM t']);
    expect(splitSqlStatements('SELECT 1--2;\nSELECT 2')).toEqual(['SELECT 1--2', 'SELECT 2']); // `--` needs a space to start a comment
    expect(splitSqlStatements('/*!40101 SET NAMES utf8mb4 */;')).toEqual(['/*!40101 SET NAMES utf8mb4 */']);
  });

  it('rejects unterminated quotes and DELIMITER', () => {
    expect(() => splitSqlStatements("SELECT 'oops;")).toThrow(/unterminated ' quote/);
    expect(() => splitSqlStatements('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$')).toThrow(/DELIMITER/);
  });
});

// Generous per-test timeout: DDL on a busy CI machine (or a freshly initialised datadir) can take seconds.
describe('migrate', { timeout: 60_000 }, () => {
  it('applies pending migrations in lexical order and records them in _prisma_migrations', async () => {
    const url = await scratchDb();
    // Written out of order on purpose: the runner must sort by folder name.
    const dir = migrationsDir({ '20260103000000_three': THREE, '20260101000000_one': ONE, '20260102000000_two': TWO });
    const result = await migrate(url, { migrationsDir: dir, ...quiet });
    expect(result).toEqual({ applied: ['20260101000000_one', '20260102000000_two', '20260103000000_three'], alreadyApplied: 0 });

    const items = await query<{ name: string; note: string }[]>(url, 'SELECT name, note FROM item ORDER BY id');
    expect(items).toEqual([
      { name: "it's; fine", note: '#1' },
      { name: 'double " quoted; too', note: '#2' },
      { name: 'third', note: 'x' },
    ]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null }[]>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(result.applied);
    for (const r of rows) {
      const file = fs.readFileSync(path.join(dir, r.migration_name, 'migration.sql'));
      expect(r.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
      expect(r.logs).toBeNull();
    }
  });

  it("creates _prisma_migrations with Prisma's columns", async () => {
    const url = await scratchDb();
    await migrate(url, { migrationsDir: migrationsDir({}), ...quiet });
    const cols = await query<{ COLUMN_NAME: string; COLUMN_TYPE: string; IS_NULLABLE: string }[]>(
      url,
      "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_prisma_migrations' ORDER BY ORDINAL_POSITION",
    );
    expect(cols.map((c) => [c.COLUMN_NAME, c.COLUMN_TYPE.replace(/int\(\d+\)/, 'int'), c.IS_NULLABLE])).toEqual([
      ['id', 'varchar(36)', 'NO'],
      ['checksum', 'varchar(64)', 'NO'],
      ['finished_at', 'datetime(3)', 'YES'],
      ['migration_name', 'varchar(255)', 'NO'],
      ['logs', 'text', 'YES'],
      ['rolled_back_at', 'datetime(3)', 'YES'],
      ['started_at', 'datetime(3)', 'NO'],
      ['applied_steps_count', 'int unsigned', 'NO'],
    ]);
  });

  it('is idempotent: a second run applies nothing; a new migration is applied on the next run', async () => {
    const url = await scratchDb();
    const dir = migrationsDir({ '20260101000000_one': ONE, '20260102000000_two': TWO });
    await migrate(url, { migrationsDir: dir, ...quiet });
    const lines: string[] = [];
    expect(await migrate(url, { migrationsDir: dir, log: (m) => lines.push(m) })).toEqual({ applied: [], alreadyApplied: 2 });
    expect(lines.join('\n')).toMatch(/up to date/);
    expect(await query(url, 'SELECT COUNT(*) AS n FROM item')).toEqual([{ n: 2n }]);

    writeMigration(dir, '20260103000000_three', THREE);
    expect(await migrate(url, { migrationsDir: dir, ...quiet })).toEqual({ applied: ['20260103000000_three'], alreadyApplied: 2 });
    expect(await query(url, 'SELECT COUNT(*) AS n FROM _prisma_migrations')).toEqual([{ n: 3n }]);
  });

  it('refuses to run when an applied migration file was edited, naming it, and applies nothing', async () => {
    const url = await scratchDb();
    const dir = migrationsDir({ '20260101000000_one': ONE, '20260102000000_two': TWO });
    await migrate(url, { migrationsDir: dir, ...quiet });
    writeMigration(dir, '20260102000000_two', TWO + '-- harmless looking edit\n');
    writeMigration(dir, '20260103000000_three', THREE);

    const run = migrate(url, { migrationsDir: dir, ...quiet });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/migration 20260102000000_two was modified after it was applied/);
    expect(await query(url, 'SELECT COUNT(*) AS n FROM _prisma_migrations')).toEqual([{ n: 2n }]);
    expect(await query(url, "SELECT COUNT(*) AS n FROM item WHERE name = 'third'")).toEqual([{ n: 0n }]);
  });

  it('accepts an applied migration whose line endings changed (CRLF checkout), like Prisma', async () => {
    const url = await scratchDb();
    const dir = migrationsDir({ '20260101000000_one': ONE });
    await migrate(url, { migrationsDir: dir, ...quiet });
    writeMigration(dir, '20260101000000_one', ONE.replace(/\n/g, '\r\n'));
    expect(await migrate(url, { migrationsDir: dir, ...quiet })).toEqual({ applied: [], alreadyApplied: 1 });
  });

  it('records a failed migration and refuses every later run until it is resolved', async () => {
    const url = await scratchDb();
    const bad = 'ALTER TABLE `item` ADD COLUMN `extra` INTEGER NULL;\nALTER TABLE `no_such_table` ADD COLUMN `x` INTEGER NULL;\n';
    const dir = migrationsDir({ '20260101000000_one': ONE, '20260102000000_bad': bad, '20260103000000_three': THREE });

    await expect(migrate(url, { migrationsDir: dir, ...quiet })).rejects.toThrow(/migration 20260102000000_bad failed at statement 2 of 2/);
    const [row] = await query<{ finished_at: Date | null; logs: string }[]>(
      url,
      "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '20260102000000_bad'",
    );
    expect(row!.finished_at).toBeNull();
    expect(row!.logs).toMatch(/no_such_table/);

    // Even with the file fixed, the half-applied migration needs a human.
    writeMigration(dir, '20260102000000_bad', TWO);
    await expect(migrate(url, { migrationsDir: dir, ...quiet })).rejects.toThrow(/migration 20260102000000_bad failed or is still running/);
    expect(await query(url, "SELECT COUNT(*) AS n FROM item WHERE name = 'third'")).toEqual([{ n: 0n }]);

    // Marking it rolled back (as `prisma migrate resolve --rolled-back` does) lets it be retried.
    await query(url, "UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '20260102000000_bad'");
    expect((await migrate(url, { migrationsDir: dir, ...quiet })).applied).toEqual(['20260102000000_bad', '20260103000000_three']);
  });

  it('serialises concurrent runs with an advisory lock: each migration is applied exactly once', async () => {
    const url = await scratchDb();
    const dir = migrationsDir({ '20260101000000_one': ONE, '20260102000000_two': TWO, '20260103000000_three': THREE });
    const results = await Promise.all([1, 2, 3].map(() => migrate(url, { migrationsDir: dir, ...quiet })));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 3]);
    expect(await query(url, 'SELECT COUNT(*) AS n FROM _prisma_migrations')).toEqual([{ n: 3n }]);
  });

  it('gives up with a clear error while another process holds the lock', async () => {
    const url = await scratchDb();
    const holder = await mariadb.createConnection(connectionOptionsFromUrl(url));
    try {
      const db = connectionOptionsFromUrl(url).database;
      await holder.query('SELECT GET_LOCK(?, 0)', [`shebao_migrate:${db}`.slice(0, 64)]);
      await expect(migrate(url, { migrationsDir: migrationsDir({ '20260101000000_one': ONE }), lockTimeoutSeconds: 1, ...quiet })).rejects.toThrow(
        /another process holds the migration lock/,
      );
    } finally {
      await holder.end();
    }
  });

  it("applies the project's own migrations to an empty database", async () => {
    const url = await scratchDb();
    const result = await migrate(url, quiet);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.applied).toEqual([...result.applied].sort());
    expect((await migrate(url, quiet)).applied).toEqual([]);
  });
});
