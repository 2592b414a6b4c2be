/**
 * Proofs (证明打印) and their public verification (PRODUCT.md §3, ARCHITECTURE.md "Certificate verification").
 *
 * - `POST /api/certificates` issues a proof: the BFF snapshots what the proof states, renders a PDF (embedded CJK
 *   font, QR top right, 授权码, 第N页/共M页), stores the record and answers its id, the 授权码 (shown once: only its
 *   hash is kept) and the PDF's path. `GET /api/certificates/:id/pdf` (bearer token) downloads it again.
 * - `GET /api/certificates` lists the caller's proofs (a person's own; a unit clerk's: the unit's); `POST …/revoke`
 *   voids one (VALID → REVOKED with a reason).
 * - `POST /api/verify` (or `GET /api/verify?code=&token=`) needs no sign-in: the QR on a proof opens
 *   `${PUBLIC_BASE_URL}/#/pkg-verify/pages/index/index?c=<授权码>&t=<signed token>`, whose page calls it.
 *   Answers VALID / EXPIRED / REVOKED / NOT_FOUND with what the proof certifies (personal data masked) and whether
 *   the QR's ES256 token (public key: `/.well-known/jwks.json`) matches the record: MATCH / MISMATCH / INVALID /
 *   ABSENT. Rate-limited per IP (429 RATE_LIMITED); every attempt is logged.
 *
 * Error codes besides the common ones: CERTIFICATE_NOT_ELIGIBLE (400, with the reason: e.g. 退休证明 for someone
 * not retired), CERTIFICATE_NO_DATA (400: nothing to certify for the chosen period), CERTIFICATE_ALREADY_REVOKED (409).
 * Another person's or unit's proof, or staff not on the unit's roster for the insurance type → 404 NOT_FOUND.
 */
import { z } from 'zod';
import { CertificateTypes } from '../codes/certificates';
import { CertificateStatuses, TokenChecks, VerificationResults } from '../codes/status';
import { UNIT_CERTIFICATE_SPANS_MONTHS } from '../rules';
import { codeSchema, InstantSchema, InsuranceTypeSchema, PageQuery, Paged, PeriodSchema, UnitInsuranceTypeSchema } from './common';
import { defineRoutes } from './route';

// ── vocabulary ──────────────────────────────────────────────────────────────────────────────

export const CertificateTypeSchema = codeSchema(CertificateTypes, '证明类型');
export const CertificateStatusSchema = codeSchema(CertificateStatuses, '证明状态');
export const VerificationResultSchema = codeSchema(VerificationResults, '验证结果');
export const TokenCheckSchema = codeSchema(TokenChecks, '签名核验结果');

/** The proof types this release issues (P0). The P1 ones of `CertificateTypes` are listed but not issued yet. */
export const ISSUABLE_CERTIFICATE_TYPES = [
  'PERSON_INSURANCE',
  'PERSON_PAYMENT_VOUCHER',
  'PENSION_ASSESSMENT',
  'BENEFIT_RECEIPT',
  'RETIREMENT',
  'UNIT_INSURANCE',
  'UNIT_PENSION_VOUCHER',
] as const;
export type IssuableCertificateType = (typeof ISSUABLE_CERTIFICATE_TYPES)[number];

/** 用途 purpose of a 参保证明 (free text, printed on the proof). */
export const CertificatePurposeSchema = z.string('请填写用途').trim().min(1, '请填写用途').max(40, '用途最多40个字');

const PersonIdSchema = z.int('人员编号无效').positive('人员编号无效');

/** The unit proof's spans: 3/6/9/12/24 months ending at the unit's 最大核止期号 (R004-4). */
export const UnitCertificateSpanSchema = z
  .int('时间选择须为三、六、九、十二或二十四个月')
  .refine((m) => (UNIT_CERTIFICATE_SPANS_MONTHS as readonly number[]).includes(m), '时间选择须为三、六、九、十二或二十四个月');

/** At most this many staff on one 单位参保证明 (20 a page → 25 pages). */
export const UNIT_CERTIFICATE_MAX_STAFF = 500;

// ── issue ───────────────────────────────────────────────────────────────────────────────────

/** Body of `POST /api/certificates`, by type. */
export const IssueCertificateBody = z.discriminatedUnion('type', [
  /** 参保证明（缴费明细）: period and 用途 (R000-9); optional insurance types (default: all the person has). */
  z
    .object({
      type: z.literal('PERSON_INSURANCE'),
      startPeriod: PeriodSchema,
      endPeriod: PeriodSchema,
      purpose: CertificatePurposeSchema,
      insuranceTypes: z.array(InsuranceTypeSchema).max(6).optional(),
    })
    .refine((v) => v.startPeriod <= v.endPeriod, { path: ['endPeriod'], message: '结束年月不能早于开始年月' }),
  /** 参保缴费凭证, one insurance type. */
  z.object({ type: z.literal('PERSON_PAYMENT_VOUCHER'), insuranceType: InsuranceTypeSchema }),
  /** 养老金核定表 (retirees with a pension). */
  z.object({ type: z.literal('PENSION_ASSESSMENT') }),
  /** 待遇领取证明: payments in the period (default the last 12 months). */
  z.object({ type: z.literal('BENEFIT_RECEIPT'), startPeriod: PeriodSchema.optional(), endPeriod: PeriodSchema.optional() }),
  /** 退休证明 (retirees only). */
  z.object({ type: z.literal('RETIREMENT') }),
  /** 单位参保证明: insurance type, span ending at 最大核止期号, chosen staff (seed 004 §4.9.1). */
  z.object({
    type: z.literal('UNIT_INSURANCE'),
    insuranceType: UnitInsuranceTypeSchema,
    months: UnitCertificateSpanSchema,
    personIds: z
      .array(PersonIdSchema)
      .min(1, '请至少选择一名参保人员')
      .max(UNIT_CERTIFICATE_MAX_STAFF, `一次最多选择${UNIT_CERTIFICATE_MAX_STAFF}名人员`),
  }),
  /** 养老缴费凭证 (unit): the pension contribution voucher of one staff member. */
  z.object({ type: z.literal('UNIT_PENSION_VOUCHER'), personId: PersonIdSchema }),
], { error: '证明类型无效' });
export type IssueCertificateBody = z.input<typeof IssueCertificateBody>;

export const IssueCertificateResponse = z.object({
  id: z.number().int(),
  type: CertificateTypeSchema,
  title: z.string(),
  /** 授权码 as printed ("7K2M 9QXD 4H0T B8WZ"). Shown once: the BFF keeps only its hash (it is in the PDF too). */
  code: z.string(),
  issuedAt: InstantSchema,
  expiresAt: InstantSchema,
  pages: z.number().int(),
  /** Bytes of the PDF. */
  size: z.number().int(),
  /** API path of the PDF (`GET`, bearer token). */
  pdfPath: z.string(),
  /** The verification URL printed in the QR (code and signed token included). */
  verifyUrl: z.string(),
});
export type IssueCertificateResponse = z.infer<typeof IssueCertificateResponse>;

// ── what the caller can issue ───────────────────────────────────────────────────────────────

export const CertificateTypeOption = z.object({
  type: CertificateTypeSchema,
  label: z.string(),
  subject: z.enum(['PERSON', 'UNIT']),
  /** Can the caller issue it now? */
  available: z.boolean(),
  /** Why not (Chinese), when not available. */
  reason: z.string().optional(),
  /** One line under the label. */
  brief: z.string(),
});
export type CertificateTypeOption = z.infer<typeof CertificateTypeOption>;

export const CertificateTypesResponse = z.object({ items: z.array(CertificateTypeOption) });
export type CertificateTypesResponse = z.infer<typeof CertificateTypesResponse>;

// ── unit staff to choose from (打印人员选择) ────────────────────────────────────────────────────

export const UnitStaffQuery = PageQuery.extend({
  insuranceType: UnitInsuranceTypeSchema,
  /** 姓名 (part), 身份证号 (full) or 个人编号. */
  q: z.string().trim().max(32, '查询条件过长').optional(),
});
export type UnitStaffQuery = z.input<typeof UnitStaffQuery>;

export const UnitStaffRow = z.object({
  id: z.number().int(),
  name: z.string().describe('姓名'),
  idNumber: z.string().describe('社会保障号（脱敏）'),
  personNo: z.string().describe('个人编号'),
  /** ACTIVE 参保缴费 / SUSPENDED 暂停缴费 / TERMINATED 终止参保 (this unit, this insurance type). */
  status: z.string(),
  statusLabel: z.string(),
});
export type UnitStaffRow = z.infer<typeof UnitStaffRow>;

export const UnitStaffResponse = Paged(UnitStaffRow).extend({
  unit: z.object({ id: z.number().int(), unitNo: z.string(), name: z.string() }),
  insuranceType: UnitInsuranceTypeSchema,
  /** 单位最大核止期号 of that insurance type (the proof's span ends here); null when none yet. */
  lastSettledPeriod: z.number().int().nullable(),
});
export type UnitStaffResponse = z.infer<typeof UnitStaffResponse>;

// ── my proofs ───────────────────────────────────────────────────────────────────────────────

export const CertificateListQuery = PageQuery.extend({ type: CertificateTypeSchema.optional() });
export type CertificateListQuery = z.input<typeof CertificateListQuery>;

/** VALID 有效 / EXPIRED 已过验证期 / REVOKED 已作废: the stored status with the 3-month window applied. */
export const CertificateStateSchema = z.enum(['VALID', 'EXPIRED', 'REVOKED']);
export type CertificateState = z.infer<typeof CertificateStateSchema>;

export const CertificateRow = z.object({
  id: z.number().int(),
  type: CertificateTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  /** One line: period, insurance type, purpose, staff count … */
  summary: z.string(),
  status: CertificateStatusSchema,
  state: CertificateStateSchema,
  stateLabel: z.string(),
  issuedAt: InstantSchema,
  expiresAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
  revokeReason: z.string().nullable(),
  /** Last 4 characters of the 授权码 (the full code is only on the PDF). */
  codeTail: z.string(),
  pages: z.number().int(),
  pdfPath: z.string(),
});
export type CertificateRow = z.infer<typeof CertificateRow>;

export const CertificateListResponse = Paged(CertificateRow);
export type CertificateListResponse = z.infer<typeof CertificateListResponse>;

export const CertificateIdParams = z.object({ id: z.coerce.number('证明编号无效').int('证明编号无效').positive('证明编号无效') });

export const RevokeCertificateBody = z.object({
  reason: z.string('请填写作废原因').trim().min(2, '请填写作废原因（至少2个字）').max(100, '作废原因最多100个字'),
});
export type RevokeCertificateBody = z.input<typeof RevokeCertificateBody>;

// ── verification (no sign-in) ───────────────────────────────────────────────────────────────

/** What the verifier typed or the QR carried. The code is normalised by the BFF (spaces, case, I/L/O). */
export const VerifyCertificateBody = z.object({
  code: z.string('请输入授权码').trim().min(1, '请输入授权码').max(40, '授权码格式不正确'),
  token: z.string().trim().max(2048, '二维码内容过长').optional(),
});
export type VerifyCertificateBody = z.input<typeof VerifyCertificateBody>;

export const VerifyCertificateQuery = VerifyCertificateBody;

export const LabelValue = z.object({ label: z.string(), value: z.string() });
export type LabelValue = z.infer<typeof LabelValue>;

/** What a verified proof certifies, personal data masked (张*, 420***********1234). */
export const VerifiedCertificate = z.object({
  type: CertificateTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  subjectRole: z.enum(['PERSON', 'UNIT']),
  /** 参保人 (masked) or 单位名称. */
  subjectName: z.string(),
  /** 社会保障号 (masked), persons only. */
  subjectIdNumber: z.string().nullable(),
  /** 单位名称 / 单位编号 of unit proofs. */
  unitName: z.string().nullable(),
  unitNo: z.string().nullable(),
  /** 证明期间 as printed ("2023年1月至2024年6月"), when the proof covers one. */
  periodLabel: z.string().nullable(),
  /** The other facts the proof states, masked. */
  details: z.array(LabelValue),
  issuedAt: InstantSchema,
  expiresAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
  revokeReason: z.string().nullable(),
  pages: z.number().int(),
  /** sha256 of the issued PDF file (hex): compare with a file you were given. */
  pdfSha256: z.string(),
});
export type VerifiedCertificate = z.infer<typeof VerifiedCertificate>;

export const VerifyCertificateResponse = z.object({
  result: VerificationResultSchema,
  resultLabel: z.string(),
  tokenCheck: TokenCheckSchema,
  tokenCheckLabel: z.string(),
  /** Absent when NOT_FOUND. */
  certificate: VerifiedCertificate.nullable(),
  checkedAt: InstantSchema,
});
export type VerifyCertificateResponse = z.infer<typeof VerifyCertificateResponse>;

/** Claims of the QR's signed token (compact JWS, ES256, header kid/typ "cert+jwt"). */
export interface CertificateTokenClaims {
  /** 授权码, canonical (16 characters). */
  sub: string;
  /** Certificate type code. */
  ct: string;
  /** Masked subject: name and ID number joined by a slash (张* and 420***********1234), or the unit name. */
  sb: string;
  /** base64url sha256 of the canonical snapshot (what the proof states). */
  dh: string;
  iat: number;
  exp: number;
  iss: string;
}

/** Hash route of the verification page (H5); the QR is `${PUBLIC_BASE_URL}/#${VERIFY_PAGE_PATH}?c=…&t=…`. */
export const VERIFY_PAGE_PATH = '/pkg-verify/pages/index/index';

export const certificateRoutes = defineRoutes([
  {
    method: 'GET', path: '/api/certificates/types', summary: '可开具的证明类型（含不可开具的原因）', tag: 'certificates', auth: 'any',
    response: CertificateTypesResponse,
  },
  {
    method: 'POST', path: '/api/certificates', summary: '开具证明（快照 + PDF + 授权码 + 签名二维码）', tag: 'certificates', auth: 'any',
    request: { body: IssueCertificateBody }, response: IssueCertificateResponse, status: 201, idempotent: true,
  },
  {
    method: 'GET', path: '/api/certificates', summary: '我的证明（个人：本人；单位：本单位）', tag: 'certificates', auth: 'any',
    request: { query: CertificateListQuery }, response: CertificateListResponse,
  },
  {
    method: 'GET', path: '/api/certificates/unit-staff', summary: '单位参保证明：可选参保人员（打印人员选择）', tag: 'certificates', auth: 'unit',
    request: { query: UnitStaffQuery }, response: UnitStaffResponse,
  },
  {
    method: 'GET', path: '/api/certificates/:id/pdf', summary: '下载证明 PDF', tag: 'certificates', auth: 'any',
    request: { params: CertificateIdParams }, response: z.any(), contentType: 'application/pdf',
  },
  {
    method: 'POST', path: '/api/certificates/:id/revoke', summary: '作废证明', tag: 'certificates', auth: 'any',
    request: { params: CertificateIdParams, body: RevokeCertificateBody }, response: CertificateRow,
  },
  {
    method: 'POST', path: '/api/verify', summary: '证明验证（无需登录；授权码 + 二维码签名）', tag: 'certificates', auth: 'none',
    request: { body: VerifyCertificateBody }, response: VerifyCertificateResponse,
  },
  {
    method: 'GET', path: '/api/verify', summary: '证明验证（GET 形式，参数 code、token）', tag: 'certificates', auth: 'none',
    request: { query: VerifyCertificateQuery }, response: VerifyCertificateResponse,
  },
]);
