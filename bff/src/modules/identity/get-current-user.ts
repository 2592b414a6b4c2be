// GET /api/auth/me: who is signed in (masked), the unit a clerk acts for, the person's card summary.
import type { MeResponse } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { cardSummary } from './card-view.ts'
import type { IdentityDeps } from './context.ts'
import { loadAuthUser, subjectOf } from './sessions.ts'

export async function getCurrentUser(deps: IdentityDeps, auth: AuthContext): Promise<MeResponse> {
  const now = deps.clock()
  const session = await deps.prisma.session.findUnique({ where: { id: auth.sessionId } })
  if (!session || session.revokedAt !== null || session.expiresAt.getTime() <= now.getTime()) throw new AppError('SESSION_INVALID')
  const subject = subjectOf(session)
  const user = await loadAuthUser(deps.prisma, subject)
  const me: MeResponse = { ...user, sessionExpiresAt: session.expiresAt.toISOString() }
  if (subject.role !== 'REVIEWER') {
    const card = await deps.essc.getCard(subject.personId)
    me.card = card ? cardSummary(card) : null
  }
  return me
}
