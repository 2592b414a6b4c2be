// 社会保险费应缴认定单 (§3.3.26/27, R46/R47, R004-14/19; layout seed 004 §4.9.2).
//
// Issue (开具): only for a declaration that has no live bill (R46: items without a bill). One line per insurance type:
// 单位缴纳金额, 个人缴纳金额, 利息, 滞纳金, 应缴合计 (= 应缴金额); the total in capital numerals (shared fenToCapital);
// 征集通知单据号 = issue time yyyyMMddHHmmss + 2 digits (shared formatBillNo) — the 2 digits are a global counter
// (`sequence` row 'bill_no', own short transaction) modulo 100, and bill_no is UNIQUE: two bills in the same second
// get different counters; only a 100th bill within one second can collide, and then the issue retries with the next
// number. Deadline: 10 working days on the official calendar (working-days.ts).
//
// Interest and late fee (R004-14 "重新生成当期缴费单据时间超出当月的，从次月1日起加收利息和滞纳金"; R54): when the bill is
// issued after the period's month, for the days from the 1st of the next month through the 经办日期 (both included,
// shared lateFeeDays):
//   滞纳金 per line = (unit + personal amount) × late_fee_daily_rate (policy, 0.05 %) × days, half-up once per line
//                    (shared lateFee);
//   利息 (pension only: the personal-account part is the personal contribution) = Σ per person
//        round(personal pension amount × 记账利率 of the period's calendar year × days / 365), half-up per person.
//   The bill is a fixed assessment: days between the 经办日期 and payment within its validity are not charged; a
//   bill that expires is regenerated with the days up to its new 经办日期.
//
// Revoke / re-issue (R47, R004-19): a VALID bill may be revoked (or revoked and re-issued in one step) only when
// nothing else happened for the unit since it was issued: no other bill, no declaration or 撤销申报, no case created,
// submitted or decided. The declaration then returns to 已申报 (and may be revoked itself, R44). An EXPIRED bill is
// already void: re-issuing it generates a new bill for the same declaration at any time.
import {
  addMonths,
  BillStatuses,
  firstDayOfPeriod,
  formatBillNo,
  formatDateChinese,
  fenToCapital,
  lateFee,
  lateFeeDays,
  pageOf,
  pageOffset,
  periodYear,
  INTEREST_AND_LATE_FEE_FROM_PERIOD,
  shanghaiPeriod,
  shanghaiToday,
  socialYearOf,
  type BillDetail,
  type BillSummary,
  type Fen,
  type IsoDate,
  type Period
} from '@shebao/shared'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { isUniqueViolation } from '../cases/db-errors.ts'
import type { Outcome } from '../cases/idempotency.ts'
import { nextSequence, nextSequenceInTx } from '../cases/sequence.ts'
import { contributionsNow } from './clock.ts'
import { dateOnly, dec, instant, instantText, isoDate, periodText, toFen, yuan } from './convert.ts'
import { expireDueBills } from './expiry.ts'
import { interestRateFor, policyForPeriod } from './policy.ts'
import { agencyName, clerkUnit, type UnitRow } from './unit.ts'
import { changeUnit } from './unit-change.ts'
import { billDeadline } from './working-days.ts'

type Db = PrismaClient | Tx

export const BILL_NO_SEQUENCE = 'bill_no'
const TYPE_ORDER = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const
const TYPE_LABEL: Record<string, string> = { PENSION: '养老保险', UNEMPLOYMENT: '失业保险', WORK_INJURY: '工伤保险' }
export const KIND_LABEL: Record<string, string> = { NORMAL: '单位整体核定', BACK_PAYMENT: '补缴核定' }

// ── arithmetic ──────────────────────────────────────────────────────────────────────────────

/** Days of interest and late fee for `period` billed on `issuedOn`: from the 1st of the next month, both ends in. */
export function lateDaysFor(period: Period, issuedOn: IsoDate): number {
  return lateFeeDays(firstDayOfPeriod(addMonths(period, 1)), issuedOn)
}

/** round(personal × rate(ppm) × days / 365) half-up, exact (BigInt: the product can exceed 2^53). */
export function lateInterest(personalFen: Fen, ratePpm: number, days: number): Fen {
  if (days <= 0 || personalFen === 0 || ratePpm === 0) return 0
  const num = BigInt(personalFen) * BigInt(ratePpm) * BigInt(days)
  const den = 1_000_000n * 365n
  const q = num / den
  const r = num % den
  return Number(r * 2n >= den ? q + 1n : q)
}

interface LineSum {
  insurance_type: string
  unit_amount: string | null
  personal_amount: string | null
}

export interface BillLineCalc {
  insuranceType: string
  unitFen: Fen
  personalFen: Fen
  interestFen: Fen
  lateFeeFen: Fen
  totalFen: Fen
}

/** The bill lines of a declaration billed on `issuedOn`. */
/** The amount columns of a bill: the sums of its lines (征集明细 = 合计 of the per-insurance lines). */
function billAmounts(lines: readonly BillLineCalc[]) {
  const sum = (f: (l: BillLineCalc) => Fen) => lines.reduce((s, l) => s + f(l), 0)
  return {
    unitAmount: dec(sum((l) => l.unitFen)),
    personalAmount: dec(sum((l) => l.personalFen)),
    interest: dec(sum((l) => l.interestFen)),
    lateFee: dec(sum((l) => l.lateFeeFen)),
    total: dec(sum((l) => l.totalFen))
  }
}

/** One bill_line row per insurance type. */
function billLineData(l: BillLineCalc) {
  return {
    insuranceType: l.insuranceType as 'PENSION',
    unitAmount: dec(l.unitFen),
    personalAmount: dec(l.personalFen),
    interest: dec(l.interestFen),
    lateFee: dec(l.lateFeeFen),
    total: dec(l.totalFen)
  }
}

export async function declarationBillLines(db: Db, declarationId: number, period: Period, issuedOn: IsoDate, lateFeeDailyPpm: number): Promise<{ lines: BillLineCalc[]; days: number }> {
  const sums = await db.$queryRaw<LineSum[]>`
    SELECT insurance_type, CAST(SUM(unit_amount) AS CHAR) AS unit_amount, CAST(SUM(personal_amount) AS CHAR) AS personal_amount
      FROM declaration_line WHERE declaration_id = ${declarationId} GROUP BY insurance_type`
  const days = lateDaysFor(period, issuedOn)
  let pensionInterest = 0
  if (days > 0 && sums.some((s) => s.insurance_type === 'PENSION')) {
    const rate = await interestRateFor(db, periodYear(period))
    const rows = await db.$queryRaw<Array<{ p: string }>>`
      SELECT CAST(personal_amount AS CHAR) AS p FROM declaration_line WHERE declaration_id = ${declarationId} AND insurance_type = 'PENSION'`
    for (const r of rows) pensionInterest += lateInterest(toFen(r.p), rate, days)
  }
  const lines = sums
    .sort((a, b) => TYPE_ORDER.indexOf(a.insurance_type as never) - TYPE_ORDER.indexOf(b.insurance_type as never))
    .map((s) => {
      const unitFen = toFen(s.unit_amount)
      const personalFen = toFen(s.personal_amount)
      const interestFen = s.insurance_type === 'PENSION' ? pensionInterest : 0
      const lateFeeFen = lateFee(unitFen + personalFen, days, lateFeeDailyPpm)
      return { insuranceType: s.insurance_type, unitFen, personalFen, interestFen, lateFeeFen, totalFen: unitFen + personalFen + interestFen + lateFeeFen }
    })
  return { lines, days }
}

// ── issue ───────────────────────────────────────────────────────────────────────────────────

type DeclarationForBill = { id: number; period: number; status: string; unitId: number; declaredAt: Date }

/** Create the bill of a declaration inside the caller's transaction (unit locked). Returns the bill id. */
async function createDeclarationBill(tx: Tx, unit: UnitRow, d: DeclarationForBill, now: Date, supersedesId: number | null, firstSeq: number): Promise<number> {
  const policy = await policyForPeriod(tx, unit.regionCode, d.period)
  const issuedOn = shanghaiToday(now)
  const { lines } = await declarationBillLines(tx, d.id, d.period, issuedOn, policy.lateFeeDailyPpm)
  const agency = await agencyName(tx, unit.regionCode)
  const deadline = billDeadline(issuedOn)
  for (let attempt = 0; ; attempt++) {
    // The first number was taken before the transaction (its own short transaction: no pool connection is held
    // while waiting for another); a collision takes the next one inside this transaction.
    const seq = attempt === 0 ? firstSeq : await nextSequenceInTx(tx, BILL_NO_SEQUENCE)
    const billNo = formatBillNo(now, seq % 100)
    try {
      // A savepoint-free retry: the failed INSERT is rolled back by itself (InnoDB statement rollback).
      const bill = await tx.bill.create({
        data: {
          billNo,
          unitId: unit.id,
          declarationId: d.id,
          period: d.period,
          // A declaration of a month before the month it was made in is a 补缴 (§3.3.33).
          kind: d.period < shanghaiPeriod(d.declaredAt) ? 'BACK_PAYMENT' : 'NORMAL',
          status: 'VALID',
          ...billAmounts(lines),
          issuedAt: now,
          deadline: dateOnly(deadline),
          agency,
          supersedesId,
          lines: { create: lines.map(billLineData) }
        },
        select: { id: true }
      })
      await tx.contributionDeclaration.update({ where: { id: d.id }, data: { status: 'BILLED' } })
      return bill.id
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err, 'bill_no')) continue
      throw err
    }
  }
}

function notIssuable(detail: string): AppError {
  return new AppError('BILL_NOT_ISSUABLE', { detail })
}

/** The declaration to bill, checked: the unit's, not revoked, no live bill (R46). */
async function billableDeclaration(tx: Tx, unitId: number, declarationId: number): Promise<DeclarationForBill> {
  const d = await tx.contributionDeclaration.findFirst({ where: { id: declarationId, unitId }, select: { id: true, period: true, status: true, unitId: true, declaredAt: true } })
  if (!d) throw new AppError('NOT_FOUND')
  if (d.status === 'REVOKED') throw notIssuable('该缴费申报已撤销，不能开具应缴认定单')
  const live = await tx.bill.findFirst({ where: { declarationId: d.id, status: { in: ['VALID', 'PAID'] } }, select: { billNo: true, status: true } })
  if (live) throw notIssuable(`该缴费申报已开具应缴认定单${live.billNo}（${BillStatuses.label(live.status)}）`)
  return d
}

async function lastVoidBillId(tx: Tx, declarationId: number): Promise<number | null> {
  const prev = await tx.bill.findFirst({ where: { declarationId, status: { in: ['EXPIRED', 'REVOKED'] } }, orderBy: { id: 'desc' }, select: { id: true } })
  return prev?.id ?? null
}

export async function issueBill(prisma: PrismaClient, auth: AuthContext, body: { declarationId?: number | undefined; pending?: boolean | undefined }, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<BillDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  const fingerprint = { op: 'contrib.issueBill', declarationId: body.declarationId ?? null, pending: body.pending === true }
  const seq = await nextSequence(prisma, BILL_NO_SEQUENCE)
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint, expireBillsAt: now }, async (tx) => {
    if (body.declarationId === undefined) {
      const id = await createRecordsBill(tx, unit, now, seq)
      return { status: 201, body: await billDetailById(tx, unit, id, now) }
    }
    const d = await billableDeclaration(tx, unit.id, body.declarationId)
    const id = await createDeclarationBill(tx, unit, d, now, await lastVoidBillId(tx, d.id), seq)
    return { status: 201, body: await billDetailById(tx, unit, id, now) }
  })
}

// ── bills of pending back-payment records (补缴核定) ─────────────────────────────────────────────

/**
 * The unit's unbilled 应缴未到账 records (补缴 from the worker matters) as one bill: per record, interest and late fee
 * for the days from the 1st of the month after its period through the 经办日期 when the period is from 1996-01 on
 * (R54); summed per insurance type. The records are tied to the bill until it expires or is revoked.
 */
async function createRecordsBill(tx: Tx, unit: UnitRow, now: Date, firstSeq: number): Promise<number> {
  const records = await tx.$queryRaw<Array<{ id: bigint; insurance_type: string; period: number; u: string; p: string }>>`
    SELECT id, insurance_type, period, CAST(unit_amount AS CHAR) AS u, CAST(personal_amount AS CHAR) AS p
      FROM contribution_record WHERE unit_id = ${unit.id} AND bill_id IS NULL AND status = 'DECLARED' FOR UPDATE`
  if (records.length === 0) throw notIssuable('没有待开具应缴认定单的补缴或差额数据')
  const issuedOn = shanghaiToday(now)
  const lateRate = new Map<number, number>()
  const interestRate = new Map<number, number>()
  const lines = new Map<string, BillLineCalc>()
  for (const r of records) {
    const period = Number(r.period)
    // Interest and late fee on money owed only: not on a 退还 difference, not before 1996-01 (R54).
    const owed = toFen(r.u) + toFen(r.p) > 0
    const days = owed && period >= INTEREST_AND_LATE_FEE_FROM_PERIOD ? lateDaysFor(period, issuedOn) : 0
    const year = socialYearOf(period)
    if (!lateRate.has(year)) lateRate.set(year, (await policyForPeriod(tx, unit.regionCode, period)).lateFeeDailyPpm)
    const calYear = periodYear(period)
    if (r.insurance_type === 'PENSION' && days > 0 && !interestRate.has(calYear)) interestRate.set(calYear, await interestRateFor(tx, calYear))
    const unitFen = toFen(r.u)
    const personalFen = toFen(r.p)
    const interestFen = r.insurance_type === 'PENSION' ? lateInterest(personalFen, interestRate.get(calYear) ?? 0, days) : 0
    const lateFeeFen = lateFee(unitFen + personalFen, days, lateRate.get(year) as number)
    const l = lines.get(r.insurance_type) ?? { insuranceType: r.insurance_type, unitFen: 0, personalFen: 0, interestFen: 0, lateFeeFen: 0, totalFen: 0 }
    l.unitFen += unitFen
    l.personalFen += personalFen
    l.interestFen += interestFen
    l.lateFeeFen += lateFeeFen
    l.totalFen += unitFen + personalFen + interestFen + lateFeeFen
    lines.set(r.insurance_type, l)
  }
  const list = [...lines.values()].sort((a, b) => TYPE_ORDER.indexOf(a.insuranceType as never) - TYPE_ORDER.indexOf(b.insuranceType as never))
  const agency = await agencyName(tx, unit.regionCode)
  for (let attempt = 0; ; attempt++) {
    const seq = attempt === 0 ? firstSeq : await nextSequenceInTx(tx, BILL_NO_SEQUENCE)
    try {
      const bill = await tx.bill.create({
        data: {
          billNo: formatBillNo(now, seq % 100),
          unitId: unit.id,
          declarationId: null,
          period: Math.max(...records.map((r) => Number(r.period))),
          kind: 'BACK_PAYMENT',
          status: 'VALID',
          ...billAmounts(list),
          issuedAt: now,
          deadline: dateOnly(billDeadline(issuedOn)),
          agency,
          lines: { create: list.map(billLineData) }
        },
        select: { id: true }
      })
      await tx.contributionRecord.updateMany({ where: { id: { in: records.map((r) => r.id) } }, data: { billId: bill.id } })
      return bill.id
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err, 'bill_no')) continue
      throw err
    }
  }
}

// ── revoke / re-issue ───────────────────────────────────────────────────────────────────────

/** What the unit did after `since` (other than this bill), in words; null when nothing (R004-19). */
async function activitySince(tx: Tx, unitId: number, billId: number, since: Date): Promise<string | null> {
  const otherBill = await tx.bill.findFirst({ where: { unitId, id: { not: billId }, OR: [{ issuedAt: { gt: since } }, { revokedAt: { gt: since } }, { paidAt: { gt: since } }] }, select: { billNo: true } })
  if (otherBill) return `开具后已办理其他缴费单据（${otherBill.billNo}）`
  const decl = await tx.contributionDeclaration.findFirst({ where: { unitId, OR: [{ declaredAt: { gt: since } }, { revokedAt: { gt: since } }] }, select: { period: true } })
  if (decl) return `开具后已办理${periodText(decl.period)}缴费申报或撤销申报`
  const kase = await tx.case.findFirst({ where: { unitId, OR: [{ createdAt: { gt: since } }, { submittedAt: { gt: since } }, { decidedAt: { gt: since } }] }, select: { serialNo: true } })
  if (kase) return `开具后已办理其他业务（业务流水号${kase.serialNo}）`
  return null
}

async function lockOwnBill(tx: Tx, unitId: number, billNo: string) {
  await tx.$queryRaw`SELECT id FROM bill WHERE bill_no = ${billNo} FOR UPDATE`
  const b = await tx.bill.findFirst({ where: { billNo, unitId }, select: { id: true, status: true, issuedAt: true, declarationId: true, period: true, kind: true } })
  if (!b) throw new AppError('NOT_FOUND')
  return b
}

async function revokeLocked(tx: Tx, unitId: number, bill: { id: number; status: string; issuedAt: Date; declarationId: number | null }, now: Date): Promise<void> {
  if (bill.status !== 'VALID') {
    throw new AppError('BILL_NOT_REVOCABLE', { detail: `该单据${BillStatuses.label(bill.status)}，不能撤销${bill.status === 'EXPIRED' ? '；可直接重新生成缴费单据' : ''}` })
  }
  const activity = await activitySince(tx, unitId, bill.id, bill.issuedAt)
  if (activity) throw new AppError('BILL_NOT_REVOCABLE', { detail: `${activity}，不能撤销原有的应缴认定单` })
  await tx.bill.update({ where: { id: bill.id }, data: { status: 'REVOKED', revokedAt: now } })
  if (bill.declarationId !== null) await tx.contributionDeclaration.updateMany({ where: { id: bill.declarationId, status: 'BILLED' }, data: { status: 'DECLARED' } })
  await tx.contributionRecord.updateMany({ where: { billId: bill.id, status: { in: ['DECLARED', 'ARREARS'] } }, data: { billId: null } })
}

export async function revokeBill(prisma: PrismaClient, auth: AuthContext, billNo: string, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<BillDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint: { op: 'contrib.revokeBill', billNo }, expireBillsAt: now }, async (tx) => {
    const bill = await lockOwnBill(tx, unit.id, billNo)
    await revokeLocked(tx, unit.id, bill, now)
    return { status: 200, body: await billDetailById(tx, unit, bill.id, now) }
  })
}

/** 撤销原有的应缴认定单，重新打印一次: a VALID bill is revoked (same rule as revoke) and a new one issued; an EXPIRED
 *  bill is simply regenerated. The new bill points at the old one (`supersedes`). */
export async function reissueBill(prisma: PrismaClient, auth: AuthContext, billNo: string, idempotencyKey: string | undefined, now = contributionsNow()): Promise<Outcome<BillDetail>> {
  const { unit } = await clerkUnit(prisma, auth)
  const seq = await nextSequence(prisma, BILL_NO_SEQUENCE)
  return changeUnit(prisma, { auth, unitId: unit.id, idempotencyKey, fingerprint: { op: 'contrib.reissueBill', billNo }, expireBillsAt: now }, async (tx) => {
    const bill = await lockOwnBill(tx, unit.id, billNo)
    if (bill.status === 'PAID' || bill.status === 'REVOKED') throw new AppError('BILL_NOT_REVOCABLE', { detail: `该单据${BillStatuses.label(bill.status)}，不能重新生成` })
    if (bill.declarationId === null) throw new AppError('BILL_NOT_REVOCABLE', { detail: '该单据不能重新生成' })
    if (bill.status === 'VALID') await revokeLocked(tx, unit.id, bill, now)
    const d = await billableDeclaration(tx, unit.id, bill.declarationId)
    const id = await createDeclarationBill(tx, unit, d, now, bill.id, seq)
    return { status: 201, body: await billDetailById(tx, unit, id, now) }
  })
}

// ── views ───────────────────────────────────────────────────────────────────────────────────

export type BillRow = Prisma.BillGetPayload<{ include: { lines: true } }>

function progress(b: { issuedAt: Date; paidAt: Date | null; status: string }) {
  const at = (d: Date | null) => ({ at: d ? instant(d) : null, atText: d ? instantText(d) : null, done: d !== null })
  const paid = b.status === 'PAID' ? b.paidAt : null
  return [
    { step: '缴费认定', ...at(b.issuedAt) },
    { step: '税务开票', ...at(paid) },
    { step: '税务登账', ...at(paid) },
    { step: '社保登账', ...at(paid) },
    { step: '实收分配', ...at(paid) }
  ]
}

export async function billSummary(db: Db, b: Omit<BillRow, 'lines'>): Promise<BillSummary> {
  const supersedes = b.supersedesId ? await db.bill.findUnique({ where: { id: b.supersedesId }, select: { billNo: true } }) : null
  return {
    billNo: b.billNo,
    period: b.period,
    periodText: periodText(b.period),
    kindLabel: KIND_LABEL[b.kind] ?? b.kind,
    status: b.status,
    statusLabel: BillStatuses.label(b.status),
    unitFen: toFen(b.unitAmount),
    personalFen: toFen(b.personalAmount),
    interestFen: toFen(b.interest),
    lateFeeFen: toFen(b.lateFee),
    totalFen: toFen(b.total),
    totalYuan: yuan(toFen(b.total)),
    issuedAt: instant(b.issuedAt),
    issuedAtText: instantText(b.issuedAt),
    issuedOn: shanghaiToday(b.issuedAt),
    deadline: isoDate(b.deadline),
    paidAt: b.paidAt ? instant(b.paidAt) : null,
    revokedAt: b.revokedAt ? instant(b.revokedAt) : null,
    declarationId: b.declarationId,
    supersedes: supersedes?.billNo ?? null,
    progress: progress(b)
  }
}

/** The bill notes 1–3 (seed §4.9.2; note 3 adapted: the 2020 exemption note no longer applies). */
export function billNotes(deadline: IsoDate, period: Period, days: number): string[] {
  return [
    `1、此单据缴费截止日期至${formatDateChinese(deadline)},过期作废。请在截止日期前到税务征收机构及时缴纳。`,
    '2、此单据失效后,参保单位可在网上或社保大厅重新生成缴费单据。重新生成缴费单据时间超出当月的,从次月1日起加收利息和滞纳金。',
    days > 0
      ? `3、本单据费款所属期为${periodText(period)}，生成时间已超出当月，自${formatDateChinese(firstDayOfPeriod(addMonths(period, 1)))}起至经办日期共${days}天加收利息和滞纳金（滞纳金按日万分之五计收）。人员缴费明细请在"业务单据查询"中查询。`
      : `3、本单据费款所属期为${periodText(period)}。人员缴费明细及到账进度请在"业务单据查询"中查询。`
  ]
}

export async function billDetailOf(db: Db, unit: { unitNo: string; name: string }, b: BillRow, now: Date): Promise<BillDetail> {
  const summary = await billSummary(db, b)
  const lines = [...b.lines]
    .sort((x, y) => TYPE_ORDER.indexOf(x.insuranceType as never) - TYPE_ORDER.indexOf(y.insuranceType as never))
    .map((l) => {
      const v = { unit: toFen(l.unitAmount), personal: toFen(l.personalAmount), interest: toFen(l.interest), late: toFen(l.lateFee), total: toFen(l.total) }
      return {
        insuranceType: l.insuranceType,
        label: TYPE_LABEL[l.insuranceType] ?? l.insuranceType,
        unitFen: v.unit,
        unitYuan: yuan(v.unit),
        personalFen: v.personal,
        personalYuan: yuan(v.personal),
        interestFen: v.interest,
        interestYuan: yuan(v.interest),
        lateFeeFen: v.late,
        lateFeeYuan: yuan(v.late),
        totalFen: v.total,
        totalYuan: yuan(v.total)
      }
    })
  const days = lateDaysFor(b.period, summary.issuedOn)
  let revocable = false
  if (b.status === 'VALID' && db !== null) {
    const activity = await activitySince(db as Tx, b.unitId, b.id, b.issuedAt)
    revocable = activity === null
  }
  void now
  return {
    ...summary,
    unitNo: unit.unitNo,
    unitName: unit.name,
    agency: b.agency,
    lines,
    totalCapital: fenToCapital(summary.totalFen),
    collection: [
      {
        kindLabel: summary.kindLabel,
        unitFen: summary.unitFen,
        unitYuan: yuan(summary.unitFen),
        personalFen: summary.personalFen,
        personalYuan: yuan(summary.personalFen),
        lateFeeFen: summary.lateFeeFen,
        lateFeeYuan: yuan(summary.lateFeeFen),
        interestFen: summary.interestFen,
        interestYuan: yuan(summary.interestFen),
        totalFen: summary.totalFen,
        totalYuan: yuan(summary.totalFen)
      }
    ],
    notes: billNotes(summary.deadline, b.period, days),
    lateDays: days,
    revocable
  }
}

export async function billDetailById(db: Db, unit: { unitNo: string; name: string }, id: number, now: Date): Promise<BillDetail> {
  const b = await db.bill.findUnique({ where: { id }, include: { lines: true } })
  if (!b) throw new AppError('NOT_FOUND')
  return billDetailOf(db, unit, b, now)
}

/** The unit's bill by number (another unit's → 404), expired first when due. */
export async function findOwnBill(prisma: PrismaClient, auth: AuthContext, billNo: string, now = contributionsNow()): Promise<{ unit: UnitRow; bill: BillRow }> {
  const { unit } = await clerkUnit(prisma, auth)
  await expireDueBills(prisma, { unitId: unit.id }, now)
  const bill = await prisma.bill.findFirst({ where: { billNo, unitId: unit.id }, include: { lines: true } })
  if (!bill) throw new AppError('NOT_FOUND')
  return { unit, bill }
}

export async function getBill(prisma: PrismaClient, auth: AuthContext, billNo: string, now = contributionsNow()): Promise<BillDetail> {
  const { unit, bill } = await findOwnBill(prisma, auth, billNo, now)
  return billDetailOf(prisma, unit, bill, now)
}

/** 业务单据查询 (§3.3.70): the unit's bills with status and 到账进度, newest first. */
export async function listBills(prisma: PrismaClient, auth: AuthContext, q: { page: number; pageSize: number; status?: string | undefined; period?: number | undefined }, now = contributionsNow()) {
  const { unit } = await clerkUnit(prisma, auth)
  await expireDueBills(prisma, { unitId: unit.id }, now)
  const where: Prisma.BillWhereInput = { unitId: unit.id, ...(q.status ? { status: q.status as 'VALID' } : {}), ...(q.period ? { period: q.period } : {}) }
  const [total, rows] = await Promise.all([
    prisma.bill.count({ where }),
    prisma.bill.findMany({ where, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], skip: pageOffset(q), take: q.pageSize })
  ])
  const items = []
  for (const b of rows) items.push(await billSummary(prisma, b))
  return pageOf(items, total, q)
}
