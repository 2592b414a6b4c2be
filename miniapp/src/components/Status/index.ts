/**
 * A status word as a coloured pill (参保状态, 缴费状态, 办件状态 …) on the query pages of 个人查询 and the unit hall:
 * `<Text className={statusClass(code)}>{label}</Text>`. Importing this brings its styles along.
 */
import './index.scss'

export type Tone = 'ok' | 'warn' | 'bad' | 'muted'

const TONES: Record<string, Tone> = {
  // contributions
  PAID: 'ok',
  BACK_PAID: 'ok',
  ARREARS: 'bad',
  DECLARED: 'warn',
  REFUNDED: 'muted',
  // enrolment
  ACTIVE: 'ok',
  SUSPENDED: 'warn',
  TERMINATED: 'muted',
  // payments
  PENDING: 'warn',
  // cases
  DRAFT: 'muted',
  SUBMITTED: 'warn',
  APPROVED: 'ok',
  RETURNED: 'bad',
  EFFECTIVE: 'ok',
  WITHDRAWN: 'muted'
}

/** `sb-status sb-status--ok` for a tone. */
export function toneClass(tone: Tone): string {
  return `sb-status sb-status--${tone}`
}

/** The pill's classes for a status code (unknown codes are muted). */
export function statusClass(code: string): string {
  return toneClass(TONES[code] ?? 'muted')
}
