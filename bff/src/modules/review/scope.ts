// A reviewer's reach: all cases, or — when the reviewer account has a region — the cases of units in that region
// (county code → that county; city xxxx00 → the whole city; province xx0000 → the province).
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { Actor } from '../cases/actor.ts'

export interface ReviewerScope {
  actor: Actor
  where: Prisma.CaseWhereInput
}

export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2)
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4)
  return code
}

export async function reviewerScope(prisma: PrismaClient, auth: AuthContext): Promise<ReviewerScope> {
  const r = await prisma.reviewer.findUnique({ where: { id: auth.reviewerId as number }, select: { id: true, name: true, active: true, regionCode: true } })
  if (!r || !r.active) throw new AppError('UNAUTHENTICATED')
  const actor: Actor = { role: 'REVIEWER', id: r.id, name: r.name, reviewerId: r.id }
  // Drafts are the applicant's own business: reviewers never see them.
  const where: Prisma.CaseWhereInput = { status: { not: 'DRAFT' } }
  if (r.regionCode) where.unit = { regionCode: { startsWith: regionPrefix(r.regionCode) } }
  return { actor, where }
}
