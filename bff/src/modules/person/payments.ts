// 待遇发放: 基本养老金, 代发待遇, 机关事业单位养老金, 职业年金, 长期工伤待遇 — by month, filtered by kind and year,
// paged; bank accounts masked. A payment id of someone else answers 404 like a missing one.
import {
  maskBankAccount,
  PaymentKinds,
  PaymentStatuses,
  type PaymentKind,
  type PaymentRow,
  type PaymentsResponse
} from '@shebao/shared'
import { Prisma, type PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { fen, isoDateOrNull, periodText, yuan, type DecimalLike } from './convert.ts'

export interface PaymentsFilter {
  kind?: PaymentKind | undefined
  year?: number | undefined
  page: number
  pageSize: number
}

const PAYMENT_SELECT = {
  id: true,
  kind: true,
  period: true,
  item: true,
  amount: true,
  bankName: true,
  bankAccount: true,
  status: true,
  paidOn: true
} as const

export async function listPayments(prisma: PrismaClient, personId: number, q: PaymentsFilter): Promise<PaymentsResponse> {
  const where: Prisma.BenefitPaymentWhereInput = { personId }
  if (q.kind) where.kind = q.kind
  if (q.year !== undefined) where.period = { gte: q.year * 100 + 1, lte: q.year * 100 + 12 }
  const kindSql = q.kind ? Prisma.sql`AND kind = ${q.kind}` : Prisma.empty
  const [kinds, yearly, rows] = await Promise.all([
    prisma.benefitPayment.groupBy({ by: ['kind'], where: { personId }, _count: { _all: true } }),
    // Per year of the selected kind: how many rows and the sum paid out (DECIMAL sum as text → exact fen).
    prisma.$queryRaw<{ y: number; n: bigint | number; paid: string | null }[]>(Prisma.sql`
      SELECT period DIV 100 AS y, COUNT(*) AS n, CAST(SUM(CASE WHEN status = 'PAID' THEN amount ELSE 0 END) AS CHAR) AS paid
        FROM benefit_payment
       WHERE person_id = ${personId} ${kindSql}
       GROUP BY period DIV 100`),
    prisma.benefitPayment.findMany({
      where,
      orderBy: [{ period: 'desc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: PAYMENT_SELECT
    })
  ])
  let records = 0
  let paidFen = 0
  for (const y of yearly) {
    if (q.year !== undefined && Number(y.y) !== q.year) continue
    records += Number(y.n)
    paidFen += y.paid === null ? 0 : fen(y.paid)
  }
  const count = new Map(kinds.map((k) => [k.kind, k._count._all]))
  return {
    page: q.page,
    pageSize: q.pageSize,
    total: records,
    items: rows.map(toPaymentRow),
    kind: q.kind ?? null,
    year: q.year ?? null,
    kinds: PaymentKinds.codes.filter((k) => count.has(k)).map((kind) => ({ kind, label: PaymentKinds.label(kind), count: count.get(kind) ?? 0 })),
    years: yearly.map((y) => Number(y.y)).sort((a, b) => b - a),
    totals: { records, paidFen, paidYuan: yuan(paidFen) }
  }
}

export async function getPayment(prisma: PrismaClient, personId: number, id: number): Promise<PaymentRow> {
  // The owner is part of the lookup: another person's payment is simply not found.
  const row = await prisma.benefitPayment.findFirst({ where: { id, personId }, select: PAYMENT_SELECT })
  if (!row) throw new AppError('NOT_FOUND')
  return toPaymentRow(row)
}

export function toPaymentRow(r: {
  id: number
  kind: PaymentKind
  period: number
  item: string
  amount: DecimalLike
  bankName: string | null
  bankAccount: string | null
  status: string
  paidOn: Date | null
}): PaymentRow {
  const amountFen = fen(r.amount)
  return {
    id: r.id,
    period: r.period,
    periodText: periodText(r.period),
    kind: r.kind,
    kindLabel: PaymentKinds.label(r.kind),
    item: r.item,
    amountFen,
    amountYuan: yuan(amountFen),
    bankName: r.bankName,
    bankAccount: r.bankAccount === null ? null : maskBankAccount(r.bankAccount),
    status: r.status,
    statusLabel: PaymentStatuses.label(r.status),
    paidOn: isoDateOrNull(r.paidOn)
  }
}
