// The migrations produce exactly what prisma/schema.prisma describes.
//
// How: apply prisma/migrations to a fresh empty database with our runner, read the result back from
// information_schema, and compare, model by model, with what Prisma's MySQL connector would create for the schema:
// tables, columns (type incl. @db.* native types, ENUM values, nullability, defaults, auto-increment), primary keys,
// unique constraints and indexes (with their Prisma default names), foreign keys (columns, target, referential
// actions) and the table collation. The schema is parsed by Prisma's own parser (its WebAssembly schema module, see
// scripts/lib/prisma-dmmf.mjs), not by a regex.
//
// The expected types below are written independently of scripts/schema-sql.mjs (which generated the initial
// migration), so a mistake in that generator shows up here instead of being copied into both.
// When this test fails after a schema change: write a new migration (docs/database.md) until it passes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../bff/src/db/migrate.ts';
import { type DmmfField, type DmmfModel, getDMMF, relationMapNames } from '../../scripts/lib/prisma-dmmf.mjs';
import { connect, createScratchDatabase, type ScratchDatabase } from '../setup/db.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const { datamodel } = getDMMF(source);
const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]));
const fkMapNames = relationMapNames(source);

// ───────────────────────── what Prisma would create ─────────────────────────

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (m: DmmfModel, field: string) => {
  const f = m.fields.find((x) => x.name === field);
  if (!f) throw new Error(`${m.name}.${field} not found`);
  return f.dbName ?? f.name;
};

/** Prisma's default constraint names: <table>_<columns>_<suffix>, cut to MySQL's 64-character identifiers. */
const defaultName = (table: string, cols: string[], suffix: string) => `${table}_${cols.join('_')}`.slice(0, 64 - suffix.length) + suffix;

/** information_schema COLUMN_TYPE (normalised, see normaliseType) for a Prisma field on the MySQL connector. */
function expectedType(f: DmmfField): string {
  if (f.kind === 'enum') {
    const e = enums.get(f.type)!;
    return `enum(${e.values.map((v) => `'${(v.dbName ?? v.name).replace(/'/g, "''")}'`).join(',')})`;
  }
  if (f.nativeType) {
    const [name, args] = f.nativeType;
    const a = args.join(',');
    const native: Record<string, string> = {
      VarChar: `varchar(${a})`, Char: `char(${a})`, Text: 'text', TinyText: 'tinytext', MediumText: 'mediumtext', LongText: 'longtext',
      Decimal: `decimal(${a})`, Float: 'float', Double: 'double',
      TinyInt: 'tinyint', SmallInt: 'smallint', MediumInt: 'mediumint', Int: 'int', BigInt: 'bigint',
      UnsignedTinyInt: 'tinyint unsigned', UnsignedSmallInt: 'smallint unsigned', UnsignedMediumInt: 'mediumint unsigned',
      UnsignedInt: 'int unsigned', UnsignedBigInt: 'bigint unsigned', Year: 'year', Bit: `bit(${a})`,
      Date: 'date', Time: a && a !== '0' ? `time(${a})` : 'time', DateTime: a && a !== '0' ? `datetime(${a})` : 'datetime',
      Timestamp: a && a !== '0' ? `timestamp(${a})` : 'timestamp', Json: 'json',
      Binary: `binary(${a})`, VarBinary: `varbinary(${a})`, TinyBlob: 'tinyblob', Blob: 'blob', MediumBlob: 'mediumblob', LongBlob: 'longblob',
    };
    const t = native[name];
    if (!t) throw new Error(`schema test: no expectation for @db.${name} (${f.name}); add it here`);
    return t;
  }
  const scalar: Record<string, string> = {
    String: 'varchar(191)', Int: 'int', BigInt: 'bigint', Float: 'double', Decimal: 'decimal(65,30)',
    Boolean: 'tinyint(1)', DateTime: 'datetime(3)', Json: 'json', Bytes: 'longblob',
  };
  const t = scalar[f.type];
  if (!t) throw new Error(`schema test: no expectation for type ${f.type} (${f.name}); add it here`);
  return t;
}

const NUMERIC = /^(tinyint|smallint|mediumint|int|bigint|decimal|float|double|year)/;

/** Expected normalised COLUMN_DEFAULT, or undefined when the database default is not compared (dbgenerated). */
function expectedDefault(f: DmmfField, type: string): string | null | undefined {
  if (!f.hasDefaultValue) return null;
  const d = f.default as unknown;
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    const fn = (d as { name: string }).name;
    if (fn === 'now') return `current_timestamp(${/\((\d)\)/.exec(type)?.[1] ?? ''})`;
    if (fn === 'dbgenerated') return undefined;
    return null; // autoincrement (checked via EXTRA), uuid(), cuid(): no database default
  }
  if (f.kind === 'enum') return enums.get(f.type)!.values.find((v) => v.name === d)?.dbName ?? String(d);
  if (typeof d === 'boolean') return d ? '1' : '0';
  if (typeof d === 'number') return String(d);
  return String(d);
}

interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null | undefined;
  autoIncrement: boolean;
}
interface IndexShape {
  unique: boolean;
  columns: string[]; // "col", "col(20)", "col DESC"
}
interface ForeignKeyShape {
  columns: string[];
  references: string; // table(col, …)
  onDelete: string;
  onUpdate: string;
}
interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
  collation: string;
}

const ACTIONS: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

function expectedTable(m: DmmfModel): TableShape {
  const table = tableOf(m);
  const columns: Record<string, ColumnShape> = {};
  for (const f of m.fields) {
    if (f.kind === 'object') continue;
    const type = expectedType(f);
    const auto = (f.default as { name?: string } | undefined)?.name === 'autoincrement';
    columns[f.dbName ?? f.name] = { type, nullable: !f.isRequired, default: expectedDefault(f, type), autoIncrement: auto };
  }
  let primaryKey: string[] = [];
  const indexes: Record<string, IndexShape> = {};
  for (const idx of datamodel.indexes.filter((i) => i.model === m.name)) {
    const cols = idx.fields.map((x) => columnOf(m, x.name));
    if (idx.type === 'id') {
      primaryKey = cols;
      continue;
    }
    const name = idx.dbName ?? defaultName(table, cols, idx.type === 'unique' ? '_key' : '_idx');
    indexes[name] = {
      unique: idx.type === 'unique',
      columns: idx.fields.map((x, i) => `${cols[i]}${x.length ? `(${x.length})` : ''}${x.sortOrder === 'desc' ? ' DESC' : ''}`),
    };
  }
  const foreignKeys: Record<string, ForeignKeyShape> = {};
  for (const f of m.fields) {
    if (f.kind !== 'object' || !f.relationFromFields?.length) continue;
    const target = modelsByName.get(f.type)!;
    const cols = f.relationFromFields.map((x) => columnOf(m, x));
    const optional = f.relationFromFields.some((x) => !m.fields.find((y) => y.name === x)!.isRequired);
    const name = fkMapNames.get(`${m.name}.${f.name}`) ?? defaultName(table, cols, '_fkey');
    foreignKeys[name] = {
      columns: cols,
      references: `${tableOf(target)}(${f.relationToFields!.map((x) => columnOf(target, x)).join(', ')})`,
      onDelete: ACTIONS[f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')]!,
      onUpdate: ACTIONS[f.relationOnUpdate ?? 'Cascade']!,
    };
  }
  return { columns, primaryKey, indexes, foreignKeys, collation: 'utf8mb4_unicode_ci' };
}

// ───────────────────────── what the database has ─────────────────────────

type Row = Record<string, unknown>;
let db: ScratchDatabase;
let conn: mariadb.Connection;
let isMariaDb = false;
let actualTables: string[] = [];
let columnRows: Row[] = [];
let statRows: Row[] = [];
let fkRows: Row[] = [];
let jsonChecks = new Set<string>();
let collations = new Map<string, string>();

/** information_schema's COLUMN_TYPE made comparable across MariaDB and MySQL 8. */
function normaliseType(table: string, column: string, columnType: string): string {
  const e = /^(enum|set)(\([\s\S]*\))$/i.exec(columnType.trim());
  if (e) return e[1]!.toLowerCase() + e[2]; // the values keep their case
  let t = columnType.toLowerCase().replace(/\s+/g, ' ').trim();
  // Integer display widths (MariaDB, MySQL < 8.0.19) mean nothing, except tinyint(1), which is how BOOLEAN shows.
  if (t !== 'tinyint(1)') t = t.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, '$1');
  t = t.replace(/^decimal\((\d+),\s*(\d+)\)/, 'decimal($1,$2)').replace(/ zerofill$/, '');
  // MariaDB implements JSON as LONGTEXT with a json_valid() CHECK constraint.
  if (t === 'longtext' && jsonChecks.has(`${table}.${column}`)) t = 'json';
  return t;
}

function normaliseDefault(raw: unknown, type: string): string | null {
  if (raw === null || raw === undefined) return null;
  let d = String(raw);
  if (isMariaDb) {
    if (d === 'NULL') return null;
    const quoted = /^'([\s\S]*)'$/.exec(d);
    if (quoted) d = quoted[1]!.replace(/''/g, "'").replace(/\\\\/g, '\\');
  }
  if (/^current_timestamp/i.test(d)) return d.toLowerCase().replace(/^current_timestamp$/, 'current_timestamp()');
  if (NUMERIC.test(type) && d !== '' && !Number.isNaN(Number(d))) return String(Number(d));
  return d;
}

function actualTable(table: string): TableShape {
  const columns: Record<string, ColumnShape> = {};
  for (const c of columnRows.filter((r) => r.TABLE_NAME === table)) {
    const name = c.COLUMN_NAME as string;
    const type = normaliseType(table, name, c.COLUMN_TYPE as string);
    columns[name] = {
      type,
      nullable: c.IS_NULLABLE === 'YES',
      default: normaliseDefault(c.COLUMN_DEFAULT, type),
      autoIncrement: /auto_increment/i.test(String(c.EXTRA)),
    };
  }
  const byIndex = new Map<string, Row[]>();
  for (const s of statRows.filter((r) => r.TABLE_NAME === table)) {
    const k = s.INDEX_NAME as string;
    byIndex.set(k, [...(byIndex.get(k) ?? []), s]);
  }
  const foreignKeys: Record<string, ForeignKeyShape> = {};
  for (const r of fkRows.filter((x) => x.TABLE_NAME === table)) {
    const name = r.CONSTRAINT_NAME as string;
    const fk = (foreignKeys[name] ??= { columns: [], references: '', onDelete: r.DELETE_RULE as string, onUpdate: r.UPDATE_RULE as string });
    fk.columns.push(r.COLUMN_NAME as string);
    const refs = fkRows
      .filter((x) => x.TABLE_NAME === table && x.CONSTRAINT_NAME === name)
      .map((x) => x.REFERENCED_COLUMN_NAME as string);
    fk.references = `${r.REFERENCED_TABLE_NAME as string}(${refs.join(', ')})`;
  }
  let primaryKey: string[] = [];
  const indexes: Record<string, IndexShape> = {};
  for (const [name, parts] of byIndex) {
    parts.sort((a, b) => Number(a.SEQ_IN_INDEX) - Number(b.SEQ_IN_INDEX));
    const cols = parts.map((p) => `${p.COLUMN_NAME as string}${p.SUB_PART != null ? `(${Number(p.SUB_PART)})` : ''}${p.COLLATION === 'D' ? ' DESC' : ''}`);
    if (name === 'PRIMARY') {
      primaryKey = cols;
      continue;
    }
    // MySQL adds an index named after a foreign key when no index starts with its columns; Prisma does not declare
    // it (and its own migrations leave it implicit), so it is not part of the comparison.
    const fk = foreignKeys[name];
    if (fk && fk.columns.join() === cols.join()) continue;
    indexes[name] = { unique: Number(parts[0]!.NON_UNIQUE) === 0, columns: cols };
  }
  return { columns, primaryKey, indexes, foreignKeys, collation: collations.get(table) ?? '?' };
}

beforeAll(async () => {
  db = await createScratchDatabase('schema');
  await migrate(db.url, { log: () => {} });
  conn = await connect(db.url);
  isMariaDb = /mariadb/i.test(String((await conn.query<Row[]>('SELECT VERSION() AS v'))[0]!.v));
  const schema = db.name;
  const tables = await conn.query<Row[]>(
    "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [schema],
  );
  actualTables = tables.map((t) => t.TABLE_NAME as string).sort();
  collations = new Map(tables.map((t) => [t.TABLE_NAME as string, t.TABLE_COLLATION as string]));
  columnRows = await conn.query<Row[]>(
    'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?',
    [schema],
  );
  statRows = await conn.query<Row[]>(
    'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?',
    [schema],
  );
  fkRows = await conn.query<Row[]>(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
            r.UPDATE_RULE, r.DELETE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [schema],
  );
  if (isMariaDb) {
    const checks = await conn.query<Row[]>(
      'SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
      [schema],
    );
    jsonChecks = new Set(
      checks.flatMap((c) => {
        const m = /^json_valid\(`([^`]+)`\)$/.exec(String(c.CHECK_CLAUSE).trim());
        return m ? [`${c.TABLE_NAME as string}.${m[1]}`] : [];
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await conn?.end();
  await db?.drop();
});

describe('migrations match prisma/schema.prisma', () => {
  it('has exactly one table per model (plus _prisma_migrations)', () => {
    const expected = [...datamodel.models.map(tableOf), '_prisma_migrations'].sort();
    expect(actualTables).toEqual(expected);
  });

  it.each(datamodel.models.map((m) => [m.name, tableOf(m)] as const))('model %s ↔ table %s', (modelName, table) => {
    const expected = expectedTable(modelsByName.get(modelName)!);
    const actual = actualTable(table);
    // Defaults Prisma cannot describe (dbgenerated) are not compared.
    for (const [name, col] of Object.entries(expected.columns)) {
      if (col.default === undefined && actual.columns[name]) actual.columns[name]!.default = undefined;
    }
    expect(actual).toEqual(expected);
  });

  it('records every migration folder as applied, with no failures', async () => {
    const folders = fs
      .readdirSync(path.join(root, 'prisma/migrations'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'prisma/migrations', d.name, 'migration.sql')))
      .map((d) => d.name)
      .sort();
    const rows = await conn.query<Row[]>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => [r.migration_name, r.finished_at instanceof Date, r.rolled_back_at])).toEqual(folders.map((f) => [f, true, null]));
  });
});
