// Demo 稽核认定缴费基数 (R40): a few determinations the center's audit made for workers of the demo units, recorded
// through the endpoint's own use case (`recordAuditBase`, the demo reviewer `reviewer`, the seed's today), so they
// pass the same checks as a reviewer's entry. Each finds the worker's wage under-declared: the audited base is about a
// quarter above what was paid, as the product would generate it (half-up to 10 yuan, floor/ceiling of that year).
//
//  - 李建华 at 三峡物流, all types, L-8 … L-6: the demo clerk 周敏 (authorised for 三峡物流) can try a 缴费工资变更 of
//    those months — another wage is refused naming the audited base, the audited one passes;
//  - 周敏 at 长江机电, pension only, L-14 … L-12;
//  - the first other worker of 长江机电 (by 个人编号) paid in L-4 … L-3, all types (depends on --seed).
// Ranges stay inside one social year (a base is checked against each year's bounds). Months come from the seed's
// clock, so they always lie in the 缴费工资变更 window (the 24 months before the current month).
import { addMonths, contributionBase, periodYear, socialYearOf, socialYearPeriods, type UnitInsuranceType } from '@shebao/shared';
import { createPrisma, type PrismaClient } from '../../bff/src/db/client.ts';
import { recordAuditBase } from '../../bff/src/modules/contributions/audit-base.ts';
import { toFen } from '../../bff/src/modules/contributions/convert.ts';
import { boundsOf, findPolicy } from '../../bff/src/modules/contributions/policy.ts';
import { DEMO_PERSONS, DEMO_REVIEWER, DEMO_UNITS } from './demo-accounts.ts';
import type { SeedClock } from './model.ts';

interface Plan {
  unitNo: string;
  /** The worker's ID number, or null: the first other paid worker of the unit. */
  idNumber: string | null;
  insuranceType: UnitInsuranceType | null;
  /** Months before the seed's last settled month L: from L − back … L − back + months − 1. */
  back: number;
  months: number;
  remark: string;
}

const PLANS: Plan[] = [
  { unitNo: DEMO_UNITS.logistics.unitNo, idNumber: DEMO_PERSONS.worker.idNumber, insuranceType: null, back: 8, months: 3, remark: '专项稽核：少报缴费工资' },
  { unitNo: DEMO_UNITS.machinery.unitNo, idNumber: DEMO_PERSONS.clerk.idNumber, insuranceType: 'PENSION', back: 14, months: 3, remark: '举报核查：养老保险缴费基数' },
  { unitNo: DEMO_UNITS.machinery.unitNo, idNumber: null, insuranceType: null, back: 4, months: 2, remark: '年度缴费基数稽核' },
];

const DEMO_IDS: string[] = Object.values(DEMO_PERSONS).map((p) => p.idNumber);

/** Record the demo determinations; returns how many were written. */
export async function seedAuditBases(databaseUrl: string, clock: SeedClock): Promise<number> {
  const prisma = createPrisma(databaseUrl, { poolSize: 2 });
  try {
    const reviewer = await prisma.reviewer.findUniqueOrThrow({ where: { username: DEMO_REVIEWER.username }, select: { id: true } });
    const auth = { role: 'reviewer' as const, reviewerId: reviewer.id, sessionId: 'seed' };
    // Noon of the seed's today in Shanghai: the use case's "this month".
    const now = new Date(`${clock.today}T12:00:00+08:00`);
    let written = 0;
    for (const [i, plan] of PLANS.entries()) {
      const end = addMonths(clock.lastSettled, -plan.back + plan.months - 1);
      const start = Math.max(addMonths(clock.lastSettled, -plan.back), socialYearPeriods(socialYearOf(end)).from);
      const paid = await paidRecord(prisma, plan, start, end);
      if (!paid) continue;
      const unit = await prisma.unit.findUniqueOrThrow({ where: { unitNo: plan.unitNo }, select: { regionCode: true } });
      const policy = await findPolicy(prisma, unit.regionCode, socialYearOf(end));
      if (!policy) continue;
      const baseFen = contributionBase(Math.round((toFen(paid.base) * 5) / 4), boundsOf(policy));
      await recordAuditBase(
        prisma,
        auth,
        {
          unitNo: plan.unitNo,
          idNumber: paid.person.idNumber,
          insuranceType: plan.insuranceType,
          startPeriod: start,
          endPeriod: end,
          baseFen,
          documentNo: `宜人社稽字〔${periodYear(end)}〕${String(i + 1).padStart(3, '0')}号`,
          remark: plan.remark,
        },
        undefined,
        now,
      );
      written++;
    }
    return written;
  } finally {
    await prisma.$disconnect();
  }
}

/** A paid record of the plan's worker (or the first other paid worker) in the unit within the months. */
async function paidRecord(prisma: PrismaClient, plan: Plan, start: number, end: number) {
  return prisma.contributionRecord.findFirst({
    where: {
      unit: { unitNo: plan.unitNo },
      period: { gte: start, lte: end },
      status: { in: ['PAID', 'BACK_PAID'] },
      insuranceType: plan.insuranceType ?? 'PENSION',
      person: plan.idNumber ? { idNumber: plan.idNumber } : { idNumber: { notIn: DEMO_IDS }, status: 'ACTIVE' },
    },
    orderBy: [{ person: { personNo: 'asc' } }, { period: 'desc' }],
    select: { base: true, person: { select: { idNumber: true } } },
  });
}
