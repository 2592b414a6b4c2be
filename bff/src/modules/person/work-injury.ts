// 工伤: determinations (工伤认定) with their appraisals (劳动能力鉴定), appraisals of their own (非因工), and the
// long-term work-injury benefits (长期工伤待遇, benefit_payment kind WORK_INJURY) by year. A determination id of
// someone else answers 404 like a missing one.
import {
  AppraisalKinds,
  type AppraisalRow,
  type DeterminationDetail,
  type DeterminationRow,
  type WorkInjuryBenefitYear,
  type WorkInjuryResponse
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { fen, isoDate, yuan, type DecimalLike } from './convert.ts'

const LEVELS = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级']

const APPRAISAL_SELECT = {
  id: true,
  appraisalNo: true,
  kind: true,
  disabilityLevel: true,
  careLevel: true,
  conclusion: true,
  appraisedOn: true,
  determinationId: true
} as const

const DETERMINATION_SELECT = {
  id: true,
  decisionNo: true,
  accidentDate: true,
  accidentPlace: true,
  injuryPart: true,
  diagnosis: true,
  conclusion: true,
  determinedOn: true,
  unit: { select: { unitNo: true, name: true } },
  appraisals: { orderBy: { appraisedOn: 'asc' }, select: APPRAISAL_SELECT }
} as const

export async function getWorkInjury(prisma: PrismaClient, personId: number): Promise<WorkInjuryResponse> {
  const [determinations, others, benefits] = await Promise.all([
    prisma.workInjuryDetermination.findMany({
      where: { personId },
      orderBy: [{ determinedOn: 'desc' }, { id: 'desc' }],
      select: DETERMINATION_SELECT
    }),
    prisma.workInjuryAppraisal.findMany({
      where: { personId, determinationId: null },
      orderBy: [{ appraisedOn: 'desc' }, { id: 'desc' }],
      select: APPRAISAL_SELECT
    }),
    readBenefits(prisma, personId)
  ])
  return {
    determinations: determinations.map(toDetermination),
    otherAppraisals: others.map(toAppraisal),
    benefitsByYear: benefitsByYear(benefits)
  }
}

export async function getDetermination(prisma: PrismaClient, personId: number, id: number): Promise<DeterminationDetail> {
  // The owner is part of the lookup: another person's determination is simply not found.
  const d = await prisma.workInjuryDetermination.findFirst({ where: { id, personId }, select: DETERMINATION_SELECT })
  if (!d) throw new AppError('NOT_FOUND')
  const fromPeriod = Number(isoDate(d.determinedOn).slice(0, 7).replace('-', ''))
  const benefits = await readBenefits(prisma, personId, fromPeriod)
  return { ...toDetermination(d), benefitsByYear: benefitsByYear(benefits) }
}

interface BenefitFact {
  period: number
  item: string
  amount: DecimalLike
}

function readBenefits(prisma: PrismaClient, personId: number, fromPeriod?: number): Promise<BenefitFact[]> {
  return prisma.benefitPayment.findMany({
    where: { personId, kind: 'WORK_INJURY', status: 'PAID', ...(fromPeriod ? { period: { gte: fromPeriod } } : {}) },
    select: { period: true, item: true, amount: true }
  })
}

/** Paid long-term benefits per year (newest first), per item within the year. */
function benefitsByYear(facts: readonly BenefitFact[]): WorkInjuryBenefitYear[] {
  const years = new Map<number, { months: Set<number>; total: number; items: Map<string, { months: Set<number>; amount: number }> }>()
  for (const f of facts) {
    const y = Math.floor(f.period / 100)
    let yr = years.get(y)
    if (!yr) years.set(y, (yr = { months: new Set(), total: 0, items: new Map() }))
    const amount = fen(f.amount)
    yr.months.add(f.period)
    yr.total += amount
    let it = yr.items.get(f.item)
    if (!it) yr.items.set(f.item, (it = { months: new Set(), amount: 0 }))
    it.months.add(f.period)
    it.amount += amount
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, yr]) => ({
      year,
      months: yr.months.size,
      totalFen: yr.total,
      totalYuan: yuan(yr.total),
      items: [...yr.items.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'zh'))
        .map(([item, it]) => ({ item, months: it.months.size, amountFen: it.amount, amountYuan: yuan(it.amount) }))
    }))
}

function toAppraisal(a: {
  id: number
  appraisalNo: string
  kind: string
  disabilityLevel: number | null
  careLevel: string | null
  conclusion: string
  appraisedOn: Date
  determinationId: number | null
}): AppraisalRow {
  return {
    id: a.id,
    appraisalNo: a.appraisalNo,
    kind: a.kind,
    kindLabel: AppraisalKinds.label(a.kind),
    disabilityLevel: a.disabilityLevel,
    disabilityLevelLabel: a.disabilityLevel === null ? null : (LEVELS[a.disabilityLevel - 1] ?? `${a.disabilityLevel}级`),
    careLevel: a.careLevel,
    conclusion: a.conclusion,
    appraisedOn: isoDate(a.appraisedOn),
    determinationId: a.determinationId
  }
}

function toDetermination(d: {
  id: number
  decisionNo: string
  accidentDate: Date
  accidentPlace: string | null
  injuryPart: string | null
  diagnosis: string | null
  conclusion: string
  determinedOn: Date
  unit: { unitNo: string; name: string } | null
  appraisals: Parameters<typeof toAppraisal>[0][]
}): DeterminationRow {
  return {
    id: d.id,
    decisionNo: d.decisionNo,
    unit: d.unit ? { unitNo: d.unit.unitNo, name: d.unit.name } : null,
    accidentDate: isoDate(d.accidentDate),
    accidentPlace: d.accidentPlace,
    injuryPart: d.injuryPart,
    diagnosis: d.diagnosis,
    conclusion: d.conclusion,
    determinedOn: isoDate(d.determinedOn),
    appraisals: d.appraisals.map(toAppraisal)
  }
}
