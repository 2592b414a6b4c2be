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

/** '2024-05-01T02:03:04.000Z' → '2024-05-01 10:03' (Asia/Shanghai). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  return d.toISOString().slice(0, 16).replace('T', ' ')
}

/** A random key for Idempotency-Key (one per submit attempt). */
export function newIdempotencyKey(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`
}
