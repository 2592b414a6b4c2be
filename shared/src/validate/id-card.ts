/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date, 3-digit order code whose
 * last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * Our checks run step by step so the person is told *what* is wrong, in Chinese; the maintained `validator`
 * package (`isIdentityCard(s, 'zh-CN')`: province, birth date, check char) then confirms a number we accept.
 * Only its single file is imported, to keep the mini-program bundle small.
 *
 * The region check is on the province prefix: IDs keep the county code of where they were first issued, and
 * county codes are renamed and retired over the decades, so a full 6-digit list would reject real people.
 */
import isIdentityCard from 'validator/lib/isIdentityCard.js';
import { ID_PREFIXES_HMT, isProvincePrefix } from '../codes/regions';
import type { Sex } from '../codes/person';
import { isIsoDate, shanghaiToday, type IsoDate } from '../period';

export type IdCardResult =
  | {
      readonly ok: true;
      /** Normalised: upper-case X, no spaces, half-width. */
      readonly idNumber: string;
      readonly birthDate: IsoDate;
      /** GB/T 2261.1: '1' 男, '2' 女 (from the 17th digit: odd = male). */
      readonly sex: Sex;
      /** The first 6 digits (region where the number was issued). */
      readonly regionCode: string;
    }
  | { readonly ok: false; readonly reason: string };

export interface IdCardOptions {
  /** "Today" is computed in Asia/Shanghai from this instant (default: now). */
  readonly now?: Date;
  /**
   * 港澳台居民居住证 (ID type 02): the same 18-character layout with region 810000 / 820000 / 830000.
   * Default false: a 居民身份证 whose prefix must be a mainland-listed province.
   */
  readonly residencePermit?: boolean;
}

/** ISO 7064 MOD 11-2 weights 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Half-width, upper case, no spaces: '１１０１０５ 19491231002x' → '11010519491231002X'. */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ｘＸ]/g, 'X')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The check character for the first 17 digits: idCheckChar('11010519491231002') = 'X'. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * Build a valid ID number (for the seed generator and tests). `order` 0–999 is the 3-digit order code; its last
 * digit decides the sex (odd = male). `birthDate` as 'YYYY-MM-DD' or 'YYYYMMDD'.
 */
export function buildIdNumber(regionCode: string, birthDate: string, order: number): string {
  const birth = birthDate.replace(/-/g, '');
  if (!/^[1-9]\d{5}$/.test(regionCode)) throw new RangeError('regionCode must be 6 digits');
  if (!/^\d{8}$/.test(birth) || !isIsoDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`)) {
    throw new RangeError('birthDate must be a real date');
  }
  if (!Number.isInteger(order) || order < 0 || order > 999) throw new RangeError('order must be 0–999');
  const first17 = `${regionCode}${birth}${String(order).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Validate a 居民身份证号码 and derive birth date and sex. */
export function validateIdCard(input: string, options: IdCardOptions = {}): IdCardResult {
  const id = normalizeIdNumber(typeof input === 'string' ? input : '');
  if (id === '') return { ok: false, reason: '请输入身份证号码' };
  if (id.length === 15 && /^\d{15}$/.test(id)) return { ok: false, reason: '请使用18位身份证号码（15位旧号码已停用）' };
  if (id.length !== 18) return { ok: false, reason: `身份证号码应为18位，当前为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号码只能是数字，最后一位可以是X' };

  const prefix = id.slice(0, 2);
  const regionCode = id.slice(0, 6);
  if (options.residencePermit) {
    if (!ID_PREFIXES_HMT.includes(prefix) || regionCode !== `${prefix}0000`) {
      return { ok: false, reason: '港澳台居民居住证号码应以810000、820000或830000开头' };
    }
  } else if (!isProvincePrefix(prefix)) {
    return { ok: false, reason: '身份证号码的地区码无效' };
  }

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return { ok: false, reason: '身份证号码中的出生日期无效' };
  if (birthDate > shanghaiToday(options.now)) return { ok: false, reason: '身份证号码中的出生日期晚于今天' };

  if (id[17] !== idCheckChar(id.slice(0, 17))) return { ok: false, reason: '身份证号码校验位不正确，请核对' };

  // Second opinion from the maintained validator (its own province list, date and checksum rules).
  if (!options.residencePermit && !isIdentityCard(id, 'zh-CN')) return { ok: false, reason: '身份证号码无效' };

  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? '1' : '2', regionCode };
}

/** Shorthand: is this a valid 居民身份证号码? */
export function isIdCard(input: string, options: IdCardOptions = {}): boolean {
  return validateIdCard(input, options).ok;
}

/** Age in whole years on `onDate` ('YYYY-MM-DD') of someone born on `birthDate`. */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(onDate)) throw new RangeError('dates must be YYYY-MM-DD');
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
