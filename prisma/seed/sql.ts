// SQL plumbing of the seed: literals, multi-row INSERT batches, emptiness check and reset, on the `mariadb` driver.
//
// Why not Prisma here: measured on this machine (300 000 contribution rows, MariaDB 10.11, see docs/seed.md)
// Prisma 7 `createMany` over the MariaDB adapter inserted ≈ 1 100 rows/s, the driver's `batch()` ≈ 16 000 rows/s
// and multi-row `INSERT … VALUES (…),(…)` text statements 30 000–60 000 rows/s. The seed writes text statements of
// up to 2 000 rows, several in flight on one connection, one transaction per batch of people.
import * as mariadb from 'mariadb';
import { connectionOptionsFromUrl } from '../../bff/src/db/migrate.ts';

export type Conn = mariadb.Connection;

export async function connect(databaseUrl: string): Promise<Conn> {
  const opts = connectionOptionsFromUrl(databaseUrl);
  return mariadb.createConnection({ ...opts, connectTimeout: 10_000, multipleStatements: false });
}

// ── literals (values are ours; strings are quoted by doubling quotes, which is right whatever the sql_mode) ──

export const NULL = 'NULL';

export function str(v: string | null | undefined): string {
  if (v === null || v === undefined) return NULL;
  if (/[\\\0\n\r\x1a]/.test(v)) throw new Error(`seed: unexpected control character or backslash in ${JSON.stringify(v)}`);
  return `'${v.replace(/'/g, "''")}'`;
}

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return NULL;
  if (!Number.isFinite(v)) throw new Error(`seed: not a finite number: ${v}`);
  return String(v);
}

export function bool(v: boolean): string {
  return v ? '1' : '0';
}

// ── batches ──

/** Columns of every table the seed writes, in the order the tuples give them. */
export const COLUMNS = {
  region: ['code', 'name', 'parent_code', 'level'],
  policy_year: ['id', 'region_code', 'year', 'base_standard', 'base_floor', 'base_ceiling', 'late_fee_daily_rate'],
  policy_rate: ['policy_year_id', 'insurance_type', 'unit_rate', 'personal_rate'],
  work_injury_class: ['policy_year_id', 'risk_class', 'rate'],
  account_interest_rate: ['year', 'rate'],
  unit: [
    'id', 'unit_no', 'name', 'credit_code', 'region_code', 'risk_class', 'industry', 'unit_type', 'economic_type', 'size_class',
    'business_scope', 'legal_rep_name', 'legal_rep_id_number', 'legal_rep_phone', 'address', 'postal_code', 'contact_name',
    'contact_phone', 'contact_email', 'established_on', 'updated_at',
  ],
  unit_insurance: ['unit_id', 'insurance_type', 'status', 'enrolled_on', 'last_settled_period', 'account_start_on', 'collection_mode'],
  bank_account: ['unit_id', 'person_id', 'purpose', 'bank_category', 'bank_name', 'bank_code', 'account_name', 'account_number', 'insurance_types', 'active'],
  person: [
    'id', 'person_no', 'id_type', 'id_number', 'name', 'sex', 'birth_date', 'ethnicity', 'phone', 'address', 'region_code',
    'first_work_date', 'current_work_date', 'account_start_date', 'status', 'retired_on', 'pending_verification', 'updated_at',
  ],
  essc_card: ['id', 'person_id', 'card_no', 'issue_level', 'issuer', 'status', 'pin_hash', 'activated_at', 'pin_changed_at'],
  enrolment: [
    'person_id', 'unit_id', 'insurance_type', 'status', 'started_on', 'start_period', 'stop_period', 'stopped_on', 'stop_reason',
    'monthly_base', 'declared_wage', 'updated_at',
  ],
  wage_declaration: ['unit_id', 'person_id', 'year', 'declared_wage', 'base'],
  contribution_record: ['person_id', 'unit_id', 'insurance_type', 'period', 'base', 'unit_amount', 'personal_amount', 'status', 'kind', 'paid_at'],
  personal_account_year: ['person_id', 'year', 'opening_balance', 'credited', 'credited_months', 'interest_rate', 'interest', 'closing_balance'],
  benefit_payment: ['person_id', 'kind', 'period', 'item', 'amount', 'bank_name', 'bank_account', 'status', 'paid_on'],
  eligibility_certification: ['person_id', 'certified_at', 'method', 'channel', 'valid_until'],
  work_injury_determination: ['id', 'person_id', 'unit_id', 'decision_no', 'accident_date', 'accident_place', 'injury_part', 'diagnosis', 'conclusion', 'determined_on'],
  work_injury_appraisal: ['person_id', 'determination_id', 'kind', 'appraisal_no', 'disability_level', 'care_level', 'conclusion', 'appraised_on'],
  unit_clerk: ['unit_id', 'person_id', 'name', 'id_number', 'department', 'phone', 'email', 'active', 'authorized_at'],
  reviewer: ['username', 'name', 'password_hash', 'region_code', 'active'],
  // Written by recordAuditBase (audit-bases.ts), not by a RowBatch; listed for the checksums and the migration check.
  audit_base_determination: [
    'unit_id', 'person_id', 'insurance_type', 'start_period', 'end_period', 'base', 'document_no', 'remark', 'recorded_by_id', 'recorded_by_name',
  ],
} as const;

export type Table = keyof typeof COLUMNS;

/** Foreign-key order: parents before children. */
export const TABLE_ORDER: readonly Table[] = [
  'region', 'policy_year', 'policy_rate', 'work_injury_class', 'account_interest_rate', 'unit', 'unit_insurance', 'person',
  'essc_card', 'bank_account', 'enrolment', 'wage_declaration', 'contribution_record', 'personal_account_year', 'benefit_payment',
  'eligibility_certification', 'work_injury_determination', 'work_injury_appraisal', 'unit_clerk', 'reviewer', 'audit_base_determination',
];

/** Rows of one transaction: per table, tuples of SQL literals in COLUMNS order. */
export class RowBatch {
  readonly tuples = new Map<Table, string[]>();
  private readonly buckets = new Map<Table, Map<number, string[]>>();

  add(table: Table, values: readonly string[]): void {
    if (values.length !== COLUMNS[table].length) {
      throw new Error(`seed: ${table} row has ${values.length} values for ${COLUMNS[table].length} columns`);
    }
    let list = this.tuples.get(table);
    if (!list) this.tuples.set(table, (list = []));
    list.push(`(${values.join(',')})`);
  }

  /** The tuple list of a table, for hot loops that format tuples themselves (same column order as COLUMNS). */
  raw(table: Table): string[] {
    let list = this.tuples.get(table);
    if (!list) this.tuples.set(table, (list = []));
    return list;
  }

  /**
   * Like raw, in a bucket: buckets are written in ascending key order. contribution_record is bucketed by unit id so
   * each INSERT touches one narrow range of the (unit_id, period) index instead of pages all over it (random
   * secondary-index inserts are what slows a large seed down once the index outgrows the buffer pool).
   */
  bucket(table: Table, key: number): string[] {
    let byKey = this.buckets.get(table);
    if (!byKey) this.buckets.set(table, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    return list;
  }

  /** Tuples of a table in write order (plain rows first, then buckets by key). */
  rows(table: Table): string[] {
    const plain = this.tuples.get(table) ?? [];
    const byKey = this.buckets.get(table);
    if (!byKey) return plain;
    const out = plain.slice();
    for (const k of [...byKey.keys()].sort((a, b) => a - b)) for (const t of byKey.get(k) as string[]) out.push(t);
    return out;
  }

  tables(): Table[] {
    return TABLE_ORDER.filter((t) => this.tuples.has(t) || this.buckets.has(t));
  }

  count(table?: Table): number {
    const one = (t: Table) => {
      let n = this.tuples.get(t)?.length ?? 0;
      for (const l of this.buckets.get(t)?.values() ?? []) n += l.length;
      return n;
    };
    if (table) return one(table);
    return this.tables().reduce((a, t) => a + one(t), 0);
  }
}

const MAX_ROWS_PER_INSERT = 2_000;
const MAX_BYTES_PER_INSERT = 1_000_000;

function* insertStatements(table: Table, tuples: readonly string[]): Generator<string> {
  const head = `INSERT INTO \`${table}\` (${COLUMNS[table].map((c) => `\`${c}\``).join(',')}) VALUES `;
  let start = 0;
  while (start < tuples.length) {
    let end = start;
    let bytes = head.length;
    while (end < tuples.length && end - start < MAX_ROWS_PER_INSERT && bytes < MAX_BYTES_PER_INSERT) {
      bytes += (tuples[end] as string).length + 1;
      end++;
    }
    yield head + tuples.slice(start, end).join(',');
    start = end;
  }
}

/**
 * Write a batch in one transaction. The INSERTs are pipelined (sent without waiting for each answer); the COMMIT
 * is sent only after every INSERT succeeded, otherwise the transaction is rolled back.
 */
export async function writeBatch(conn: Conn, batch: RowBatch): Promise<number> {
  await conn.beginTransaction();
  const pending: Promise<unknown>[] = [];
  try {
    for (const table of batch.tables()) {
      const tuples = batch.rows(table);
      if (!tuples.length) continue;
      for (const sql of insertStatements(table, tuples)) pending.push(conn.query(sql));
    }
    const results = await Promise.allSettled(pending);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await conn.commit();
  } catch (e) {
    await Promise.allSettled(pending);
    await conn.rollback().catch(() => {});
    throw e;
  }
  return batch.count();
}

// ── emptiness and reset ──

/** Every base table of the database except Prisma's migration bookkeeping. */
export async function dataTables(conn: Conn): Promise<string[]> {
  const rows = await conn.query<{ t: string }[]>(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations' ORDER BY TABLE_NAME",
  );
  return rows.map((r) => r.t);
}

/** Tables that hold at least one row. */
export async function nonEmptyTables(conn: Conn): Promise<string[]> {
  const out: string[] = [];
  for (const t of await dataTables(conn)) {
    const rows = await conn.query<unknown[]>(`SELECT 1 FROM \`${t.replace(/`/g, '``')}\` LIMIT 1`);
    if (rows.length) out.push(t);
  }
  return out;
}

/** TRUNCATE every data table (not _prisma_migrations); foreign-key checks off for this session meanwhile. */
export async function truncateAll(conn: Conn): Promise<string[]> {
  const tables = await dataTables(conn);
  await conn.query('SET FOREIGN_KEY_CHECKS = 0');
  try {
    for (const t of tables) await conn.query(`TRUNCATE TABLE \`${t.replace(/`/g, '``')}\``);
  } finally {
    await conn.query('SET FOREIGN_KEY_CHECKS = 1');
  }
  return tables;
}

/** The tables must exist: the seed runs on a migrated database. */
export async function assertMigrated(conn: Conn): Promise<void> {
  const tables = new Set(await dataTables(conn));
  const missing = TABLE_ORDER.filter((t) => !tables.has(t));
  if (missing.length) {
    throw new Error(`the database is not migrated (missing tables: ${missing.join(', ')}); run: npx tsx bff/src/db/migrate.ts`);
  }
}
