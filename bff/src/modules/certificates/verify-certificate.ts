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
  code_hash: string
  type: string
  title: string
  subject_role: string
  /** SHA2-256 of the stored snapshot text, computed by the database: the snapshot itself is read only when it is
   *  not parsed here yet, or was changed. */
  snapshot_sha: string
  pdf_sha256: string
  pages: number
  issued_at: string
  expires_at: string
  status: string
  revoked_at: string | null
  revoke_reason: string | null
}

const lookupSql = (n: number) => `SELECT id, code_hash, type, title, subject_role, SHA2(snapshot, 256) AS snapshot_sha, pdf_sha256, pages, issued_at,
  expires_at, status, revoked_at, revoke_reason FROM certificate WHERE code_hash IN (${Array.from({ length: n }, () => '?').join(', ')})`
const SNAPSHOT_SQL = 'SELECT snapshot, SHA2(snapshot, 256) AS snapshot_sha FROM certificate WHERE id = ?'

/**
 * Parsed snapshots and their hashes by certificate id, reused only while the stored text is byte-for-byte the same
 * (its SHA2 in the database: a snapshot edited in the database afterwards is read, parsed and hashed again, and then
 * no longer MATCHes its token).
 */
const snapshots = new Map<number, { sha: string; doc: CertificateDocument; hash: string }>()
const SNAPSHOT_CACHE_MAX = 5_000

async function parsedSnapshot(sql: VerifyDeps['sql'], id: number, sha: string): Promise<{ doc: CertificateDocument; hash: string }> {
  const hit = snapshots.get(id)
  if (hit && hit.sha === sha) return hit
  const row = (await sql.query<{ snapshot: string | object; snapshot_sha: string }>(SNAPSHOT_SQL, [id]))[0]
  if (!row) throw new Error(`certificate ${id} vanished while being verified`)
  const doc = (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as CertificateDocument
  const entry = { sha: row.snapshot_sha, doc, hash: documentHash(doc) }
  if (snapshots.size >= SNAPSHOT_CACHE_MAX) snapshots.delete(snapshots.keys().next().value as number)
  snapshots.set(id, entry)
  return entry
}

/**
 * Lookups by code hash, coalesced: while `MAX_IN_FLIGHT` lookup queries are out, new lookups wait and then go
 * together in one `WHERE code_hash IN (…)` (unique index). One request alone is sent at once; under a burst of
 * verifications (issue 5: thousands a second) one round trip, one statement for MariaDB to parse and run and one
 * socket write serve dozens of them, instead of each waiting for a pooled connection of its own.
 */
class LookupBatcher {
  private queue: { hash: string; resolve: (row: CertificateLookupRow | null) => void; reject: (err: unknown) => void }[] = []
  private inFlight = 0

  constructor(private readonly sql: VerifyDeps['sql']) {}

  lookup(hash: string): Promise<CertificateLookupRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ hash, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH)
      const hashes = [...new Set(batch.map((b) => b.hash))]
      this.inFlight++
      this.sql
        .query<CertificateLookupRow>(lookupSql(hashes.length), hashes)
        .then(
          (rows) => {
            const byHash = new Map(rows.map((r) => [r.code_hash, r]))
            for (const b of batch) b.resolve(byHash.get(b.hash) ?? null)
          },
          (err: unknown) => {
            for (const b of batch) b.reject(err)
          }
        )
        .finally(() => {
          this.inFlight--
          this.pump()
        })
    }
  }
}

const MAX_IN_FLIGHT = 2
const MAX_BATCH = 200
const batchers = new WeakMap<object, LookupBatcher>()

async function lookup(sql: VerifyDeps['sql'], codeHash: string) {
  let batcher = batchers.get(sql)
  if (!batcher) batchers.set(sql, (batcher = new LookupBatcher(sql)))
  const r = await batcher.lookup(codeHash)
  if (!r) return null
  const snap = await parsedSnapshot(sql, r.id, r.snapshot_sha)
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
