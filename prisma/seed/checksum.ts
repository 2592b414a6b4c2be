// Order-independent checksums of the seeded tables (count + sum of CRC32 over each row's values), to show that two
// runs with the same --seed and --now wrote the same data. Columns that legitimately differ between runs are left
// out: created_at / updated_at (wall clock) and the scrypt hashes (random salt).
import { COLUMNS, type Conn, type Table } from './sql.ts';

const VOLATILE = new Set(['created_at', 'updated_at', 'pin_hash', 'password_hash']);

export interface TableChecksum {
  readonly rows: number;
  readonly sum: string;
}

export async function tableChecksums(conn: Conn, tables: readonly Table[] = Object.keys(COLUMNS) as Table[]): Promise<Record<string, TableChecksum>> {
  const out: Record<string, TableChecksum> = {};
  for (const t of tables) {
    const cols = COLUMNS[t].filter((c) => !VOLATILE.has(c)).map((c) => `IFNULL(CAST(\`${c}\` AS CHAR), '\\\\N')`);
    const [row] = await conn.query<{ n: bigint | number; s: bigint | number | string | null }[]>(
      `SELECT COUNT(*) AS n, CAST(COALESCE(SUM(CRC32(CONCAT_WS('|', ${cols.join(', ')}))), 0) AS CHAR) AS s FROM \`${t}\``,
    );
    out[t] = { rows: Number(row?.n ?? 0), sum: String(row?.s ?? '0') };
  }
  return out;
}
