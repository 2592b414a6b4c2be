// 退出登录: revoke this session. Refresh stops at once, and so does its access token on every endpoint (the auth
// guard's liveness check; in another BFF process within its cache's few seconds, session-liveness.ts).
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
