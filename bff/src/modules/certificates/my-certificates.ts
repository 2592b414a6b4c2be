// 我的证明: the caller's proofs (a person's own; a unit clerk's: the unit's), the stored PDF again, and revocation
// by the owner. Another person's or unit's proof is 404, never 403.
import { CertificateTypes, pageOf, pageOffset, type CertificateListQuery, type CertificateRow, type CertificateState, type Paged } from '@shebao/shared'
import type { z } from 'zod'
import type { CertificateListQuery as ListQuerySchema, RevokeCertificateBody } from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { CertificateDocument } from './document.ts'
import { pdfPathOf } from './issue-certificate.ts'

export type { CertificateListQuery }

const STATE_LABEL: Record<CertificateState, string> = { VALID: '有效', EXPIRED: '已过验证期', REVOKED: '已作废' }

/** Rows the caller owns: persons their own individual proofs, clerks their unit's proofs. */
export function ownedBy(actor: AuthContext): Prisma.CertificateWhereInput {
  if (actor.role === 'person' && actor.personId !== undefined) return { subjectRole: 'PERSON', personId: actor.personId }
  if (actor.role === 'unit' && actor.unitId !== undefined) return { subjectRole: 'UNIT', unitId: actor.unitId }
  return { id: -1 } // reviewers own no proofs
}

const ROW_SELECT = {
  id: true,
  type: true,
  title: true,
  snapshot: true,
  status: true,
  issuedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokeReason: true,
  codeTail: true,
  pages: true
} as const

type Row = Prisma.CertificateGetPayload<{ select: typeof ROW_SELECT }>

function toRow(r: Row, now: Date): CertificateRow {
  const state: CertificateState = r.status === 'REVOKED' ? 'REVOKED' : now >= r.expiresAt ? 'EXPIRED' : 'VALID'
  const doc = r.snapshot as unknown as CertificateDocument
  return {
    id: r.id,
    type: r.type as CertificateRow['type'],
    typeLabel: CertificateTypes.label(r.type),
    title: r.title,
    summary: doc?.public?.summary ?? '',
    status: r.status,
    state,
    stateLabel: STATE_LABEL[state],
    issuedAt: r.issuedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
    codeTail: r.codeTail,
    pages: r.pages,
    pdfPath: pdfPathOf(r.id)
  }
}

export async function listMyCertificates(
  db: PrismaClient,
  actor: AuthContext,
  query: z.output<typeof ListQuerySchema>,
  now: Date = new Date()
): Promise<Paged<CertificateRow>> {
  const where: Prisma.CertificateWhereInput = { ...ownedBy(actor), ...(query.type ? { type: query.type } : {}) }
  const [rows, total] = await Promise.all([
    db.certificate.findMany({ where, select: ROW_SELECT, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], skip: pageOffset(query), take: query.pageSize }),
    db.certificate.count({ where })
  ])
  return pageOf(rows.map((r) => toRow(r, now)), total, query)
}

export interface StoredPdf {
  bytes: Buffer
  sha256: string
  filename: string
}

export async function getCertificatePdf(db: PrismaClient, actor: AuthContext, id: number): Promise<StoredPdf> {
  const cert = await db.certificate.findFirst({ where: { id, ...ownedBy(actor) }, select: { pdfMediaId: true, title: true, codeTail: true } })
  if (!cert?.pdfMediaId) throw new AppError('NOT_FOUND')
  const media = await db.media.findUnique({ where: { id: cert.pdfMediaId }, select: { data: true, sha256: true } })
  if (!media?.data) throw new AppError('NOT_FOUND')
  return { bytes: Buffer.from(media.data), sha256: media.sha256, filename: `${cert.title}-${cert.codeTail}.pdf` }
}

export async function revokeCertificate(
  db: PrismaClient,
  actor: AuthContext,
  id: number,
  body: z.output<typeof RevokeCertificateBody>,
  now: Date = new Date()
): Promise<CertificateRow> {
  const owned = { id, ...ownedBy(actor) }
  // Compare-and-set: only a VALID proof becomes REVOKED, once.
  const changed = await db.certificate.updateMany({
    where: { ...owned, status: 'VALID' },
    data: { status: 'REVOKED', revokedAt: now, revokeReason: body.reason }
  })
  const row = await db.certificate.findFirst({ where: owned, select: ROW_SELECT })
  if (!row) throw new AppError('NOT_FOUND')
  if (changed.count === 0) throw new AppError('CERTIFICATE_ALREADY_REVOKED')
  return toRow(row, now)
}
