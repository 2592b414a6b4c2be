/**
 * Instants from the API (ISO strings, UTC) as people read them, in Asia/Shanghai (a fixed +8: China has had no
 * daylight saving since 1991). Calendar dates and periods: @shebao/shared (shanghaiToday, formatPeriod).
 */

const shanghai = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000)
const two = (n: number) => String(n).padStart(2, '0')

/** "2026-11-25T02:03:04.000Z" → "2026-11-25 10:03"; nothing → "". */
export function shanghaiMinute(iso: string | null | undefined): string {
  if (!iso) return ''
  return shanghai(iso).toISOString().slice(0, 16).replace('T', ' ')
}

/** "2024-05-01T02:03:04Z" → "2024年5月1日 10:03". */
export function chineseTime(iso: string): string {
  const d = shanghai(iso)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** "2026-11-25" → "2026年11月25日"; an instant ("2024-05-01T02:03:04Z") → its Shanghai date, "2024年5月1日". */
export function chineseDate(isoDateOrInstant: string): string {
  if (isoDateOrInstant.length > 10) return chineseTime(isoDateOrInstant).split(' ')[0] as string
  const [y, m, d] = isoDateOrInstant.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** The month (YYYYMM) an instant falls in, in Shanghai. */
export function shanghaiPeriodOf(iso: string): number {
  const d = shanghai(iso)
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1
}
