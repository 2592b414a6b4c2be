// Who may see a medium: its owner (the unit it was uploaded for, or the person), and reviewers once it is attached
// to a case that has left the draft state. Anyone else: not found.
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'

export interface MediaRow {
  id: string
  ownerRole: string
  ownerPersonId: number | null
  ownerUnitId: number | null
  mime: string
  size: number
  width: number | null
  height: number | null
  sha256: string
  storage: string
  storageKey: string | null
  createdAt: Date
}

const SELECT = { id: true, ownerRole: true, ownerPersonId: true, ownerUnitId: true, mime: true, size: true, width: true, height: true, sha256: true, storage: true, storageKey: true, createdAt: true } as const

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)
}

/** The medium if the caller owns it (unit clerk: uploaded for their unit; person: their own). */
export async function mediaForOwner(db: PrismaClient | Tx, auth: AuthContext, id: string): Promise<MediaRow | null> {
  if (!isUuid(id)) return null
  if (auth.role === 'unit') return db.media.findFirst({ where: { id, ownerRole: 'UNIT', ownerUnitId: auth.unitId as number }, select: SELECT })
  if (auth.role === 'person') return db.media.findFirst({ where: { id, ownerRole: 'PERSON', ownerPersonId: auth.personId as number }, select: SELECT })
  return null
}

/** The medium if the caller may view it. */
export async function mediaForViewer(db: PrismaClient | Tx, auth: AuthContext, id: string): Promise<MediaRow | null> {
  if (auth.role !== 'reviewer') return mediaForOwner(db, auth, id)
  if (!isUuid(id)) return null
  return db.media.findFirst({ where: { id, caseMaterials: { some: { case: { status: { not: 'DRAFT' } } } } }, select: SELECT })
}
