/**
 * Where the subpackages' pages are, for every link to them — from the tab pages, the unit hall's entries
 * (catalogue.ts), one subpackage to another, and within a subpackage. Strings only: the main package imports this
 * without pulling any subpackage code in. Sign-in pages and landing pages: pages/login/nav.ts.
 */

/** pkg-query: 个人查询 */
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

/** pkg-cert: 开具证明 (`type`: a certificate type code) and 我的证明 */
export const CERT_PAGES = {
  index: '/pkg-cert/pages/index/index',
  issue: (type: string) => `/pkg-cert/pages/issue/index?type=${type}`,
  mine: '/pkg-cert/pages/mine/index'
} as const

/** pkg-matters: the case engine — matter list, wizard (a new case, or a draft by 业务流水号), 办件记录 */
export const MATTER_PAGES = {
  index: '/pkg-matters/pages/index/index',
  wizard: (code: string, serialNo?: string) => `/pkg-matters/pages/wizard/index?code=${code}${serialNo ? `&serialNo=${serialNo}` : ''}`,
  records: '/pkg-matters/pages/records/index',
  record: (serialNo: string) => `/pkg-matters/pages/record/index?serialNo=${serialNo}`
} as const

/** pkg-contrib: 单位缴费申报 and 业务单据 (应缴认定单) */
export const CONTRIB_PAGES = {
  declaration: '/pkg-contrib/pages/declaration/index',
  bills: '/pkg-contrib/pages/bills/index',
  bill: (billNo: string) => `/pkg-contrib/pages/bill/index?billNo=${billNo}`
} as const

/** pkg-unit's query pages (its index is areaIndexUrl('unit'), the hall UNIT_HALL_PAGE_URL) */
export const UNIT_PAGES = {
  info: '/pkg-unit/pages/info/index',
  roster: '/pkg-unit/pages/roster/index',
  pending: '/pkg-unit/pages/pending/index'
} as const
