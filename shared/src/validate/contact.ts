/** Phone numbers, bank accounts, postal codes and e-mail addresses: normalisers and checks with Chinese reasons. */

export interface CheckResult {
  readonly ok: boolean;
  /** Normalised value (digits only for numbers) — what to store. */
  readonly value: string;
  readonly reason?: string;
}

const ok = (value: string): CheckResult => ({ ok: true, value });
const bad = (value: string, reason: string): CheckResult => ({ ok: false, value, reason });

function halfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Mobile number: 11 digits `1[3-9]\d{9}`; spaces, dashes and a +86 / 0086 prefix are removed. */
export function normalizeMobile(input: string): string {
  return halfWidthDigits(input).replace(/[\s-]+/g, '').replace(/^(\+86|0086)/, '');
}

export function isMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(input));
}

export function checkMobile(input: string): CheckResult {
  const v = normalizeMobile(input);
  if (v === '') return bad(v, '请输入手机号码');
  if (!/^\d+$/.test(v)) return bad(v, '手机号码只能包含数字');
  if (v.length !== 11) return bad(v, '手机号码应为11位');
  if (!/^1[3-9]/.test(v)) return bad(v, '手机号码格式不正确');
  return ok(v);
}

/**
 * Contact phone (联系电话) of a unit: a mobile number, or a landline with area code
 * (010-12345678, 0717-1234567, optional extension -123).
 */
export function checkContactPhone(input: string): CheckResult {
  const raw = halfWidthDigits(input).trim();
  if (raw === '') return bad(raw, '请输入联系电话');
  if (isMobile(raw)) return ok(normalizeMobile(raw));
  const v = raw.replace(/\s+/g, '').replace(/[()（）]/g, '');
  if (/^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/.test(v)) return ok(v);
  return bad(v, '联系电话应为手机号码或带区号的固定电话');
}

/** Bank account number: 12–30 digits (spaces and dashes removed). Corporate accounts carry no Luhn digit. */
export function normalizeBankAccount(input: string): string {
  return halfWidthDigits(input).replace(/[\s-]+/g, '');
}

export function checkBankAccount(input: string): CheckResult {
  const v = normalizeBankAccount(input);
  if (v === '') return bad(v, '请输入银行账号');
  if (!/^\d+$/.test(v)) return bad(v, '银行账号只能包含数字');
  if (v.length < 12 || v.length > 30) return bad(v, '银行账号应为12–30位数字');
  return ok(v);
}

export function isBankAccount(input: string): boolean {
  return checkBankAccount(input).ok;
}

/** 邮政编码: 6 digits, first digit 0–8 (no region starts with 9). */
export function checkPostalCode(input: string): CheckResult {
  const v = halfWidthDigits(input).replace(/\s+/g, '');
  if (v === '') return bad(v, '请输入邮政编码');
  if (!/^[0-8]\d{5}$/.test(v)) return bad(v, '邮政编码应为6位数字');
  return ok(v);
}

export function isPostalCode(input: string): boolean {
  return checkPostalCode(input).ok;
}

/** A pragmatic e-mail check (one @, a dot in the domain, no spaces); the mail server is the real judge. */
export function checkEmail(input: string): CheckResult {
  const v = input.trim();
  if (v === '') return bad(v, '请输入电子邮箱');
  if (v.length > 128 || !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v)) return bad(v, '电子邮箱格式不正确');
  return ok(v.toLowerCase());
}
