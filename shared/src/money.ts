/**
 * Money as integer fen (分). Never binary floating point: amounts are parsed from their decimal text and every
 * multiplication by a rate is exact integer arithmetic with one half-up rounding at the end.
 *
 * Rounding convention: "四舍五入" half away from zero (−0.5 → −1), the same for refunds as for charges.
 * Safe range: |fen| ≤ Number.MAX_SAFE_INTEGER (≈ 9 × 10^15 fen); every function checks its inputs.
 */

/** An amount in fen (integer). */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertFen(value: number, what = 'amount'): asserts value is Fen {
  if (!isFen(value)) throw new RangeError(`${what} must be a safe integer number of fen, got ${String(value)}`);
}

function assertInt(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
}

/**
 * `numerator / denominator` rounded half away from zero, exactly, for safe integers.
 * divRoundHalfUp(5, 2) = 3, divRoundHalfUp(-5, 2) = -3, divRoundHalfUp(4, 3) = 1.
 */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  assertInt(numerator, 'numerator');
  assertInt(denominator, 'denominator');
  if (denominator === 0) throw new RangeError('division by zero');
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const r = n % d; // exact for safe integers
  const q = (n - r) / d; // exact: n - r is a multiple of d
  const rounded = 2 * r >= d ? q + 1 : q;
  return negative && rounded !== 0 ? -rounded : rounded;
}

/**
 * round(a × b / d) half away from zero, exactly, even when a × b exceeds 2^53 (a = q·d + r, so
 * a·b/d = q·b + r·b/d). Needs |b|·|d| and the result to be safe integers.
 */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  assertInt(a, 'a');
  assertInt(b, 'b');
  assertInt(d, 'd');
  if (d === 0) throw new RangeError('division by zero');
  const negative = (a < 0) !== (b < 0) !== (d < 0);
  const A = Math.abs(a);
  const B = Math.abs(b);
  const D = Math.abs(d);
  if (!Number.isSafeInteger(B * D)) throw new RangeError('mulDivRoundHalfUp: |b|·|d| too large');
  const r = A % D;
  const q = (A - r) / D;
  const whole = q * B;
  const rest = divRoundHalfUp(r * B, D);
  const result = whole + rest;
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(result)) throw new RangeError('mulDivRoundHalfUp: result too large');
  return negative && result !== 0 ? -result : result;
}

/** Round an integer to a multiple of `step`, half away from zero: roundToMultiple(8885, 10) = 8890. */
export function roundToMultiple(value: number, step: number): number {
  assertInt(step, 'step');
  if (step <= 0) throw new RangeError('step must be positive');
  return divRoundHalfUp(value, step) * step;
}

const YUAN_PATTERN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Parse a yuan amount written in decimal ("2844.80", "2844.8", "2,844.80", "-3", ".5", "¥12.00", "12元")
 * into fen, exactly, by reading the digits (no float arithmetic). A number is accepted as its shortest decimal
 * text (2844.8 → "2844.8"); numbers that need more than two decimals (0.1 + 0.2) are rejected, as is
 * exponent notation. Decimals beyond the fen must be zeros ("1.250" ok, "1.255" rejected).
 * Returns null when the input is not an exact amount.
 */
export function parseYuanToFen(input: string | number): Fen | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
    if (/e/i.test(text)) return null;
  } else if (typeof input === 'string') {
    text = input.trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  } else {
    return null;
  }
  const m = YUAN_PATTERN.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = (m[2] ?? '').replace(/,/g, '');
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  if (/[1-9]/.test(fracPart.slice(2))) return null;
  const yuan = intPart === '' ? 0 : Number(intPart);
  const fen = Number((fracPart + '00').slice(0, 2));
  const total = yuan * 100 + fen;
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(yuan)) return null;
  return total === 0 ? 0 : sign * total;
}

/** Like parseYuanToFen but throws a RangeError naming the input. */
export function yuanToFen(input: string | number): Fen {
  const fen = parseYuanToFen(input);
  if (fen === null) throw new RangeError(`not an exact yuan amount: ${JSON.stringify(input)}`);
  return fen;
}

function splitFen(fen: Fen): { sign: string; yuan: string; jiaoFen: string } {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const rest = abs - yuan * 100;
  return { sign: fen < 0 ? '-' : '', yuan: String(yuan), jiaoFen: rest < 10 ? `0${rest}` : String(rest) };
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "2844.80" — plain decimal, two places; the form for the database's DECIMAL(14,2) and for files. */
export function fenToYuanString(fen: Fen): string {
  const { sign, yuan, jiaoFen } = splitFen(fen);
  return `${sign}${yuan}.${jiaoFen}`;
}

/** "2,844.80" — grouped thousands, two places; the form for screens and proofs. */
export function formatYuan(fen: Fen): string {
  const { sign, yuan, jiaoFen } = splitFen(fen);
  return `${sign}${group(yuan)}.${jiaoFen}`;
}

/** "2844.8", "186.3", "0" — trailing zeros dropped, as the seed's bill (§4.9.2) and R104 print amounts. */
export function formatYuanTrimmed(fen: Fen): string {
  const { sign, yuan, jiaoFen } = splitFen(fen);
  const frac = jiaoFen.replace(/0+$/, '');
  return frac === '' ? `${sign}${yuan}` : `${sign}${yuan}.${frac}`;
}

/** Sum of fen amounts; throws if the total leaves the safe range. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const a of amounts) {
    assertFen(a);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('sumFen: total out of safe range');
  }
  return total;
}

/** Sum of a fen-valued field over rows: sumBy(lines, (l) => l.unitFen). */
export function sumBy<T>(rows: readonly T[], pick: (row: T) => Fen): Fen {
  return sumFen(rows.map(pick));
}
