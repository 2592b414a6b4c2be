/** Client-side shapes of the case API (the zod contracts in shared/src/api/cases.ts, types only: no runtime cost). */
import type { z } from 'zod'
import type { CaseRecordDetail, CaseSummary, MatterInfo, MatterSummary, ValidationResult, MediaInfo, ReviewCaseDetail } from '@shebao/shared'

export type MatterInfoT = z.infer<typeof MatterInfo>
export type MatterSummaryT = z.infer<typeof MatterSummary>
export type CaseDetailT = z.infer<typeof CaseRecordDetail>
export type CaseSummaryT = z.infer<typeof CaseSummary>
export type ValidationResultT = z.infer<typeof ValidationResult>
export type MediaInfoT = z.infer<typeof MediaInfo>
export type ReviewCaseDetailT = z.infer<typeof ReviewCaseDetail>
export interface PagedT<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export const STATUS_TONE: Record<string, string> = {
  DRAFT: 'draft',
  SUBMITTED: 'pending',
  APPROVED: 'ok',
  EFFECTIVE: 'ok',
  RETURNED: 'bad',
  WITHDRAWN: 'draft'
}
