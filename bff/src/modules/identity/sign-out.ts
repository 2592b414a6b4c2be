// 退出登录: revoke this session (refresh stops at once; identity's session-checked endpoints refuse its access
// token at once, the rest when it expires).
import type { AuthContext } from '../../http/auth.ts'
import { writeAudit } from './audit.ts'
import type { IdentityDeps } from './context.ts'
import type { RequestMeta } from './request-meta.ts'
import { revokeSession, sessionRoleOf } from './sessions.ts'

export async function signOut(deps: IdentityDeps, auth: AuthContext, meta: RequestMeta): Promise<{ signedOut: true }> {
  const now = deps.clock()
  if (await revokeSession(deps.prisma, auth.sessionId, 'logout', now)) {
    const actorId = auth.role === 'reviewer' ? auth.reviewerId : auth.personId
    await writeAudit(deps.prisma, {
      action: 'auth.sign_out',
      actorRole: sessionRoleOf(auth.role),
      ...(actorId !== undefined ? { actorId } : {}),
      targetType: 'session',
      targetId: auth.sessionId,
      meta,
      at: now
    })
  }
  return { signedOut: true }
}
