// 个人账户 credits from arrived contributions (personal_account_year, one row per person and calendar year; the
// person module reads it as 个人账户).
//
// On arrival (到账) each person's personal pension contribution is credited to the calendar year of the period:
// `credited` += amount, `credited_months` += 1, `closing_balance` += amount. A row the year does not have yet is
// opened with the person's latest earlier closing balance as `opening_balance`, the year's 记账利率 (or the latest
// announced one) and interest 0. Interest is NOT added month by month: it is applied once at year end by
// `settleAccountYear`, with shared's rule (劳办发〔1997〕116号: opening × r + credits × r × 1.083 / 2, half-up once;
// shared accountYear), which also carries the closing balance into the next year's opening balance when that row
// exists. The bill's 利息 (late interest paid by the unit) goes to the fund, not into the account: the account's
// interest for the year is the yearly rule's, whatever month the money arrived in.
import { accountYear, type Fen } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import { dec, toFen, toPpm } from './convert.ts'
import { interestRateFor } from './policy.ts'

type Db = PrismaClient | Tx
const CHUNK = 2000

export interface AccountCredit {
  personId: number
  fen: Fen
  /** Months this credit adds (default 1; 0 for a 缴费工资变更 difference of a month already counted). */
  months?: number
}

/** Credit one month's personal pension contributions of many persons to calendar year `year`. */
export async function creditAccounts(tx: Tx, year: number, credits: readonly AccountCredit[]): Promise<number> {
  const list = credits.filter((c) => c.fen !== 0)
  if (list.length === 0) return 0
  const rate = await interestRateFor(tx, year)
  const rateText = (rate / 1_000_000).toFixed(6)
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK)
    const ids = part.map((c) => c.personId)
    // Latest earlier closing balance per person (the opening of a row we create).
    const prior = await tx.$queryRawUnsafe<Array<{ person_id: number; closing: string }>>(
      `SELECT a.person_id, CAST(a.closing_balance AS CHAR) AS closing
         FROM personal_account_year a
         JOIN (SELECT person_id, MAX(year) AS y FROM personal_account_year WHERE person_id IN (${ids.join(',')}) AND year < ? GROUP BY person_id) m
           ON m.person_id = a.person_id AND m.y = a.year`,
      year
    )
    const opening = new Map(prior.map((p) => [Number(p.person_id), toFen(p.closing)]))
    const values = part
      .map((c) => {
        const open = opening.get(c.personId) ?? 0
        return `(${c.personId},${year},${dec(open)},${dec(c.fen)},${Math.max(0, Math.trunc(c.months ?? 1))},${rateText},0.00,${dec(open + c.fen)})`
      })
      .join(',')
    // Integers and formatted decimals only.
    await tx.$executeRawUnsafe(
      `INSERT INTO personal_account_year (person_id, year, opening_balance, credited, credited_months, interest_rate, interest, closing_balance)
       VALUES ${values}
       ON DUPLICATE KEY UPDATE closing_balance = closing_balance + VALUES(credited),
                               credited_months = LEAST(credited_months + VALUES(credited_months), 127),
                               credited = credited + VALUES(credited)`
    )
    // A credit to a past year moves every later year's opening and closing balance (back-payments, differences).
    const later = await tx.$queryRawUnsafe<Array<{ person_id: number }>>(
      `SELECT DISTINCT person_id FROM personal_account_year WHERE person_id IN (${ids.join(',')}) AND year > ?`,
      year
    )
    if (later.length) {
      const byPerson = new Map<number, number>()
      for (const c of part) byPerson.set(c.personId, (byPerson.get(c.personId) ?? 0) + c.fen)
      for (const l of later) {
        const fen = byPerson.get(Number(l.person_id)) ?? 0
        if (fen === 0) continue
        await tx.$executeRawUnsafe(
          'UPDATE personal_account_year SET opening_balance = opening_balance + ?, closing_balance = closing_balance + ? WHERE person_id = ? AND year > ?',
          dec(fen),
          dec(fen),
          Number(l.person_id),
          year
        )
      }
    }
  }
  return list.length
}

/**
 * Year-end settlement (结息) of calendar year `year` for the given persons (default: everyone with a row): interest
 * by shared accountYear at the row's 记账利率 (refreshed from account_interest_rate when announced), closing =
 * opening + credited + interest, and the next year's row, when present, opens with it.
 */
export async function settleAccountYear(db: PrismaClient, year: number, personIds?: readonly number[]): Promise<number> {
  const rate = await interestRateFor(db, year)
  const rows = await db.personalAccountYear.findMany({
    where: { year, ...(personIds ? { personId: { in: [...personIds] } } : {}) },
    select: { id: true, personId: true, openingBalance: true, credited: true, interestRate: true }
  })
  for (const r of rows) {
    const ratePpm = rate || toPpm(r.interestRate)
    const y = accountYear(year, toFen(r.openingBalance), toFen(r.credited), ratePpm)
    await db.$transaction(async (tx) => {
      await tx.personalAccountYear.update({
        where: { id: r.id },
        data: { interestRate: (ratePpm / 1_000_000).toFixed(6), interest: dec(y.interestFen), closingBalance: dec(y.closingFen) }
      })
      const next = await tx.personalAccountYear.findUnique({ where: { personId_year: { personId: r.personId, year: year + 1 } }, select: { id: true, credited: true, interest: true } })
      if (next) {
        await tx.personalAccountYear.update({
          where: { id: next.id },
          data: { openingBalance: dec(y.closingFen), closingBalance: dec(y.closingFen + toFen(next.credited) + toFen(next.interest)) }
        })
      }
    })
  }
  return rows.length
}

export type { Db }
