// Issue a proof: snapshot what it states (from the database, as of now), pick a 授权码 (80 random bits), sign the
// QR token over the code, type, masked subject, times and the snapshot's hash, render the PDF, and store the
// certificate with the PDF (media row, in the database) in one transaction. The certificate row keeps only the
// code's hash (the PDF carries the code, printed and in the QR).
//
// `POST /api/certificates` accepts `Idempotency-Key` (cases/idempotency.ts): the key row is written in the
// transaction that stores the certificate, with the response, so a repeated request (a phone that lost the answer)
// gets the same certificate — same id, same 授权码 — and no second record; the same key with another body → 422
// IDEMPOTENCY_KEY_REUSED. The stored response holds the 授权码 as the answer did (the owner can read it from the PDF
// anyway), under the caller's own scope.
import crypto from 'node:crypto'
import { CERTIFICATE_VALIDITY_MONTHS, CertificateTypes, formatAuthCode, type IssueCertificateBody, type IssueCertificateResponse } from '@shebao/shared'
import type { z } from 'zod'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { SigningKeys } from '../../http/keys.ts'
import { idempotencyScope, requestHash, runIdempotent, type IdempotencyRequest, type Outcome } from '../cases/idempotency.ts'
import { authCodeHash, authCodeTail, newAuthCode } from './auth-code.ts'
import { buildBenefitReceipt, buildPaymentVoucher, buildPensionAssessment, buildPersonInsurance, buildRetirement, loadPerson } from './build-person-proofs.ts'
import { buildUnitInsurance, loadUnit } from './build-unit-proofs.ts'
import { documentHash, type CertificateDocument } from './document.ts'
import { signCertificateToken, verificationUrl } from './qr-token.ts'
import { renderCertificatePdf } from './render-pdf.ts'
import { finishDocument, type DocumentDraft } from './snapshot-common.ts'

export type IssueInput = z.output<typeof IssueCertificateBody>

export interface CertificateDeps {
  prisma: PrismaClient
  keys: SigningKeys
  /** Read at call time: tests set the public URL after the app is built. */
  config: { publicBaseUrl: string }
}

export interface IssueOptions {
  /** The issue instant (tests move the clock to make expired proofs). */
  now?: Date
}

/** issued + n calendar months, the day clamped to the target month's length (Nov 30 + 3 → Feb 28/29). */
export function addCalendarMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

export const pdfPathOf = (id: number) => `/api/certificates/${id}/pdf`

async function buildDocument(db: PrismaClient, actor: AuthContext, body: IssueInput, now: Date): Promise<DocumentDraft> {
  const subject = CertificateTypes.get(body.type)?.subject
  if (actor.role === 'reviewer') throw new AppError('FORBIDDEN')
  if (subject === 'PERSON' && (actor.role !== 'person' || actor.personId === undefined)) {
    throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { field: 'type', detail: '个人证明请以个人身份登录后开具' })
  }
  if (subject === 'UNIT' && (actor.role !== 'unit' || actor.unitId === undefined)) {
    throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { field: 'type', detail: '单位证明须由单位经办人登录后开具' })
  }
  const personId = actor.personId as number
  const unitId = actor.unitId as number
  switch (body.type) {
    case 'PERSON_INSURANCE':
      return buildPersonInsurance(db, personId, body, now)
    case 'PERSON_PAYMENT_VOUCHER':
      return buildPaymentVoucher(db, await loadPerson(db, personId), body.insuranceType, { role: 'PERSON' })
    case 'PENSION_ASSESSMENT':
      return buildPensionAssessment(db, personId)
    case 'BENEFIT_RECEIPT':
      return buildBenefitReceipt(db, personId, body, now)
    case 'RETIREMENT':
      return buildRetirement(db, personId)
    case 'UNIT_INSURANCE':
      return buildUnitInsurance(db, unitId, body, now)
    case 'UNIT_PENSION_VOUCHER': {
      // The staff member must be (or have been) enrolled in pension through this unit; otherwise 404.
      const enrolled = await db.enrolment.findFirst({
        where: { personId: body.personId, unitId, insuranceType: 'PENSION' },
        select: { id: true }
      })
      if (!enrolled) throw new AppError('NOT_FOUND', { field: 'personId' })
      const unit = await loadUnit(db, unitId)
      return buildPaymentVoucher(db, await loadPerson(db, body.personId), 'PENSION', { role: 'UNIT', unit })
    }
  }
}

type Issued = IssueCertificateResponse & { document: CertificateDocument; pdf: Buffer }

/** Snapshot, code, token and PDF: everything but the rows (no transaction is held while the PDF renders). */
async function prepareCertificate(deps: CertificateDeps, actor: AuthContext, body: IssueInput, opts: IssueOptions) {
  // Whole seconds: the token carries seconds, and the record must equal it.
  const issuedAt = new Date(Math.floor((opts.now ?? new Date()).getTime() / 1000) * 1000)
  const expiresAt = addCalendarMonths(issuedAt, CERTIFICATE_VALIDITY_MONTHS)
  const draft = await buildDocument(deps.prisma, actor, body, issuedAt)
  const document = finishDocument(draft, issuedAt)

  const code = newAuthCode()
  const token = signCertificateToken(deps.keys, {
    code,
    type: document.type,
    tokenSubject: document.public.tokenSubject,
    documentHash: documentHash(document),
    issuedAt,
    expiresAt
  })
  const publicBaseUrl = deps.config.publicBaseUrl
  const verifyUrl = verificationUrl(publicBaseUrl, code, token)
  const pdf = await renderCertificatePdf({ document, code, qrText: verifyUrl, verifyPageUrl: verificationUrl(publicBaseUrl) })
  return { issuedAt, expiresAt, document, code, verifyUrl, pdf }
}

type Prepared = Awaited<ReturnType<typeof prepareCertificate>>

/** The media row (the PDF) and the certificate row; returns the certificate's id. */
async function storeCertificate(db: Tx, actor: AuthContext, p: Prepared): Promise<number> {
  const mediaId = crypto.randomUUID()
  const subject = p.document.subject
  const owner = subject.role === 'UNIT' ? { ownerRole: 'UNIT' as const, ownerUnitId: subject.unitId ?? null, ownerPersonId: null } : { ownerRole: 'PERSON' as const, ownerPersonId: subject.personId ?? null, ownerUnitId: null }
  // createMany: one INSERT (the id is ours); create() reads the row back afterwards, the PDF's bytes included.
  await db.media.createMany({
    data: [{ id: mediaId, ...owner, kind: 'PDF', mime: 'application/pdf', size: p.pdf.bytes.length, sha256: p.pdf.sha256, storage: 'db', data: new Uint8Array(p.pdf.bytes) }]
  })
  const cert = await db.certificate.create({
    data: {
      codeHash: authCodeHash(p.code) as string,
      codeTail: authCodeTail(p.code),
      type: p.document.type,
      title: p.document.title,
      subjectRole: subject.role,
      personId: subject.personId ?? null,
      unitId: subject.unitId ?? null,
      issuedById: actor.personId ?? null,
      snapshot: p.document as unknown as object,
      pdfSha256: p.pdf.sha256,
      pdfMediaId: mediaId,
      pages: p.pdf.pages,
      issuedAt: p.issuedAt,
      expiresAt: p.expiresAt,
      status: 'VALID'
    },
    select: { id: true }
  })
  return cert.id
}

function responseOf(id: number, p: Prepared): IssueCertificateResponse {
  return {
    id,
    type: p.document.type,
    title: p.document.title,
    code: formatAuthCode(p.code),
    issuedAt: p.issuedAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    pages: p.pdf.pages,
    size: p.pdf.bytes.length,
    pdfPath: pdfPathOf(id),
    verifyUrl: p.verifyUrl
  }
}

/** Issue and store a proof; answers with the document and the PDF too (tests, scripts). */
export async function issueCertificate(deps: CertificateDeps, actor: AuthContext, body: IssueInput, opts: IssueOptions = {}): Promise<Issued> {
  const p = await prepareCertificate(deps, actor, body, opts)
  const id = await deps.prisma.$transaction((tx) => storeCertificate(tx, actor, p))
  return { ...responseOf(id, p), document: p.document, pdf: p.pdf.bytes }
}

/**
 * `POST /api/certificates`: issue once per `Idempotency-Key` (when given). A key already answered is replayed
 * before anything is rendered; a key taken by a request still running is waited for (runIdempotent), and the PDF
 * this request rendered meanwhile is dropped.
 */
export async function issueCertificateOnce(
  deps: CertificateDeps,
  actor: AuthContext,
  body: IssueInput,
  idempotencyKey: string | undefined,
  opts: IssueOptions = {}
): Promise<Outcome<IssueCertificateResponse>> {
  const idem: IdempotencyRequest | undefined = idempotencyKey
    ? { key: idempotencyKey, scope: idempotencyScope(actor), fingerprint: { op: 'certificates.issue', body } }
    : undefined
  if (idem) {
    const done = await deps.prisma.idempotencyKey.findUnique({ where: { scope_key: { scope: idem.scope, key: idem.key } } })
    if (done && done.requestHash !== requestHash(idem.fingerprint)) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    if (done && done.status !== null) return { status: done.status, body: done.response as IssueCertificateResponse, replayed: true }
  }
  const p = await prepareCertificate(deps, actor, body, opts)
  return runIdempotent(deps.prisma, idem, async (tx) => ({ status: 201, body: responseOf(await storeCertificate(tx, actor, p), p) }))
}
