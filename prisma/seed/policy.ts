// Policy parameters the seed writes (policy_year, policy_rate, work_injury_class, account_interest_rate) and reads
// back while computing contributions, so both always agree.
//
// 缴费基数标准 (社平工资) per province and social-insurance year (7/1 – 6/30): plausible rising figures, ours, except
// Hubei 2022 = 6000 with the published floor 3450 and ceiling 18000 (seed 004 FAQ5; shared YICHANG_2022_BASE).
// One table per province (provincial pooling: every city of the province uses the same figures). Standards are
// multiples of 50 yuan so the derived 60 % floor and 300 % ceiling (shared boundsFromStandard) are whole 10 yuan.
// Rates: shared DEFAULT_RATES (pension 16 % / 8 %, unemployment 0.7 % / 0.3 %) for every year; work injury by the
// eight risk classes of WORK_INJURY_RISK_CLASSES (0.2 % … 1.9 %), unit-only. Historic rate changes (pension 19–20 %
// before May 2019, unemployment before the reductions) are not modelled: the data model has one rate per social year.
import {
  ACCOUNT_INTEREST_RATES,
  boundsFromStandard,
  DEFAULT_RATES,
  RegionCode,
  WORK_INJURY_RISK_CLASSES,
  YICHANG_2022_BASE,
  type BaseStandard,
  type RatePair,
  type RatePpm,
} from '@shebao/shared';

export const FIRST_POLICY_YEAR = 2015;
/** The last social year the seed always writes (the brief: 2015 … 2026); later when --now is later. */
export const LAST_POLICY_YEAR_MIN = 2026;
/** First year of account_interest_rate (PRODUCT.md: 2016 …). Contribution records start no earlier. */
export const FIRST_INTEREST_YEAR = 2016;
/** Years written at least (2025 with the 2024 rate as a placeholder until announced). */
export const LAST_INTEREST_YEAR_MIN = 2025;

/** 缴费基数标准 in yuan by social year (multiples of 50). */
const STANDARDS_YUAN: Readonly<Record<string, readonly number[]>> = {
  //                         2015  2016  2017  2018  2019  2020  2021  2022  2023  2024  2025  2026
  [RegionCode.HUBEI]: /*  */ [4300, 4600, 4900, 5200, 5450, 5600, 5750, 6000, 6250, 6500, 6700, 6900],
  [RegionCode.HUNAN]: /*  */ [4100, 4400, 4700, 5000, 5250, 5450, 5650, 5900, 6150, 6350, 6550, 6750],
  [RegionCode.ZHEJIANG]: /**/ [4750, 5100, 5450, 5800, 6100, 6350, 6600, 6950, 7250, 7550, 7800, 8050],
};

/** Published figures that are not 60 % / 300 % of the standard (FAQ5: 3450 = 60 % of 5750). */
const PUBLISHED: Readonly<Record<string, BaseStandard>> = {
  [`${RegionCode.HUBEI}:2022`]: YICHANG_2022_BASE,
};

/** Standard, floor and ceiling (fen) for a province and social year; years after the table grow 3.5 % a year. */
export function baseStandardFor(provinceCode: string, year: number): BaseStandard {
  const published = PUBLISHED[`${provinceCode}:${year}`];
  if (published) return published;
  const table = STANDARDS_YUAN[provinceCode];
  if (!table) throw new Error(`seed policy: no base standards for province ${provinceCode}`);
  if (year < FIRST_POLICY_YEAR) throw new RangeError(`seed policy: no base standard before ${FIRST_POLICY_YEAR}`);
  const idx = year - FIRST_POLICY_YEAR;
  let yuan: number;
  if (idx < table.length) {
    yuan = table[idx] as number;
  } else {
    yuan = table[table.length - 1] as number;
    for (let i = table.length; i <= idx; i++) yuan = Math.round((yuan * 1.035) / 50) * 50;
  }
  return boundsFromStandard(yuan * 100);
}

export interface PolicyYearRow {
  readonly id: number;
  readonly regionCode: string;
  readonly year: number;
  readonly base: BaseStandard;
  readonly rates: { readonly PENSION: RatePair; readonly UNEMPLOYMENT: RatePair; readonly WORK_INJURY: RatePair };
  /** Work-injury rate by risk class 1–8 (index 0 unused). */
  readonly workInjuryPpm: readonly RatePpm[];
  readonly lateFeeDailyPpm: RatePpm;
}

/** The policy years of every city, numbered 1… in (city, year) order, and a lookup by city and social year. */
export class PolicyTable {
  readonly rows: PolicyYearRow[] = [];
  private readonly byKey = new Map<string, PolicyYearRow>();

  constructor(cityCodes: readonly string[], lastYear: number, lateFeeDailyPpm: RatePpm) {
    let id = 0;
    for (const regionCode of cityCodes) {
      const provinceCode = `${regionCode.slice(0, 2)}0000`;
      for (let year = FIRST_POLICY_YEAR; year <= lastYear; year++) {
        const row: PolicyYearRow = {
          id: ++id,
          regionCode,
          year,
          base: baseStandardFor(provinceCode, year),
          rates: { PENSION: DEFAULT_RATES.PENSION, UNEMPLOYMENT: DEFAULT_RATES.UNEMPLOYMENT, WORK_INJURY: DEFAULT_RATES.WORK_INJURY },
          workInjuryPpm: [0, ...WORK_INJURY_RISK_CLASSES.map((c) => c.ratePpm)],
          lateFeeDailyPpm,
        };
        this.rows.push(row);
        this.byKey.set(`${regionCode}:${year}`, row);
      }
    }
  }

  get(regionCode: string, socialYear: number): PolicyYearRow {
    const row = this.byKey.get(`${regionCode}:${socialYear}`);
    if (!row) throw new Error(`seed policy: no policy year ${socialYear} for region ${regionCode}`);
    return row;
  }
}

export interface InterestRateRow {
  readonly year: number;
  readonly ratePpm: RatePpm;
  /** Not announced yet: the latest announced rate repeated (docs/seed.md). */
  readonly placeholder: boolean;
}

/** 记账利率 rows FIRST_INTEREST_YEAR … lastYear: shared ACCOUNT_INTEREST_RATES, then the latest one as a placeholder. */
export function interestRates(lastYear: number): InterestRateRow[] {
  const known = Object.keys(ACCOUNT_INTEREST_RATES).map(Number).sort((a, b) => a - b);
  const latest = known[known.length - 1] as number;
  const out: InterestRateRow[] = [];
  for (let year = FIRST_INTEREST_YEAR; year <= Math.max(lastYear, LAST_INTEREST_YEAR_MIN); year++) {
    const r = ACCOUNT_INTEREST_RATES[year];
    out.push(r === undefined ? { year, ratePpm: ACCOUNT_INTEREST_RATES[latest] as number, placeholder: true } : { year, ratePpm: r, placeholder: false });
  }
  return out;
}
