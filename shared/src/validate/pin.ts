/**
 * e-SSC PIN (6 digits) weakness check, run before a PIN is set. Weak PINs are refused with a Chinese reason:
 * - not 6 digits;
 * - one digit repeated (000000, 888888);
 * - a run of consecutive digits, ascending or descending (123456, 345678, 012345, 654321, 987654, 543210);
 * - a 2-digit pair repeated three times (121212, 525252) or a 3-digit group repeated twice (123123, 520520);
 * - three doubled digits (112233, 778899) or two tripled digits (111222);
 * - derived from the holder's birth date: yyMMdd, MMddyy, ddMMyy, yyyyMM, MMyyyy, MMddMM, ddMMdd
 *   (1990-07-15 → 900715, 071590, 150790, 199007, 071990, 071507, 150715);
 * - the last 6 characters of the holder's ID number, or the last 6 digits of their phone.
 */

export interface PinContext {
  /** 'YYYY-MM-DD' */
  readonly birthDate?: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

export interface PinCheck {
  readonly weak: boolean;
  readonly reason?: string;
}

function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if (Number(pin[i]) - Number(pin[i - 1]) !== step) return false;
  }
  return true;
}

function birthDateForms(birthDate: string): string[] {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate);
  if (!m) return [];
  const yyyy = m[1] as string;
  const mm = m[2] as string;
  const dd = m[3] as string;
  const yy = yyyy.slice(2);
  return [yy + mm + dd, mm + dd + yy, dd + mm + yy, yyyy + mm, mm + yyyy, mm + dd + mm, dd + mm + dd];
}

export function checkPin(pin: string, context: PinContext = {}): PinCheck {
  if (!/^\d{6}$/.test(pin)) return { weak: true, reason: '密码须为6位数字' };
  if (/^(\d)\1{5}$/.test(pin)) return { weak: true, reason: '密码不能是同一个数字' };
  if (isRun(pin, 1) || isRun(pin, -1)) return { weak: true, reason: '密码不能是连续的数字' };
  if (/^(\d\d)\1\1$/.test(pin) || /^(\d{3})\1$/.test(pin)) return { weak: true, reason: '密码不能是重复的数字组合' };
  if (/^(\d)\1(\d)\2(\d)\3$/.test(pin) || /^(\d)\1\1(\d)\2\2$/.test(pin)) return { weak: true, reason: '密码过于简单' };
  if (context.birthDate && birthDateForms(context.birthDate).includes(pin)) {
    return { weak: true, reason: '密码不能使用出生日期' };
  }
  if (context.idNumber && context.idNumber.replace(/\s+/g, '').toUpperCase().slice(-6) === pin) {
    return { weak: true, reason: '密码不能使用身份证号码后6位' };
  }
  if (context.phone && context.phone.replace(/\D+/g, '').slice(-6) === pin) {
    return { weak: true, reason: '密码不能使用手机号码后6位' };
  }
  return { weak: false };
}

export function isWeakPin(pin: string, context: PinContext = {}): boolean {
  return checkPin(pin, context).weak;
}
