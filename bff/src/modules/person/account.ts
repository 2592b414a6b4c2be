// 个人账户: the stored yearly ledger (personal_account_year) as the person reads it. The rows are written by the
// contribution/seed side with shared's accountYear(); test/api/person-account.test.ts recomputes them from the
// contribution records with rollAccount() and must land on the same fen.
import { formatRatePercent, rateToPpm, type AccountResponse } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { fen, yuan } from './convert.ts'

export async function getAccount(prisma: PrismaClient, personId: number): Promise<AccountResponse> {
  const rows = await prisma.personalAccountYear.findMany({
    where: { personId },
    orderBy: { year: 'asc' },
    select: {
      year: true,
      openingBalance: true,
      credited: true,
      creditedMonths: true,
      interestRate: true,
      interest: true,
      closingBalance: true
    }
  })
  let totalCredited = 0
  let totalInterest = 0
  const items = rows.map((r) => {
    const openingFen = fen(r.openingBalance)
    const creditedFen = fen(r.credited)
    const interestFen = fen(r.interest)
    const closingFen = fen(r.closingBalance)
    const ratePpm = rateToPpm(r.interestRate.toFixed(6))
    totalCredited += creditedFen
    totalInterest += interestFen
    return {
      year: r.year,
      openingFen,
      openingYuan: yuan(openingFen),
      creditedFen,
      creditedYuan: yuan(creditedFen),
      creditedMonths: r.creditedMonths,
      ratePpm,
      rateText: formatRatePercent(ratePpm),
      interestFen,
      interestYuan: yuan(interestFen),
      closingFen,
      closingYuan: yuan(closingFen)
    }
  })
  const last = items[items.length - 1]
  const balanceFen = last?.closingFen ?? 0
  return {
    items,
    balanceFen,
    balanceYuan: yuan(balanceFen),
    balanceYear: last?.year ?? null,
    totalCreditedFen: totalCredited,
    totalCreditedYuan: yuan(totalCredited),
    totalInterestFen: totalInterest,
    totalInterestYuan: yuan(totalInterest)
  }
}
