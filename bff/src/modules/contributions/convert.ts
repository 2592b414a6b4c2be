// Database edge conversions: DECIMAL(14,2) ⇄ integer fen, DECIMAL(9,6) → ppm, DATE columns ⇄ 'YYYY-MM-DD', and the
// screen texts (yuan, period, Shanghai time) the API returns beside exact values.
import {
  fenToYuanString,
  formatPeriod,
  formatRatePercent,
  formatYuan,
  rateToPpm,
  shanghaiDateTime,
  yuanToFen,
  type Fen,
  type IsoDate,
  type RatePpm
} from '@shebao/shared'
import { Prisma } from '../../db/client.ts'

type DecimalLike = Prisma.Decimal | string | number | bigint | { toFixed(n: number): string }

/** DECIMAL(14,2) (Prisma Decimal, driver string or number) → fen, exactly. */
export function toFen(d: DecimalLike | null | undefined): Fen {
  if (d === null || d === undefined) return 0
  if (typeof d === 'bigint') return Number(d) * 100
  if (typeof d === 'object') return yuanToFen(d.toFixed(2))
  if (typeof d === 'number') return yuanToFen(d.toFixed(2))
  return yuanToFen(d)
}

export function toFenOrNull(d: DecimalLike | null | undefined): Fen | null {
  return d === null || d === undefined ? null : toFen(d)
}

/** DECIMAL(9,6) fraction → ppm. */
export function toPpm(d: DecimalLike): RatePpm {
  if (typeof d === 'object' && d !== null && 'toFixed' in d) return rateToPpm(d.toFixed(6))
  return rateToPpm(String(d))
}

/** fen → DECIMAL literal text for raw SQL and Prisma ("2844.80"). */
export function dec(fen: Fen): string {
  return fenToYuanString(fen)
}

export function decimal(fen: Fen): Prisma.Decimal {
  return new Prisma.Decimal(fenToYuanString(fen))
}

export const yuan = formatYuan
export const rateText = formatRatePercent
export const periodText = formatPeriod

/** 'YYYY-MM-DD' → Date at UTC midnight (what a DATE column stores unchanged). */
export function dateOnly(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00.000Z`)
}

/** DATE column → 'YYYY-MM-DD'. */
export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10)
}

export function instant(d: Date): string {
  return d.toISOString()
}

export function instantText(d: Date): string {
  return shanghaiDateTime(d)
}
