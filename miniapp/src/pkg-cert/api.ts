/**
 * The certificate endpoints as the pkg-cert pages call them (contract: @shebao/shared api/certificates.ts).
 * Types only from shared, so no schema code is bundled into the subpackage.
 */
import type {
  CertificateListResponse,
  CertificateRow,
  CertificateTypesResponse,
  IssueCertificateBody,
  IssueCertificateResponse,
  UnitStaffResponse
} from '@shebao/shared'
import { api } from '../services/api'

export type { CertificateRow, IssueCertificateResponse, UnitStaffResponse }

export const certApi = {
  types: () => api.get<CertificateTypesResponse>('/api/certificates/types', { toast: false }),
  issue: (body: IssueCertificateBody) => api.post<IssueCertificateResponse>('/api/certificates', body, { loading: '正在生成证明' }),
  mine: (page: number, pageSize = 20) => api.get<CertificateListResponse>('/api/certificates', { query: { page, pageSize } }),
  revoke: (id: number, reason: string) => api.post<CertificateRow>(`/api/certificates/${id}/revoke`, { reason }, { loading: '正在作废' }),
  unitStaff: (insuranceType: string, q: string, page: number) =>
    api.get<UnitStaffResponse>('/api/certificates/unit-staff', { query: { insuranceType, q: q || undefined, page, pageSize: 20 } })
}

/** "2024-05-01T02:03:04Z" → "2024年5月1日 10:03" (Asia/Shanghai, fixed +8: no DST since 1991). */
export function shanghaiTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

export function shanghaiDate(iso: string): string {
  return shanghaiTime(iso).split(' ')[0] as string
}
