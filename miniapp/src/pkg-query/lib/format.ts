/** Small display helpers shared by the query pages. */

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

/** `q-status q-status--ok` for a status code. */
export function statusClass(code: string): string {
  return `q-status q-status--${TONES[code] ?? 'muted'}`
}

