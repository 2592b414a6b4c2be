// Demo / benchmark data generator (CLI). Deterministic: the same --seed and --now give the same data.
//
//   DATABASE_URL=mysql://… tsx prisma/seed/index.ts [--persons N] [--units M] [--seed S] [--now YYYY-MM-DD]
//                                                    [--reset] [--batch N] [--accounts-file PATH | --no-accounts-file]
//
// The database must be migrated (npx tsx bff/src/db/migrate.ts). A non-empty database is refused (exit 3) unless
// --reset, which truncates every data table (not _prisma_migrations). See docs/seed.md.
import { parseArgs } from 'node:util';
import { DEFAULT_PERSONS, DEFAULT_SEED, runSeed, SeedRefusedError } from './seed.ts';

const USAGE = `usage: DATABASE_URL=mysql://user@host:port/db tsx prisma/seed/index.ts [options]
  --persons N          people to generate (default ${DEFAULT_PERSONS}; 100000 ≈ 6 million contribution rows)
  --units M            units (default max(12, persons/100))
  --seed S             random seed (default ${DEFAULT_SEED}; demo accounts never change)
  --now YYYY-MM-DD     the seed's today (default: today in Asia/Shanghai)
  --reset              truncate the data tables first (a non-empty database is refused otherwise)
  --batch N            people per transaction (default 1000)
  --accounts-file P    where to write the demo accounts (default .data/demo-accounts.txt)
  --no-accounts-file   don't write them
  -h, --help`;

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) {
    console.error(`${name} must be a whole number, got ${JSON.stringify(v)}\n${USAGE}`);
    process.exit(2);
  }
  return Number(v);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        persons: { type: 'string' },
        units: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        reset: { type: 'boolean', default: false },
        batch: { type: 'string' },
        'accounts-file': { type: 'string' },
        'no-accounts-file': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(`DATABASE_URL is not set\n${USAGE}`);
    return 2;
  }
  const persons = int('--persons', values.persons);
  const units = int('--units', values.units);
  const seed = int('--seed', values.seed);
  const batchPersons = int('--batch', values.batch);
  try {
    await runSeed({
      databaseUrl,
      ...(persons !== undefined ? { persons } : {}),
      ...(units !== undefined ? { units } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.now !== undefined ? { now: values.now } : {}),
      ...(batchPersons !== undefined ? { batchPersons } : {}),
      reset: values.reset,
      ...(values['no-accounts-file'] ? { accountsFile: null } : values['accounts-file'] ? { accountsFile: values['accounts-file'] } : {}),
    });
    return 0;
  } catch (e) {
    if (e instanceof SeedRefusedError) {
      console.error(`[seed] ${e.message}`);
      return 3;
    }
    if (e instanceof RangeError) {
      console.error(`[seed] ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`[seed] failed: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
