/**
 * The contributions endpoints as the pkg-contrib pages call them (contract: @shebao/shared api/contributions.ts).
 * Types only from the shared schemas, so no zod is bundled into the subpackage; the money helpers are plain functions.
 */
import type { z } from 'zod'
import type {
  ArrivalResponse,
  BillDetail,
  BillListResponse,
  BillSummary,
  DeclarationDetail,
  DeclarationLinesResponse,
  DeclarationListResponse,
  DeclarationPreviewResponse,
  RefundListResponse,
  ReviewBillListResponse
} from '@shebao/shared'
import { api } from '../../services/api'

export type PreviewT = DeclarationPreviewResponse
export type DeclarationT = DeclarationDetail
export type DeclarationListT = z.infer<typeof DeclarationListResponse>
export type DeclarationRowT = DeclarationListT['items'][number]
export type DeclarationLinesT = z.infer<typeof DeclarationLinesResponse>
export type BillSummaryT = BillSummary
export type BillDetailT = BillDetail
export type BillListT = z.infer<typeof BillListResponse>
export type ReviewBillListT = z.infer<typeof ReviewBillListResponse>
export type ReviewBillRowT = ReviewBillListT['items'][number]
export type ArrivalT = z.infer<typeof ArrivalResponse>
export type RefundListT = z.infer<typeof RefundListResponse>

export const contribApi = {
  preview: () => api.get<PreviewT>('/api/unit/contributions/declarations/preview', { toast: false }),
  declarations: (page: number, year?: number) =>
    api.get<DeclarationListT>('/api/unit/contributions/declarations', { query: { page, pageSize: 20, year }, toast: false }),
  lines: (id: number, page: number) => api.get<DeclarationLinesT>(`/api/unit/contributions/declarations/${id}/lines`, { query: { page, pageSize: 20 } }),
  declare: (period: number, key: string) =>
    api.post<DeclarationT>('/api/unit/contributions/declarations', { period }, { idempotencyKey: key, toast: false, loading: '正在申报' }),
  backDeclare: (period: number, key: string) =>
    api.post<DeclarationT>('/api/unit/contributions/back-declarations', { period }, { idempotencyKey: key, toast: false, loading: '正在申报' }),
  revokeDeclaration: (id: number, key: string) =>
    api.post<DeclarationT>(`/api/unit/contributions/declarations/${id}/revoke`, undefined, { idempotencyKey: key, loading: '正在撤销' }),
  issueBill: (declarationId: number, key: string) =>
    api.post<BillDetailT>('/api/unit/bills', { declarationId }, { idempotencyKey: key, loading: '正在开具' }),
  bills: (page: number, status?: string) => api.get<BillListT>('/api/unit/bills', { query: { page, pageSize: 20, status }, toast: false }),
  bill: (billNo: string) => api.get<BillDetailT>(`/api/unit/bills/${billNo}`, { toast: false }),
  revokeBill: (billNo: string, key: string) => api.post<BillDetailT>(`/api/unit/bills/${billNo}/revoke`, undefined, { idempotencyKey: key, loading: '正在撤销' }),
  reissueBill: (billNo: string, key: string) =>
    api.post<BillDetailT>(`/api/unit/bills/${billNo}/reissue`, undefined, { idempotencyKey: key, loading: '正在重新生成' }),
  refunds: (page: number) => api.get<RefundListT>('/api/unit/refunds', { query: { page, pageSize: 20 }, toast: false }),
  billPdfPath: (billNo: string) => `/api/unit/bills/${billNo}/pdf`
}

export const reviewBillApi = {
  list: (q: { page: number; status?: string; unitNo?: string; period?: number }) =>
    api.get<ReviewBillListT>('/api/review/bills', { query: { pageSize: 20, ...q }, toast: false }),
  arrive: (billNo: string, key: string) => api.post<ArrivalT>(`/api/review/bills/${billNo}/arrive`, undefined, { idempotencyKey: key, toast: false, loading: '正在办理到账' })
}

/** Tone of a bill / declaration status for the status tag. */
export const STATUS_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = {
  VALID: 'warn',
  PAID: 'ok',
  EXPIRED: 'bad',
  REVOKED: 'muted',
  DECLARED: 'warn',
  BILLED: 'ok'
}

export const BILL_STATUS_FILTERS = [
  { value: '', label: '全部' },
  { value: 'VALID', label: '有效待缴' },
  { value: 'PAID', label: '已到账' },
  { value: 'EXPIRED', label: '已过期作废' },
  { value: 'REVOKED', label: '已撤销' }
]

/** How far the bill has come (到账进度): steps done out of all. */
export function progressOf(b: Pick<BillSummary, 'progress'>): { done: number; total: number; last: string } {
  const done = b.progress.filter((s) => s.done)
  return { done: done.length, total: b.progress.length, last: done.length ? (done[done.length - 1] as { step: string }).step : '' }
}
