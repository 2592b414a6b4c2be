// 待遇资格认证记录: when and how the person proved they are alive and entitled, and until when it holds.
import type { CertificationsResponse } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { instant, instantText, isoDate, today } from './convert.ts'

export async function listCertifications(
  prisma: PrismaClient,
  personId: number,
  q: { page: number; pageSize: number },
  now: Date = new Date()
): Promise<CertificationsResponse> {
  const [total, rows, latest] = await Promise.all([
    prisma.eligibilityCertification.count({ where: { personId } }),
    prisma.eligibilityCertification.findMany({
      where: { personId },
      orderBy: [{ certifiedAt: 'desc' }, { id: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, certifiedAt: true, method: true, channel: true, validUntil: true }
    }),
    prisma.eligibilityCertification.findFirst({
      where: { personId },
      orderBy: [{ validUntil: 'desc' }],
      select: { validUntil: true }
    })
  ])
  const day = today(now)
  const latestUntil = latest ? isoDate(latest.validUntil) : null
  return {
    page: q.page,
    pageSize: q.pageSize,
    total,
    items: rows.map((r) => {
      const validUntil = isoDate(r.validUntil)
      return {
        id: r.id,
        certifiedAt: instant(r.certifiedAt),
        certifiedAtText: instantText(r.certifiedAt),
        method: r.method,
        channel: r.channel,
        validUntil,
        valid: validUntil >= day
      }
    }),
    currentlyValid: latestUntil !== null && latestUntil >= day,
    validUntil: latestUntil
  }
}
