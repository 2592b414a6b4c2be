/**
 * The 8-character 登录码 shown under the PC's QR, typed on the phone when scanning is not possible.
 * The alphabet, length and normaliser are those of @shebao/shared's api/auth.ts (LOGIN_SHORT_CODE_ALPHABET,
 * LOGIN_SHORT_CODE_LENGTH, normalizeLoginShortCode). They are restated here because importing anything from that
 * module brings its zod schemas — about 100 KB — into the auth subpackage; test/auth.lib.test.ts pins them equal.
 */

/** No 0/O, 1/I/L: reads and types unambiguously. */
export const LOGIN_SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const LOGIN_SHORT_CODE_LENGTH = 8

/** What the user typed ("abcd-efgh", "ABCD EFGH") → "ABCDEFGH". */
export function normalizeLoginShortCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase()
}

/** "abcdefgh" / "ABCD EFGH" → "ABCD-EFGH" (as it is printed on the PC: two groups of four). */
export function formatShortCode(input: string): string {
  const s = normalizeLoginShortCode(input)
  return s.length > 4 ? `${s.slice(0, 4)}-${s.slice(4)}` : s
}

/** What is wrong with a typed code, in Chinese; null when it can be sent. */
export function shortCodeProblem(input: string): string | null {
  const s = normalizeLoginShortCode(input)
  if (!s) return '请输入电脑上显示的登录码'
  const bad = [...s].filter((c) => !LOGIN_SHORT_CODE_ALPHABET.includes(c))
  if (bad.length) {
    const hint = bad.some((c) => '01OIL'.includes(c)) ? '（登录码不含 0、1、O、I、L）' : ''
    return `登录码含有无效字符 ${[...new Set(bad)].join(' ')}${hint}`
  }
  if (s.length !== LOGIN_SHORT_CODE_LENGTH) return `登录码为 ${LOGIN_SHORT_CODE_LENGTH} 位字母或数字，已输入 ${s.length} 位`
  return null
}
