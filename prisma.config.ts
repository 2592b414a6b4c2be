// Prisma CLI configuration (Prisma 7 reads it from the repository root).
// `generate` needs no database; the datasource is only set when DATABASE_URL is, so `prisma migrate deploy`
// works on machines that can download Prisma's schema engine. Here migrations are applied by
// bff/src/db/migrate.ts (see docs/database.md), and `prisma generate` runs through scripts/prisma-generate.mjs.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed/index.ts',
  },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
