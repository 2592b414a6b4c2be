// Who is acting (for case events and ownership): the signed-in role, its ids and the display name.
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'

export type RoleCode = 'PERSON' | 'UNIT' | 'REVIEWER'

export interface Actor {
  role: RoleCode
  /** person id (person, clerk) or reviewer id */
  id: number
  name: string
  personId?: number
  unitId?: number
  reviewerId?: number
}

export async function loadActor(db: PrismaClient | Tx, auth: AuthContext): Promise<Actor> {
  if (auth.role === 'reviewer') {
    const r = await db.reviewer.findUnique({ where: { id: auth.reviewerId as number }, select: { id: true, name: true, active: true } })
    if (!r || !r.active) throw new AppError('UNAUTHENTICATED')
    return { role: 'REVIEWER', id: r.id, name: r.name, reviewerId: r.id }
  }
  const p = await db.person.findUnique({ where: { id: auth.personId as number }, select: { id: true, name: true } })
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (auth.role === 'unit') return { role: 'UNIT', id: p.id, name: p.name, personId: p.id, unitId: auth.unitId as number }
  return { role: 'PERSON', id: p.id, name: p.name, personId: p.id }
}
