/**
 * Periods (期号 / 费款所属期) as YYYYMM integers (202403), calendar dates as 'YYYY-MM-DD' strings, and the
 * business clock of Asia/Shanghai. Pure: "now" is always a parameter (default `new Date()`), so tests inject it.
 */

/** A period YYYYMM, e.g. 202403. */
export type Period = number;

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

export function isPeriod(value: unknown): value is Period {
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  const year = Math.floor(value / 100);
  const month = value % 100;
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

export function assertPeriod(value: number, what = 'period'): asserts value is Period {
  if (!isPeriod(value)) throw new RangeError(`${what} must be YYYYMM, got ${String(value)}`);
}

/**
 * Read a period from a number or text: 202403, "202403", "2024-03", "2024/3", "2024.03", "2024年3月", "2024年03月".
 * Returns null when it is not a valid period.
 */
export function parsePeriod(input: string | number): Period | null {
  if (typeof input === 'number') return isPeriod(input) ? input : null;
  if (typeof input !== 'string') return null;
  const s = input.trim();
  let m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m) m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m) return null;
  const p = Number(m[1]) * 100 + Number(m[2]);
  return isPeriod(p) ? p : null;
}

export function periodYear(p: Period): number {
  assertPeriod(p);
  return Math.floor(p / 100);
}

export function periodMonth(p: Period): number {
  assertPeriod(p);
  return p % 100;
}

export function makePeriod(year: number, month: number): Period {
  const p = year * 100 + month;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`invalid year/month ${year}/${month}`);
  }
  assertPeriod(p);
  return p;
}

function monthIndex(p: Period): number {
  return Math.floor(p / 100) * 12 + ((p % 100) - 1);
}

function fromMonthIndex(i: number): Period {
  const year = Math.floor(i / 12);
  const p = year * 100 + (i - year * 12) + 1;
  assertPeriod(p, 'resulting period');
  return p;
}

/** addMonths(202311, 3) = 202402; negative n goes back. */
export function addMonths(p: Period, n: number): Period {
  assertPeriod(p);
  if (!Number.isInteger(n)) throw new RangeError('months must be an integer');
  return fromMonthIndex(monthIndex(p) + n);
}

/** Months from `from` to `to`: diffMonths(202311, 202402) = 3; negative when `to` is earlier. */
export function diffMonths(from: Period, to: Period): number {
  assertPeriod(from);
  assertPeriod(to);
  return monthIndex(to) - monthIndex(from);
}

/** Number of months in the inclusive range from…to (202401…202403 → 3); 0 when to < from. */
export function monthsInclusive(from: Period, to: Period): number {
  return Math.max(0, diffMonths(from, to) + 1);
}

/** Every period from…to inclusive, ascending. Empty when to < from. */
export function periodRange(from: Period, to: Period): Period[] {
  const n = monthsInclusive(from, to);
  const out: Period[] = [];
  for (let i = 0; i < n; i++) out.push(addMonths(from, i));
  return out;
}

/** Do the inclusive ranges [a1, a2] and [b1, b2] share a month? (R41: no overlapping periods per person.) */
export function periodsOverlap(a1: Period, a2: Period, b1: Period, b2: Period): boolean {
  return a1 <= b2 && b1 <= a2;
}

/** "2024年03月" */
export function formatPeriod(p: Period): string {
  assertPeriod(p);
  return `${Math.floor(p / 100)}年${String(p % 100).padStart(2, '0')}月`;
}

/** "2024-03" (for inputs of type month and for file names). */
export function formatPeriodDash(p: Period): string {
  assertPeriod(p);
  return `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}`;
}

// ── social-insurance year (社保年度, 7/1 – 6/30; R004-6, FAQ5) ──────────────────────────────

/** The social-insurance year a period belongs to, named by its starting year: 202403 → 2023, 202407 → 2024. */
export function socialYearOf(p: Period): number {
  assertPeriod(p);
  const year = Math.floor(p / 100);
  return p % 100 >= 7 ? year : year - 1;
}

/** The periods of social-insurance year `startYear`: 2022 → { from: 202207, to: 202306 }. */
export function socialYearPeriods(startYear: number): { from: Period; to: Period } {
  return { from: makePeriod(startYear, 7), to: makePeriod(startYear + 1, 6) };
}

/** "2022社保年度（2022年7月-2023年6月）", as seed 004 FAQ5 writes it. */
export function socialYearLabel(startYear: number): string {
  socialYearPeriods(startYear);
  return `${startYear}社保年度（${startYear}年7月-${startYear + 1}年6月）`;
}

// ── calendar dates 'YYYY-MM-DD' ─────────────────────────────────────────────────────────────

/** A calendar date 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function assertIsoDate(value: string, what = 'date'): void {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be YYYY-MM-DD, got ${String(value)}`);
}

/** Read 'YYYYMMDD' or 'YYYY-MM-DD' (also '/' or '.' separators) into an IsoDate, or null. */
export function parseIsoDate(input: string): IsoDate | null {
  const s = input.trim();
  const m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/.exec(s) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function dayNumber(d: IsoDate): number {
  assertIsoDate(d);
  return Math.round(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000);
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * 86_400_000);
  const iso = `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
  assertIsoDate(iso, 'resulting date');
  return iso;
}

/** addDays('2024-02-28', 2) = '2024-03-01'. */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError('days must be an integer');
  return fromDayNumber(dayNumber(d) + n);
}

/** Days from a to b: diffDays('2024-01-31', '2024-03-01') = 30. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Calendar months added to a date, clamped to the month's end: addMonthsToDate('2024-11-30', 3) = '2025-02-28'.
 * (Certificate expiry = issue + 3 months, R004-1.)
 */
export function addMonthsToDate(d: IsoDate, n: number): IsoDate {
  assertIsoDate(d);
  const p = addMonths(Number(d.slice(0, 4)) * 100 + Number(d.slice(5, 7)), n);
  const y = Math.floor(p / 100);
  const mo = p % 100;
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The period of a date: '2024-03-15' → 202403. */
export function periodOfDate(d: IsoDate): Period {
  assertIsoDate(d);
  return Number(d.slice(0, 4)) * 100 + Number(d.slice(5, 7));
}

export function firstDayOfPeriod(p: Period): IsoDate {
  assertPeriod(p);
  return `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}-01`;
}

export function lastDayOfPeriod(p: Period): IsoDate {
  assertPeriod(p);
  const y = Math.floor(p / 100);
  const mo = p % 100;
  return `${y}-${String(mo).padStart(2, '0')}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
}

/** "2021年11月13日" as the seeds print dates (打印时间, 经办日期). */
export function formatDateChinese(d: IsoDate): string {
  assertIsoDate(d);
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

// ── Asia/Shanghai clock ─────────────────────────────────────────────────────────────────────

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export interface ShanghaiParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

let formatter: Intl.DateTimeFormat | null | undefined;

function getFormatter(): Intl.DateTimeFormat | null {
  if (formatter !== undefined) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: BUSINESS_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    if (typeof formatter.formatToParts !== 'function') formatter = null;
  } catch {
    formatter = null; // runtimes without time-zone data (some mini-program engines)
  }
  return formatter;
}

/** UTC+8: China has had no daylight saving time since 1991, so a fixed offset is exact for business dates. */
function fixedOffsetParts(t: number): ShanghaiParts {
  const d = new Date(t + 8 * 3_600_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * Wall-clock date and time in Asia/Shanghai of an instant, via Intl with timeZone 'Asia/Shanghai' (falling back to
 * the fixed UTC+8 offset where the runtime has no time-zone data).
 */
export function shanghaiParts(now: Date = new Date()): ShanghaiParts {
  const t = now.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const f = getFormatter();
  if (!f) return fixedOffsetParts(t);
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(now)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts;
  if ([year, month, day, hour, minute, second].some((v) => v === undefined || !Number.isFinite(v))) return fixedOffsetParts(t);
  return {
    year: year as number,
    month: month as number,
    day: day as number,
    hour: (hour as number) % 24,
    minute: minute as number,
    second: second as number,
  };
}

/** Today's date in Asia/Shanghai: 'YYYY-MM-DD'. */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  const p = shanghaiParts(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The current period in Asia/Shanghai: 202403. */
export function shanghaiPeriod(now: Date = new Date()): Period {
  const p = shanghaiParts(now);
  return p.year * 100 + p.month;
}

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai. */
export function shanghaiDateTime(now: Date = new Date()): string {
  const p = shanghaiParts(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** The UTC instant at which a Shanghai calendar date begins (for "from this date on" database queries). */
export function shanghaiStartOfDay(d: IsoDate): Date {
  assertIsoDate(d);
  return new Date(dayNumber(d) * 86_400_000 - 8 * 3_600_000);
}
