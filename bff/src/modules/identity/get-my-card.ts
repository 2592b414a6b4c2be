// GET /api/me/card: the person's e-SSC for 我的 — masked by default, in clear with ?reveal=1 (the 小眼睛 toggle;
// each reveal is audited).
import type { CardResponse } from '@shebao/shared'
import { maskIdNumber, maskName } from '@shebao/shared'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { writeAudit } from './audit.ts'
import { cardSummary } from './card-view.ts'
import type { IdentityDeps } from './context.ts'
import type { RequestMeta } from './request-meta.ts'

export async function getMyCard(deps: IdentityDeps, auth: AuthContext, reveal: boolean, meta: RequestMeta): Promise<CardResponse> {
  const personId = auth.personId
  if (personId === undefined) throw new AppError('FORBIDDEN')
  const [card, person] = await Promise.all([
    deps.essc.getCard(personId),
    deps.prisma.person.findUnique({ where: { id: personId }, select: { name: true, idNumber: true } })
  ])
  if (!card || !person) throw new AppError('NOT_FOUND', { message: '未查询到您的电子社保卡' })
  if (reveal) {
    await writeAudit(deps.prisma, { action: 'essc.card_reveal', actorRole: 'PERSON', actorId: personId, targetType: 'essc_card', targetId: personId, meta, at: deps.clock() })
  }
  return {
    ...cardSummary(card, reveal),
    holder: reveal ? { name: person.name, idNumber: person.idNumber } : { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber) },
    revealed: reveal
  }
}
