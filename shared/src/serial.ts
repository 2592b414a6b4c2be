/**
 * Business numbers: 业务流水号 (15 digits, R103), 征集通知单据号 (16 digits, seed 004 §4.9.2) and the certificate
 * 授权码 (Crockford base32, ARCHITECTURE.md "Certificate verification"). Sequences and randomness come from the
 * caller (the database sequence, crypto.getRandomValues), so these stay pure.
 */
import { isIsoDate, shanghaiParts, type IsoDate } from './period';

const two = (n: number) => String(n).padStart(2, '0');

function dateDigits(date: Date | IsoDate): string {
  if (typeof date === 'string') {
    if (!isIsoDate(date)) throw new RangeError(`date must be YYYY-MM-DD, got ${date}`);
    return date.replace(/-/g, '');
  }
  const p = shanghaiParts(date);
  return `${p.year}${two(p.month)}${two(p.day)}`;
}

function digitsToIsoDate(d: string): IsoDate | null {
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return isIsoDate(iso) ? iso : null;
}

// ── 业务流水号 ──────────────────────────────────────────────────────────────────────────────

export const CASE_SERIAL_SEQUENCE_MAX = 9_999_999;

/**
 * 业务流水号 = YYYYMMDD (Asia/Shanghai date of the case) + 7-digit global sequence: "202103120470801".
 * The sequence is global (it does not restart each day, R103's samples grow across days); it wraps modulo 10^7,
 * which is harmless because the date prefix differs — give the sequence as it comes from the database.
 */
export function formatCaseSerialNo(date: Date | IsoDate, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError('sequence must be a non-negative integer');
  return `${dateDigits(date)}${String(sequence % (CASE_SERIAL_SEQUENCE_MAX + 1)).padStart(7, '0')}`;
}

export function isCaseSerialNo(value: unknown): value is string {
  return typeof value === 'string' && /^\d{15}$/.test(value) && digitsToIsoDate(value.slice(0, 8)) !== null;
}

export function parseCaseSerialNo(value: string): { date: IsoDate; sequence: number } | null {
  const s = value.trim();
  if (!/^\d{15}$/.test(s)) return null;
  const date = digitsToIsoDate(s.slice(0, 8));
  return date ? { date, sequence: Number(s.slice(8)) } : null;
}

// ── 征集通知单据号 ──────────────────────────────────────────────────────────────────────────

/**
 * 征集通知单据号 = yyyyMMdd HHmmss (Asia/Shanghai issue time) + 2-digit sequence within that second:
 * "2021111310244307" for 2021-11-13 10:24:43, sequence 07 (inferred from the seed's sample, §4.9.2).
 */
export function formatBillNo(issuedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 99) throw new RangeError('sequence must be 0–99');
  const p = shanghaiParts(issuedAt);
  return `${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}${two(sequence)}`;
}

export function parseBillNo(value: string): { issuedAt: string; date: IsoDate; sequence: number } | null {
  const s = value.trim();
  const m = /^(\d{8})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const date = digitsToIsoDate(m[1] as string);
  const [h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!date || h > 23 || mi > 59 || se > 59) return null;
  return { issuedAt: `${date} ${m[2] as string}:${m[3] as string}:${m[4] as string}`, date, sequence: Number(m[5]) };
}

export function isBillNo(value: unknown): value is string {
  return typeof value === 'string' && parseBillNo(value) !== null;
}

// ── 授权码 (Crockford base32) ───────────────────────────────────────────────────────────────

/** Crockford's base32 alphabet: digits and letters without I, L, O, U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a 授权码: 16 × 5 bits = 80 random bits (≥ 60 required), printed as four groups of four. */
export const AUTH_CODE_LENGTH = 16;
export const AUTH_CODE_BYTES = 10;

/** Encode bytes as Crockford base32, most significant bit first, `length` characters (5 bits each). */
export function crockfordEncode(bytes: Uint8Array, length: number): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be a positive integer');
  if (bytes.length * 8 < length * 5) throw new RangeError(`need ${Math.ceil((length * 5) / 8)} bytes for ${length} characters`);
  let out = '';
  let buffer = 0;
  let bits = 0;
  let i = 0;
  while (out.length < length) {
    if (bits < 5) {
      buffer = ((buffer << 8) | (bytes[i++] as number)) & 0xffff;
      bits += 8;
    }
    out += CROCKFORD_ALPHABET[(buffer >> (bits - 5)) & 31] as string;
    bits -= 5;
  }
  return out;
}

/**
 * A new 授权码 from ≥ 10 random bytes (the caller passes `crypto.getRandomValues(new Uint8Array(10))`):
 * 16 canonical characters, no spaces. Store only its hash; print it with `formatAuthCode`.
 */
export function authCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < AUTH_CODE_BYTES) throw new RangeError(`authCodeFromBytes needs ${AUTH_CODE_BYTES} random bytes`);
  return crockfordEncode(bytes, AUTH_CODE_LENGTH);
}

/** "7K2M 9QXD 4H0T B8WZ" — groups of four, as the seed's 授权码 is printed. */
export function formatAuthCode(code: string): string {
  const c = normalizeAuthCode(code) ?? code;
  return (c.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Canonical form of a typed 授权码, or null: spaces and dashes dropped, upper case, and Crockford's
 * look-alikes mapped (I, L → 1; O → 0). U and other characters are invalid. Length must be 16.
 */
export function normalizeAuthCode(input: string): string | null {
  const s = input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-_.]+/g, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== AUTH_CODE_LENGTH) return null;
  for (const ch of s) if (!CROCKFORD_ALPHABET.includes(ch)) return null;
  return s;
}

export function isAuthCode(input: string): boolean {
  return normalizeAuthCode(input) !== null;
}

/** Last 4 characters of a canonical code (stored as `certificate.code_tail` for the owner's list). */
export function authCodeTail(code: string): string {
  const c = normalizeAuthCode(code);
  if (!c) throw new RangeError('not a 授权码');
  return c.slice(-4);
}
