// The unit a clerk acts for, and its insurance rows (单位参保信息 with 最大核止期号), loaded once per request.
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { applicantActor } from '../cases/context.ts'
import type { Actor } from '../cases/actor.ts'

type Db = PrismaClient | Tx

export interface UnitRow {
  id: number
  unitNo: string
  name: string
  regionCode: string
  riskClass: number
}

export interface UnitInsuranceRow {
  insuranceType: 'PENSION' | 'UNEMPLOYMENT' | 'WORK_INJURY'
  status: string
  enrolledOn: Date
  lastSettledPeriod: number | null
}

export const UNIT_TYPES = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const

/** The signed-in clerk's unit; the clerk must still be authorised (tokens live 15 minutes). */
export async function clerkUnit(db: Db, auth: AuthContext): Promise<{ unit: UnitRow; actor: Actor }> {
  if (auth.role !== 'unit' || auth.unitId === undefined) throw new AppError('FORBIDDEN')
  const actor = await applicantActor(db, auth)
  const unit = await db.unit.findUnique({ where: { id: auth.unitId }, select: { id: true, unitNo: true, name: true, regionCode: true, riskClass: true } })
  if (!unit) throw new AppError('NOT_FOUND')
  return { unit, actor }
}

/** The unit's active 养老/失业/工伤 insurance rows, in bill order. */
export async function activeInsurances(db: Db, unitId: number): Promise<UnitInsuranceRow[]> {
  const rows = await db.unitInsurance.findMany({
    where: { unitId, status: 'ACTIVE', insuranceType: { in: [...UNIT_TYPES] } },
    select: { insuranceType: true, status: true, enrolledOn: true, lastSettledPeriod: true }
  })
  return rows
    .map((r) => ({ ...r, insuranceType: r.insuranceType as UnitInsuranceRow['insuranceType'] }))
    .sort((a, b) => UNIT_TYPES.indexOf(a.insuranceType) - UNIT_TYPES.indexOf(b.insuranceType))
}

/** Serialise a unit's contribution business (declare, revoke, issue, re-issue, arrival) on its row lock. */
export async function lockUnit(tx: Tx, unitId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM unit WHERE id = ${unitId} FOR UPDATE`
}

/** 经办机构 printed on bills: the unit's city social-insurance agency ("宜昌市社会保险局"). */
export async function agencyName(db: Db, regionCode: string): Promise<string> {
  const cityCode = /^\d{2}0000$/.test(regionCode) ? regionCode : `${regionCode.slice(0, 4)}00`
  const region = await db.region.findUnique({ where: { code: cityCode }, select: { name: true } })
  const province = await db.region.findUnique({ where: { code: `${regionCode.slice(0, 2)}0000` }, select: { name: true } })
  return `${region?.name ?? province?.name ?? ''}社会保险局`.slice(0, 64)
}
