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
import type { SigningKeys } from '../../http/keys.ts'
import { authCodeHash, normalizeAuthCode } from './auth-code.ts'
import { documentHash, type CertificateDocument } from './document.ts'
import { checkCertificateToken } from './qr-token.ts'
import { utc, type SqlReader } from './sql.ts'
import type { VerificationLog } from './verification-log.ts'

export interface VerifyDeps {
  /** Raw driver reader (the lookup is the hot path; see sql.ts). */
  sql: Pick<SqlReader, 'query'>
  keys: SigningKeys
  log: Pick<VerificationLog, 'record'>
}

interface CertificateLookupRow {
  id: number
  type: string
  title: string
  subject_role: string
  snapshot: string | object
  pdf_sha256: string
  pages: number
  issued_at: string
  expires_at: string
  status: string
  revoked_at: string | null
  revoke_reason: string | null
}

const LOOKUP_SQL = `SELECT id, type, title, subject_role, snapshot, pdf_sha256, pages, issued_at, expires_at, status, revoked_at, revoke_reason
  FROM certificate WHERE code_hash = ? LIMIT 1`

/**
 * Parsed snapshots and their hashes by certificate id, reused only while the stored text is byte-for-byte the same
 * (a snapshot edited in the database afterwards is parsed and hashed again, and then no longer MATCHes its token).
 */
const snapshots = new Map<number, { text: string; doc: CertificateDocument; hash: string }>()
const SNAPSHOT_CACHE_MAX = 5_000

function parsedSnapshot(id: number, raw: string | object): { doc: CertificateDocument; hash: string } {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw)
  const hit = snapshots.get(id)
  if (hit && hit.text === text) return hit
  const doc = JSON.parse(text) as CertificateDocument
  const entry = { text, doc, hash: documentHash(doc) }
  if (snapshots.size >= SNAPSHOT_CACHE_MAX) snapshots.delete(snapshots.keys().next().value as number)
  snapshots.set(id, entry)
  return entry
}

async function lookup(sql: VerifyDeps['sql'], codeHash: string) {
  const r = (await sql.query<CertificateLookupRow>(LOOKUP_SQL, [codeHash]))[0]
  if (!r) return null
  const snap = parsedSnapshot(r.id, r.snapshot)
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    subjectRole: r.subject_role,
    doc: snap.doc,
    documentHash: snap.hash,
    pdfSha256: r.pdf_sha256,
    pages: r.pages,
    issuedAt: utc(r.issued_at) as Date,
    expiresAt: utc(r.expires_at) as Date,
    status: r.status,
    revokedAt: utc(r.revoked_at),
    revokeReason: r.revoke_reason
  }
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
  const row = hash ? await lookup(deps.sql, hash) : null

  let result: VerificationResult = 'NOT_FOUND'
  let certificate: VerifyCertificateResponse['certificate'] = null
  let tokenCheck: TokenCheck
  if (!row) {
    tokenCheck = checkCertificateToken(deps.keys, input.token, null, code)
  } else {
    const doc = row.doc
    result = row.status === 'REVOKED' ? 'REVOKED' : now.getTime() >= row.expiresAt.getTime() ? 'EXPIRED' : 'VALID'
    tokenCheck = checkCertificateToken(
      deps.keys,
      input.token,
      {
        type: row.type,
        tokenSubject: doc.public.tokenSubject,
        documentHash: row.documentHash,
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
