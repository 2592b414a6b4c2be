/**
 * Contribution arithmetic (PRODUCT.md "Contribution arithmetic"; R12, R13, R35, R58, R59, R104; seed 004 FAQ5/6,
 * §4.9.2). Everything in integer fen; rates as integer parts per million (ppm: 160000 = 16 %, 1900 = 0.19 %),
 * which is exactly the database's DECIMAL(9,6) rate columns. One half-up rounding per amount.
 *
 *   base   = clamp( roundHalfUp(declared monthly wage, 10 yuan), floor, ceiling )          (R12, R13)
 *   amount = roundHalfUp(base × rate) to the fen, separately for the unit and the personal part
 *
 * Order: round to 10 yuan first, then floor/cap (R59: "按历年保底或封顶数核定,核定缴费基数时四舍五入到十元" — the
 * floor and ceiling are the year's published figures and are applied as published, even when they are not
 * multiples of 10 yuan).
 *
 * The floor and ceiling are policy parameters of a region and social-insurance year, not always 60 % / 300 % of the
 * same standard: Yichang 2022 publishes standard 6000, floor 3450 (= 60 % of 5750) and ceiling 18000
 * (= 300 % of 6000) (seed 004 FAQ5). So bounds are explicit; `boundsFromStandard` derives them when only a
 * standard is known.
 */
import { type InsuranceType, type RiskClass, workInjuryRatePpm } from './codes/insurance';
import { assertFen, divRoundHalfUp, mulDivRoundHalfUp, roundToMultiple, sumFen, type Fen } from './money';
import { LATE_FEE_DAILY_PPM } from './rules';
import { diffDays, type IsoDate } from './period';

/** A rate in parts per million (1 % = 10 000 ppm). */
export type RatePpm = number;

export const PPM = 1_000_000;

export function isRatePpm(value: unknown): value is RatePpm {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= PPM;
}

/**
 * Read a rate exactly: a decimal fraction ('0.16', '0.007', '0.0019', '0.160000' from the database) or a
 * percentage ('16%', '0.7%', '0.19 %'). Finer than 1 ppm, negative or above 100 % → null.
 */
export function parseRate(input: string | number): RatePpm | null {
  let text = typeof input === 'number' ? String(input) : String(input).trim();
  if (/e/i.test(text)) return null;
  let scale = 6; // digits to shift a fraction into ppm
  if (text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    scale = 4;
  }
  const m = /^(\d+)?(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === undefined && (m[2] ?? '') === '')) return null;
  const intPart = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (/[1-9]/.test(frac.slice(scale))) return null;
  const ppm = Number(intPart) * 10 ** scale + Number((frac + '000000').slice(0, scale));
  return isRatePpm(ppm) ? ppm : null;
}

/** Like parseRate, throwing on bad input. */
export function rateToPpm(input: string | number): RatePpm {
  const r = parseRate(input);
  if (r === null) throw new RangeError(`not an exact rate: ${JSON.stringify(input)}`);
  return r;
}

/** Basis points → ppm: 70 bp (0.7 %) = 7000 ppm. */
export function basisPointsToPpm(bp: number): RatePpm {
  const ppm = bp * 100;
  if (!Number.isInteger(bp) || !isRatePpm(ppm)) throw new RangeError(`invalid basis points ${bp}`);
  return ppm;
}

/** ppm → the database's DECIMAL(9,6) text: 7000 → '0.007000'. */
export function ppmToDecimalString(ppm: RatePpm): string {
  if (!isRatePpm(ppm)) throw new RangeError(`invalid rate ${ppm}`);
  return `${Math.floor(ppm / PPM)}.${String(ppm % PPM).padStart(6, '0')}`;
}

/** ppm → percent text for screens and proofs: 160000 → '16%', 7000 → '0.7%', 1900 → '0.19%'. */
export function formatRatePercent(ppm: RatePpm): string {
  if (!isRatePpm(ppm)) throw new RangeError(`invalid rate ${ppm}`);
  const whole = Math.floor(ppm / 10_000);
  const frac = String(ppm % 10_000).padStart(4, '0').replace(/0+$/, '');
  return frac === '' ? `${whole}%` : `${whole}.${frac}%`;
}

/** amount = round half-up (base × rate) to the fen. */
export function applyRate(baseFen: Fen, ratePpm: RatePpm): Fen {
  assertFen(baseFen, 'base');
  if (!isRatePpm(ratePpm)) throw new RangeError(`invalid rate ${ratePpm}`);
  return mulDivRoundHalfUp(baseFen, ratePpm, PPM);
}

// ── base ────────────────────────────────────────────────────────────────────────────────────

/** 10 yuan in fen: bases are "四舍五入到十元" (R12). */
export const BASE_ROUNDING_FEN = 1000;

/** The contribution-base bounds of a region and social-insurance year (缴费基数下限 / 上限), in fen. */
export interface BaseBounds {
  readonly floorFen: Fen;
  readonly ceilingFen: Fen;
}

export interface BaseStandard extends BaseBounds {
  /** 缴费基数标准 (the average wage the bounds derive from). */
  readonly standardFen: Fen;
}

/** Round a wage half-up to 10 yuan: 8885.00 → 8890, 8884.99 → 8880. */
export function roundToTenYuan(fen: Fen): Fen {
  assertFen(fen);
  return roundToMultiple(fen, BASE_ROUNDING_FEN);
}

/** Clamp to [floor, ceiling] (保底 / 封顶). */
export function clampBase(fen: Fen, bounds: BaseBounds): Fen {
  assertFen(fen);
  assertBounds(bounds);
  return Math.min(Math.max(fen, bounds.floorFen), bounds.ceilingFen);
}

function assertBounds(b: BaseBounds): void {
  assertFen(b.floorFen, 'floor');
  assertFen(b.ceilingFen, 'ceiling');
  if (b.floorFen < 0 || b.floorFen > b.ceilingFen) throw new RangeError('base bounds must satisfy 0 ≤ floor ≤ ceiling');
}

/**
 * 核定缴费基数 from a declared monthly wage: round half-up to 10 yuan, then floor/cap to the year's bounds.
 * Without bounds, only the rounding (for tests and for wages declared before bounds are known).
 */
export function contributionBase(declaredWageFen: Fen, bounds?: BaseBounds): Fen {
  if (declaredWageFen < 0) throw new RangeError('declared wage must not be negative');
  const rounded = roundToTenYuan(declaredWageFen);
  return bounds ? clampBase(rounded, bounds) : rounded;
}

/**
 * Floor and ceiling from a base standard: 60 % and 300 % (R13), each rounded half-up to the whole yuan.
 * boundsFromStandard(600000) = { floorFen: 360000, ceilingFen: 1800000 }.
 */
export function boundsFromStandard(standardFen: Fen, floorPercent = 60, ceilingPercent = 300): BaseStandard {
  assertFen(standardFen, 'standard');
  const floorFen = roundToMultiple(divRoundHalfUp(standardFen * floorPercent, 100), 100);
  const ceilingFen = roundToMultiple(divRoundHalfUp(standardFen * ceilingPercent, 100), 100);
  return { standardFen, floorFen, ceilingFen };
}

/** 年度缴费工资申报: previous year's monthly average, 保留到10元 (R004-5): total wages ÷ months, half-up to 10 yuan. */
export function declaredMonthlyWage(totalWagesFen: Fen, months: number): Fen {
  assertFen(totalWagesFen);
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new RangeError('months must be 1–12');
  return roundToMultiple(divRoundHalfUp(totalWagesFen, months), BASE_ROUNDING_FEN);
}

/** Yichang, social-insurance year 2022 (2022-07 … 2023-06): 6000 / 3450 / 18000 元 (seed 004 FAQ5, R004-9). */
export const YICHANG_2022_BASE: BaseStandard = Object.freeze({
  standardFen: 600_000,
  floorFen: 345_000,
  ceilingFen: 1_800_000,
});

// ── rates ───────────────────────────────────────────────────────────────────────────────────

export interface RatePair {
  /** 单位费率 */
  readonly unitPpm: RatePpm;
  /** 个人费率 (R004-11: never above the unit rate) */
  readonly personalPpm: RatePpm;
}

export type RateTable = Readonly<Partial<Record<InsuranceType, RatePair>>>;

/**
 * Default rates (seed 004 FAQ6, R004-10, R105): pension 16 % / 8 %; unemployment 0.7 % / 0.3 % (the reduced
 * rates; they revert to 2 % / 1 % when the reduction ends); work injury unit-only by risk class (default class 1,
 * 0.2 %). Policy parameters in the database override these.
 */
export const DEFAULT_RATES: Readonly<Record<'PENSION' | 'UNEMPLOYMENT' | 'WORK_INJURY', RatePair>> = Object.freeze({
  PENSION: { unitPpm: 160_000, personalPpm: 80_000 },
  UNEMPLOYMENT: { unitPpm: 7_000, personalPpm: 3_000 },
  WORK_INJURY: { unitPpm: 2_000, personalPpm: 0 },
});

/** Unemployment rates once the reduction ends (FAQ6: "到期后恢复为单位2%、个人1%"). */
export const UNEMPLOYMENT_STANDARD_RATES: RatePair = Object.freeze({ unitPpm: 20_000, personalPpm: 10_000 });

/** The default rate table for a unit of a given work-injury risk class. */
export function defaultRatesFor(riskClass: RiskClass): RateTable {
  return { ...DEFAULT_RATES, WORK_INJURY: { unitPpm: workInjuryRatePpm(riskClass), personalPpm: 0 } };
}

// ── amounts ─────────────────────────────────────────────────────────────────────────────────

export interface ContributionLine {
  readonly insuranceType: InsuranceType;
  readonly baseFen: Fen;
  /** 单位缴纳 */
  readonly unitFen: Fen;
  /** 个人缴纳 */
  readonly personalFen: Fen;
  /** 应缴合计 = unit + personal */
  readonly totalFen: Fen;
}

/** One insurance type's unit and personal amounts on a base. */
export function contributionLine(insuranceType: InsuranceType, baseFen: Fen, rates: RatePair): ContributionLine {
  const unitFen = applyRate(baseFen, rates.unitPpm);
  const personalFen = applyRate(baseFen, rates.personalPpm);
  return { insuranceType, baseFen, unitFen, personalFen, totalFen: unitFen + personalFen };
}

/**
 * Lines for each insurance type in `types` (default: every type in `rates`, in table order) on the same base.
 * Types without a rate are an error: a missing policy parameter must not silently bill zero.
 */
export function contributionLines(baseFen: Fen, rates: RateTable, types?: readonly InsuranceType[]): ContributionLine[] {
  const list = types ?? (Object.keys(rates) as InsuranceType[]);
  return list.map((t) => {
    const r = rates[t];
    if (!r) throw new RangeError(`no rate for insurance type ${t}`);
    return contributionLine(t, baseFen, r);
  });
}

export interface ContributionTotals {
  readonly baseFen: Fen;
  readonly unitFen: Fen;
  readonly personalFen: Fen;
  readonly totalFen: Fen;
}

/**
 * Sum per insurance type over many per-person lines (a unit's monthly declaration): amounts are computed per
 * person and then added, as R104's 2 persons × 8890 = 17780 base shows.
 */
export function totalsByInsuranceType(lines: readonly ContributionLine[]): Map<InsuranceType, ContributionTotals> {
  const out = new Map<InsuranceType, ContributionTotals>();
  for (const l of lines) {
    const t = out.get(l.insuranceType) ?? { baseFen: 0, unitFen: 0, personalFen: 0, totalFen: 0 };
    out.set(l.insuranceType, {
      baseFen: sumFen([t.baseFen, l.baseFen]),
      unitFen: sumFen([t.unitFen, l.unitFen]),
      personalFen: sumFen([t.personalFen, l.personalFen]),
      totalFen: sumFen([t.totalFen, l.totalFen]),
    });
  }
  return out;
}

export function totalsOf(lines: readonly ContributionLine[]): ContributionTotals {
  return {
    baseFen: sumFen(lines.map((l) => l.baseFen)),
    unitFen: sumFen(lines.map((l) => l.unitFen)),
    personalFen: sumFen(lines.map((l) => l.personalFen)),
    totalFen: sumFen(lines.map((l) => l.totalFen)),
  };
}

// ── late fee (滞纳金) ───────────────────────────────────────────────────────────────────────

/**
 * 滞纳金 = principal × 0.05 % × days, rounded half-up to the fen once (社会保险法 art. 86: "自欠缴之日起，按日加收
 * 万分之五的滞纳金"). `dailyPpm` defaults to 500 (0.05 %); the policy year's `late_fee_daily_rate` may override.
 */
export function lateFee(principalFen: Fen, days: number, dailyPpm: RatePpm = LATE_FEE_DAILY_PPM): Fen {
  assertFen(principalFen, 'principal');
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  if (!isRatePpm(dailyPpm)) throw new RangeError(`invalid daily rate ${dailyPpm}`);
  if (days === 0 || principalFen === 0) return 0;
  return mulDivRoundHalfUp(principalFen, dailyPpm * days, PPM);
}

/**
 * Days a late fee runs: from the first overdue day through the day of payment, both included (the tax-collection
 * convention "从滞纳之日起至缴纳之日止"). For a period billed after its month (R004-14) the first overdue day is the
 * 1st of the next month. 0 when paid before the first overdue day.
 */
export function lateFeeDays(firstOverdueDay: IsoDate, paidOn: IsoDate): number {
  return Math.max(0, diffDays(firstOverdueDay, paidOn) + 1);
}
