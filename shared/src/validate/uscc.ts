/**
 * 统一社会信用代码 (GB 32100-2015). Written here because no npm package checks it (TOOLCHAIN.md).
 *
 * 18 characters over the 31-character alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V):
 *   1    登记管理部门代码 (1 机构编制, 5 民政, 9 市场监管, Y 其他 …)
 *   2    机构类别代码
 *   3–8  登记管理机关行政区划码 (6 digits)
 *   9–17 主体标识码 (组织机构代码, GB 11714, with its own check character at position 17)
 *   18   check character: weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (3^i mod 31),
 *        check = 31 − (Σ value·weight mod 31), 31 → 0.
 *
 * A few real early codes fail the check (ARCHITECTURE.md), so the result separates a malformed code
 * (`ok: false`, reject) from a well-formed code with a wrong check character (`ok: true, checksumOk: false`,
 * a warning the clerk may override).
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface UsccResult {
  /** Well-formed (length, alphabet, digit region code). false → reject with `reason`. */
  readonly ok: boolean;
  /** The GB 32100 check character matches. When ok && !checksumOk, `reason` is the warning text. */
  readonly checksumOk: boolean;
  /** The embedded 组织机构代码's GB 11714 check character matches (informational). */
  readonly orgCodeChecksumOk: boolean;
  /** Upper-case, no spaces. */
  readonly code: string;
  /** Chinese reason (error when !ok, warning when ok && !checksumOk). */
  readonly reason?: string;
}

export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  const s = first17.toUpperCase();
  if (s.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(s[i] as string);
    if (v < 0) throw new RangeError(`invalid character ${s[i] as string} in credit code`);
    sum += v * (WEIGHTS[i] as number);
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check] as string;
}

/** GB 11714 组织机构代码 check character for its 8-character body (weights 3,7,9,10,5,8,4,2; 10 → X, 11 → 0). */
export function orgCodeCheckChar(body8: string): string {
  const s = body8.toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(s)) throw new RangeError('orgCodeCheckChar needs 8 characters 0-9A-Z');
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    sum += v * (w[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function validateUscc(input: string): UsccResult {
  const code = normalizeUscc(typeof input === 'string' ? input : '');
  const fail = (reason: string): UsccResult => ({ ok: false, checksumOk: false, orgCodeChecksumOk: false, code, reason });
  if (code === '') return fail('请输入统一社会信用代码');
  if (code.length !== 18) return fail(`统一社会信用代码应为18位，当前为${code.length}位`);
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch)) {
      return fail(
        /[IOZSV]/.test(ch)
          ? `统一社会信用代码不使用字母${ch}（不含I、O、Z、S、V），请核对`
          : `统一社会信用代码含有无效字符“${ch}”`,
      );
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('统一社会信用代码第3–8位应为行政区划代码（数字）');

  const body = code.slice(8, 16);
  const orgCodeChecksumOk = /^[0-9A-Z]{8}$/.test(body) && orgCodeCheckChar(body) === code[16];
  const checksumOk = usccCheckChar(code.slice(0, 17)) === code[17];
  return checksumOk
    ? { ok: true, checksumOk, orgCodeChecksumOk, code }
    : { ok: true, checksumOk, orgCodeChecksumOk, code, reason: '统一社会信用代码校验位不符，请核对；确认无误可继续提交' };
}
