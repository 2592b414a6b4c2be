// vitest globalSetup for test/api and test/e2e.
// Under `npm test` (scripts/test.mjs) DATABASE_URL already names a fresh, migrated test database and this only
// passes it on. Run directly (`npx vitest run --config test/vitest.config.ts`), it provisions the test database
// itself (scripts/db.mjs: DATABASE_URL's server or the private MariaDB), generates the Prisma client if stale and
// applies migrations, and stops the private MariaDB afterwards if it started it.
import type { TestProject } from 'vitest/node';
import { migrate } from '../../bff/src/db/migrate.ts';
import { provisionDatabase, stopDatabase } from '../../scripts/db.mjs';
import { prismaGenerate } from '../../scripts/prisma-generate.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (!url || process.env.SHEBAO_TEST_PROVISIONED !== '1') {
    url = await provisionDatabase({ dbName: 'shebao_test', purpose: 'test', log: () => {} });
    prismaGenerate({ log: () => {} });
    await migrate(url, { log: () => {} });
    process.env.DATABASE_URL = url;
  }
  project.provide('databaseUrl', url);
  return async () => {
    await stopDatabase({ log: () => {} });
  };
}
