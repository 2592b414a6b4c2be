// 登陆授权信息: which units a person may act for. A clerk row counts when it is active and not revoked, and is
// linked to the person either by person_id or (rows collected on paper before the person had a record) by the
// ID number.
import type { UnitRef } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'

export async function authorisedUnits(db: PrismaClient | Tx, personId: number): Promise<UnitRef[]> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { idNumber: true } })
  if (!person) return []
  const rows = await db.unitClerk.findMany({
    where: { active: true, revokedAt: null, OR: [{ personId }, { idNumber: person.idNumber }] },
    select: { unit: { select: { id: true, unitNo: true, name: true } } },
    orderBy: { unitId: 'asc' }
  })
  const seen = new Set<number>()
  const units: UnitRef[] = []
  for (const r of rows) {
    if (seen.has(r.unit.id)) continue
    seen.add(r.unit.id)
    units.push(r.unit)
  }
  return units
}

export async function isAuthorisedClerk(db: PrismaClient | Tx, personId: number, unitId: number): Promise<boolean> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { idNumber: true } })
  if (!person) return false
  const n = await db.unitClerk.count({
    where: { unitId, active: true, revokedAt: null, OR: [{ personId }, { idNumber: person.idNumber }] }
  })
  return n > 0
}
