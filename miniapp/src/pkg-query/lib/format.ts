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

/** The pages of this subpackage. */
export const QUERY_PAGES = {
  hub: '/pkg-query/pages/index/index',
  enrolment: '/pkg-query/pages/enrolment/index',
  contributions: '/pkg-query/pages/contributions/index',
  account: '/pkg-query/pages/account/index',
  pension: '/pkg-query/pages/benefits/index?group=pension',
  publicPension: '/pkg-query/pages/benefits/index?group=public',
  certifications: '/pkg-query/pages/certifications/index',
  workInjury: '/pkg-query/pages/work-injury/index',
  workInjuryDetail: (id: number) => `/pkg-query/pages/work-injury-detail/index?id=${id}`,
  cases: '/pkg-query/pages/cases/index',
  caseDetail: (serialNo: string) => `/pkg-query/pages/case-detail/index?serialNo=${serialNo}`
} as const
