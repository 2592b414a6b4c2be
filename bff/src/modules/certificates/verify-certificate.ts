// Public verification (no sign-in): look the proof up by the sha256 of the normalised 授权码 (one unique-index
// probe; codes carry 80 random bits, so they cannot be enumerated), report its live status and what it certifies
// (personal data masked), check the QR's signed token against the record, and log the attempt.
import {
  CertificateTypes,
  TokenChecks,
  VerificationResults,
  type CertificateType,
  type TokenCheck,
  type VerificationResult,
  type VerifyCertificateResponse
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { SigningKeys } from '../../http/keys.ts'
import { authCodeHash, normalizeAuthCode } from './auth-code.ts'
import { documentHash, type CertificateDocument } from './document.ts'
import { checkCertificateToken } from './qr-token.ts'
import type { VerificationLog } from './verification-log.ts'

export interface VerifyDeps {
  prisma: PrismaClient
  keys: SigningKeys
  log: VerificationLog
}

export interface VerifyMeta {
  ip: string
  userAgent: string
}

export async function verifyCertificate(
  deps: VerifyDeps,
  input: { code: string; token?: string | undefined },
  meta: VerifyMeta,
  now: Date = new Date()
): Promise<VerifyCertificateResponse> {
  const code = normalizeAuthCode(input.code)
  const hash = code === null ? null : authCodeHash(code)
  const row = hash
    ? await deps.prisma.certificate.findUnique({
        where: { codeHash: hash },
        select: {
          id: true,
          type: true,
          title: true,
          subjectRole: true,
          snapshot: true,
          pdfSha256: true,
          pages: true,
          issuedAt: true,
          expiresAt: true,
          status: true,
          revokedAt: true,
          revokeReason: true
        }
      })
    : null

  let result: VerificationResult = 'NOT_FOUND'
  let certificate: VerifyCertificateResponse['certificate'] = null
  let tokenCheck: TokenCheck
  if (!row) {
    tokenCheck = checkCertificateToken(deps.keys, input.token, null, code)
  } else {
    const doc = row.snapshot as unknown as CertificateDocument
    result = row.status === 'REVOKED' ? 'REVOKED' : now.getTime() >= row.expiresAt.getTime() ? 'EXPIRED' : 'VALID'
    tokenCheck = checkCertificateToken(
      deps.keys,
      input.token,
      {
        type: row.type,
        tokenSubject: doc.public.tokenSubject,
        // Re-hashed on every check (no cache): a snapshot edited in the database after issue must not MATCH.
        documentHash: documentHash(row.snapshot),
        issuedAt: row.issuedAt,
        expiresAt: row.expiresAt
      },
      code
    )
    certificate = {
      type: row.type as CertificateType,
      typeLabel: CertificateTypes.label(row.type),
      title: row.title,
      subjectRole: row.subjectRole === 'UNIT' ? 'UNIT' : 'PERSON',
      subjectName: doc.public.subjectName,
      subjectIdNumber: doc.public.subjectIdNumber,
      unitName: doc.public.unitName,
      unitNo: doc.public.unitNo,
      periodLabel: doc.public.periodLabel,
      details: doc.public.details,
      issuedAt: row.issuedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revokeReason: row.revokeReason,
      pages: row.pages,
      pdfSha256: row.pdfSha256
    }
  }
  deps.log.record({ certificateId: row?.id ?? null, result, tokenCheck, ip: meta.ip, userAgent: meta.userAgent, createdAt: now })
  return {
    result,
    resultLabel: VerificationResults.label(result),
    tokenCheck,
    tokenCheckLabel: TokenChecks.label(tokenCheck),
    certificate,
    checkedAt: now.toISOString()
  }
}
