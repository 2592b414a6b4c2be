// Database helpers for cross-package tests.
// DATABASE_URL is the migrated test database (`npm test` and test/setup/global.ts set it). Tests that need an
// empty database of their own create a scratch one beside it on the same server and drop it afterwards.
import { randomBytes } from 'node:crypto';
import * as mariadb from 'mariadb';
import { parseDatabaseUrl } from '../../scripts/db.mjs';

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test` (or vitest --config test/vitest.config.ts)');
  return url;
}

/** Open a connection with the raw driver (not Prisma) to the database `url` names. */
export async function connect(url = testDatabaseUrl()): Promise<mariadb.Connection> {
  const { socketPath, password, ...opts } = parseDatabaseUrl(url);
  return mariadb.createConnection({ ...opts, ...(password ? { password } : {}), ...(socketPath ? { socketPath } : {}) });
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server, named <test db>_<tag>_<random>. */
export async function createScratchDatabase(tag: string): Promise<ScratchDatabase> {
  const base = new URL(testDatabaseUrl());
  const baseName = decodeURIComponent(base.pathname.slice(1));
  const name = `${baseName}_${tag}_${randomBytes(3).toString('hex')}`.slice(0, 64);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const { database: _d, ...server } = parseDatabaseUrl(base.toString());
  const admin = await mariadb.createConnection({
    host: server.host,
    port: server.port,
    user: server.user,
    ...(server.password ? { password: server.password } : {}),
    ...(server.socketPath ? { socketPath: server.socketPath } : {}),
  });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: u.toString(),
    async drop() {
      const c = await mariadb.createConnection({
        host: server.host,
        port: server.port,
        user: server.user,
        ...(server.password ? { password: server.password } : {}),
        ...(server.socketPath ? { socketPath: server.socketPath } : {}),
      });
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}
