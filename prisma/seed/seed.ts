// The seed run: options → model → rows → database, batch by batch. The CLI (index.ts) and the tests call runSeed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ppmToDecimalString, REGIONS, shanghaiToday, socialYearOf, UNIT_INSURANCE_TYPES, LATE_FEE_DAILY_PPM, fenToYuanString } from '@shebao/shared';
import { hashSecret } from '../../bff/src/modules/identity/secret-hash.ts';
import { seedAuditBases } from './audit-bases.ts';
import { DEMO_PERSON_COUNT, DEMO_PERSONS, DEMO_REVIEWER, DEMO_REVIEWERS, demoAccountsText } from './demo-accounts.ts';
import { assignClerks, makeClock, makePerson, makePickers, makeUnit, meanHistoryMonths, Registry, type PeopleContext, type PersonModel, type UnitModel } from './model.ts';
import { interestRates, LAST_POLICY_YEAR_MIN, PolicyTable } from './policy.ts';
import { clerkRows, personRows, unitRows, type RecordContext } from './records.ts';
import { assertMigrated, bool, connect, nonEmptyTables, num, RowBatch, str, truncateAll, writeBatch, type Conn, type Table } from './sql.ts';
import { CITIES } from './words.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_ACCOUNTS_FILE = path.join(REPO_ROOT, '.data', 'demo-accounts.txt');
export const DEFAULT_PERSONS = 400;
export const DEFAULT_SEED = 20_261_123;
export const MIN_PERSONS = 20;
/** scrypt cost for the seed's handful of demo secrets: lower than DEFAULT_SCRYPT_COST (2^15) to keep the seed quick; the hash records its cost, so verification works. */
export const SEED_SCRYPT_COST = 1 << 12;

export interface SeedOptions {
  databaseUrl: string;
  /** People (default 400). */
  persons?: number;
  /** Units (default max(12, persons / 100), at most persons − 5). */
  units?: number;
  /** Random seed (default 20261123). Demo accounts do not depend on it. */
  seed?: number;
  /** The seed's today, YYYY-MM-DD (default: today in Asia/Shanghai). */
  now?: string;
  /** Truncate the data tables first (otherwise a non-empty database is refused). */
  reset?: boolean;
  /** People per transaction (default 1000). */
  batchPersons?: number;
  /** Where to write the demo accounts; null = don't (default <repo>/.data/demo-accounts.txt). */
  accountsFile?: string | null;
  log?: (msg: string) => void;
}

export interface SeedResult {
  readonly counts: Readonly<Partial<Record<Table, number>>>;
  readonly rows: number;
  readonly ms: number;
  readonly now: string;
  readonly persons: number;
  readonly units: number;
}

export class SeedRefusedError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `数据库非空，拒绝填充演示数据 / the database is not empty (rows in ${tables.slice(0, 6).join(', ')}${tables.length > 6 ? ' …' : ''}); ` +
        'run with --reset to truncate the data tables first',
    );
    this.name = 'SeedRefusedError';
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export async function runSeed(options: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const log = options.log ?? ((m: string) => console.log(`[seed] ${m}`));
  const persons = options.persons ?? DEFAULT_PERSONS;
  if (!Number.isInteger(persons) || persons < MIN_PERSONS) throw new RangeError(`--persons must be an integer ≥ ${MIN_PERSONS}`);
  const maxUnits = persons - DEMO_PERSON_COUNT;
  const unitCount = options.units ?? Math.min(maxUnits, Math.max(12, Math.ceil(persons / 100)));
  if (!Number.isInteger(unitCount) || unitCount < 3 || unitCount > maxUnits) throw new RangeError(`--units must be an integer 3 … ${maxUnits} (persons − ${DEMO_PERSON_COUNT})`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError('--seed must be an integer');
  const today = options.now ?? shanghaiToday();
  const clock = makeClock(today);
  if (today < '2022-01-01' || today > '2035-12-31') throw new RangeError('--now must be between 2022-01-01 and 2035-12-31');
  const batchPersons = options.batchPersons ?? 1000;

  const conn: Conn = await connect(options.databaseUrl);
  try {
    await assertMigrated(conn);
    const busy = await nonEmptyTables(conn);
    if (busy.length) {
      if (!options.reset) throw new SeedRefusedError(busy);
      const truncated = await truncateAll(conn);
      log(`--reset: truncated ${truncated.length} tables`);
    }

    // Secrets first (async scrypt): the demo PINs and the reviewers' password.
    const pinHashes = new Map<number, string>();
    for (const p of Object.values(DEMO_PERSONS)) if (p.pin) pinHashes.set(p.index, await hashSecret(p.pin, SEED_SCRYPT_COST));
    const reviewerHash = await hashSecret(DEMO_REVIEWER.password, SEED_SCRYPT_COST);

    // ── model ──
    const tm = Date.now();
    const registry = new Registry();
    const units: UnitModel[] = [];
    for (let i = 0; i < unitCount; i++) units.push(makeUnit(i, seed, registry));
    const ctx: PeopleContext = { seed, clock, units, registry, meanMonths: meanHistoryMonths(persons), pickers: makePickers(units) };
    const people: PersonModel[] = [];
    for (let i = 0; i < persons; i++) people.push(makePerson(i, ctx));
    assignClerks(units, people, seed, clock);
    log(`model: ${fmt(unitCount)} units, ${fmt(persons)} people, now ${today} (last settled period ${clock.lastSettled}) in ${Date.now() - tm} ms`);

    const runAt = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const lastPolicyYear = Math.max(LAST_POLICY_YEAR_MIN, socialYearOf(clock.period));
    const policy = new PolicyTable(CITIES.map((c) => c.code), lastPolicyYear, LATE_FEE_DAILY_PPM);
    const rates = interestRates(clock.year - 1);
    const counts: Partial<Record<Table, number>> = {};
    const tally = (b: RowBatch) => {
      for (const t of b.tables()) counts[t] = (counts[t] ?? 0) + b.count(t);
    };

    // ── reference data and units ──
    const ref = new RowBatch();
    for (const r of REGIONS) ref.add('region', [str(r.code), str(r.name), str(r.parentCode), num(r.level)]);
    for (const py of policy.rows) {
      ref.add('policy_year', [
        num(py.id), str(py.regionCode), num(py.year), fenToYuanString(py.base.standardFen), fenToYuanString(py.base.floorFen),
        fenToYuanString(py.base.ceilingFen), ppmToDecimalString(py.lateFeeDailyPpm),
      ]);
      for (const t of UNIT_INSURANCE_TYPES) {
        ref.add('policy_rate', [num(py.id), str(t), ppmToDecimalString(py.rates[t].unitPpm), ppmToDecimalString(py.rates[t].personalPpm)]);
      }
      for (let c = 1; c <= 8; c++) ref.add('work_injury_class', [num(py.id), num(c), ppmToDecimalString(py.workInjuryPpm[c] as number)]);
    }
    for (const r of rates) ref.add('account_interest_rate', [num(r.year), ppmToDecimalString(r.ratePpm)]);
    for (const u of units) unitRows(ref, u, people, clock, runAt);
    await writeBatch(conn, ref);
    tally(ref);
    const placeholders = rates.filter((r) => r.placeholder).map((r) => r.year);
    log(
      `reference: ${fmt(REGIONS.length)} regions, ${fmt(policy.rows.length)} policy years (${CITIES.length} cities × 2015–${lastPolicyYear}), ` +
        `记账利率 ${rates[0]?.year}–${rates[rates.length - 1]?.year}${placeholders.length ? ` (${placeholders.join(', ')} placeholder)` : ''}, ${fmt(unitCount)} units`,
    );

    // ── people, batch by batch: the previous batch is written while the next one is computed ──
    const rctx: RecordContext = {
      seed,
      clock,
      policy,
      interest: Object.fromEntries(rates.map((r) => [r.year, r.ratePpm])),
      pinHashes,
      runAt,
      paidAtCache: new Map(),
    };
    let inFlight: Promise<void> | null = null;
    let written = 0;
    const tp = Date.now();
    for (let start = 0; start < persons; start += batchPersons) {
      const end = Math.min(persons, start + batchPersons);
      const batch = new RowBatch();
      for (let i = start; i < end; i++) {
        personRows(batch, people[i] as PersonModel, rctx);
        if ((i - start) % 200 === 199) await new Promise((r) => setImmediate(r)); // let the driver send and receive
      }
      if (rctx.paidAtCache.size > 500_000) rctx.paidAtCache.clear();
      if (inFlight) await inFlight;
      const n = batch.count();
      const contributions = batch.count('contribution_record');
      tally(batch);
      inFlight = writeBatch(conn, batch).then(() => {
        written += n;
        const secs = (Date.now() - tp) / 1000;
        log(`people ${fmt(end)}/${fmt(persons)} · ${fmt(written)} rows (+${fmt(contributions)} contribution_record) · ${fmt(Math.round(written / Math.max(secs, 0.001)))} rows/s`);
      });
      inFlight.catch(() => {}); // handled when awaited; avoids an unhandled rejection while the next batch is computed
    }
    if (inFlight) await inFlight;

    // ── clerks (need their person rows) and reviewers ──
    const last = new RowBatch();
    for (const u of units) clerkRows(last, u, people);
    for (const r of DEMO_REVIEWERS) last.add('reviewer', [str(r.username), str(r.name), str(reviewerHash), str(r.regionCode), bool(r.active)]);
    await writeBatch(conn, last);
    tally(last);

    // ── 稽核认定缴费基数: through the reviewer endpoint's use case (needs units, people, records, reviewers) ──
    counts.audit_base_determination = await seedAuditBases(options.databaseUrl, clock);

    const rows = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    const ms = Date.now() - t0;
    log(`done: ${fmt(rows)} rows in ${(ms / 1000).toFixed(1)} s (${fmt(Math.round(rows / (ms / 1000)))} rows/s)`);
    for (const [t, n] of Object.entries(counts)) log(`  ${t.padEnd(26)} ${fmt(n ?? 0).padStart(12)}`);

    const accountsFile = options.accountsFile === undefined ? DEFAULT_ACCOUNTS_FILE : options.accountsFile;
    const text = demoAccountsText();
    if (accountsFile) {
      fs.mkdirSync(path.dirname(accountsFile), { recursive: true });
      fs.writeFileSync(accountsFile, text);
      log(`demo accounts (written to ${path.relative(process.cwd(), accountsFile) || accountsFile}):`);
    } else {
      log('demo accounts:');
    }
    for (const line of text.trimEnd().split('\n')) log(`  ${line}`);
    return { counts, rows, ms, now: today, persons, units: unitCount };
  } finally {
    await conn.end().catch(() => {});
  }
}
