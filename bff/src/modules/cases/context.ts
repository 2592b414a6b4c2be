// Who may act on which case: the applicant side (a unit clerk for unit matters, a person for person matters) and
// the loading of "my" case by 业务流水号 (another owner's serial → 404).
import { checkMobile, getMatter, type MatterDefinition } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { ownerWhere, isCaseSerialText } from './access.ts'
import { loadActor, type Actor } from './actor.ts'
import { lockCase, type CaseRow } from './lifecycle.ts'

/** The applicant acting now; a unit clerk must still be an authorised clerk of the unit (tokens live 15 min). */
export async function applicantActor(db: PrismaClient | Tx, auth: AuthContext): Promise<Actor> {
  if (auth.role === 'reviewer') throw new AppError('FORBIDDEN')
  if (auth.role === 'person') return loadActor(db, auth)
  // One query for the clerk's name and authorisation (same rule as identity's isAuthorisedClerk: linked by
  // person id, or by ID number for rows collected on paper).
  const person = await db.person.findUnique({ where: { id: auth.personId as number }, select: { id: true, name: true, idNumber: true } })
  if (!person) throw new AppError('UNAUTHENTICATED')
  const clerk = await db.unitClerk.findFirst({
    where: { unitId: auth.unitId as number, active: true, revokedAt: null, OR: [{ personId: person.id }, { idNumber: person.idNumber }] },
    select: { id: true }
  })
  if (!clerk) throw new AppError('UNIT_NOT_AUTHORISED')
  return { role: 'UNIT', id: person.id, name: person.name, personId: person.id, unitId: auth.unitId as number }
}

export function assertApplicant(matter: MatterDefinition, auth: AuthContext): void {
  if ((matter.applicant === 'unit' && auth.role !== 'unit') || (matter.applicant === 'person' && auth.role !== 'person')) {
    throw new AppError('MATTER_NOT_FOR_ROLE')
  }
}

export function matterFor(code: string): MatterDefinition {
  const m = getMatter(code)
  if (!m) throw new AppError('MATTER_NOT_FOUND')
  return m
}

/** Find the caller's case (no lock). */
export async function findOwnCase(db: PrismaClient | Tx, auth: AuthContext, serialNo: string): Promise<CaseRow> {
  if (!isCaseSerialText(serialNo)) throw new AppError('NOT_FOUND')
  const row = await db.case.findFirst({ where: { serialNo, ...ownerWhere(auth) }, include: { unit: true } })
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** Lock the caller's case inside a transaction. */
export async function lockOwnCase(tx: Tx, auth: AuthContext, serialNo: string): Promise<CaseRow> {
  if (!isCaseSerialText(serialNo)) throw new AppError('NOT_FOUND')
  return lockCase(tx, serialNo, ownerWhere(auth))
}

export function normalisedPhone(input: string): string {
  const r = checkMobile(input)
  if (!r.ok) throw new AppError('VALIDATION_FAILED', { field: 'applicantPhone', message: `请求参数有误：手机号码${r.reason?.replace(/^手机号码/, '') ?? '格式不正确'}` })
  return r.value
}
