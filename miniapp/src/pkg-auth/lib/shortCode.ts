/** The 8-character 登录码 shown under the PC's QR, typed on the phone when scanning is not possible. */
import { LOGIN_SHORT_CODE_ALPHABET, LOGIN_SHORT_CODE_LENGTH, normalizeLoginShortCode } from '@shebao/shared'

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

export { normalizeLoginShortCode, LOGIN_SHORT_CODE_LENGTH }
