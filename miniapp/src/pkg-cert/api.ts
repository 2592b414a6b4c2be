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
