// The database edge of the person queries: DECIMAL(14,2) → integer fen through its decimal text (never a float),
// DATE → 'YYYY-MM-DD', DATETIME (UTC) → ISO instant + Asia/Shanghai wall-clock text, periods → "2024年03月".
import { divRoundHalfUp, formatPeriod, formatYuan, shanghaiDateTime, shanghaiToday, yuanToFen, type Fen } from '@shebao/shared'

/** What Prisma hands us for a DECIMAL column: its Decimal (findMany and $queryRaw alike), or text. */
export interface DecimalLike {
  toFixed(dp: number): string
}

/** DECIMAL → fen, exactly: Decimal.toFixed(2) is the column's own text ('2844.80'), parsed digit by digit. */
export function fen(value: DecimalLike | string): Fen {
  return yuanToFen(typeof value === 'string' ? value : value.toFixed(2))
}

export function fenOrNull(value: DecimalLike | string | null): Fen | null {
  return value === null ? null : fen(value)
}

/** "2,844.80" */
export const yuan = formatYuan

export function yuanOrNull(value: Fen | null): string | null {
  return value === null ? null : formatYuan(value)
}

/** A DATE column (Prisma gives midnight UTC of that calendar day) → 'YYYY-MM-DD'. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function isoDateOrNull(d: Date | null): string | null {
  return d === null ? null : isoDate(d)
}

/** A DATETIME instant → ISO 8601 UTC. */
export function instant(d: Date): string {
  return d.toISOString()
}

export function instantOrNull(d: Date | null): string | null {
  return d === null ? null : d.toISOString()
}

/** China has kept UTC+8 all year since daylight saving time ended in September 1991. */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1)
const two = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * A DATETIME instant → 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai. From 1992 on the zone is a fixed UTC+8, so this is
 * plain arithmetic (Intl's formatToParts was the largest cost of a contribution page); earlier instants go through
 * shared's Intl-based shanghaiDateTime, which knows the 1986–1991 summer times.
 */
export function instantText(d: Date): string {
  const t = d.getTime()
  if (!(t >= FIXED_OFFSET_FROM)) return shanghaiDateTime(d)
  const s = new Date(t + 8 * 3_600_000)
  return `${s.getUTCFullYear()}-${two(s.getUTCMonth() + 1)}-${two(s.getUTCDate())} ${two(s.getUTCHours())}:${two(s.getUTCMinutes())}:${two(s.getUTCSeconds())}`
}

export function instantTextOrNull(d: Date | null): string | null {
  return d === null ? null : instantText(d)
}

export const periodText = formatPeriod

export function periodTextOrNull(p: number | null): string | null {
  return p === null ? null : formatPeriod(p)
}

/** Today in Asia/Shanghai ('YYYY-MM-DD'); `now` injectable for tests. */
export function today(now: Date = new Date()): string {
  return shanghaiToday(now)
}

/** Average in fen rounded half up (one rounding, exact): averageFen(100, 3) = 33. 0 when there is nothing. */
export function averageFen(sum: Fen, count: number): Fen {
  return count === 0 ? 0 : divRoundHalfUp(sum, count)
}
