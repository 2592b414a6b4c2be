import { defineCodeTable, type CodeOf } from './table';

/**
 * 险种 insurance types. Codes match the Prisma enum `InsuranceType`.
 * `nationalCode` is the national social-insurance dictionary code (AAE140 险种类型: 110 企业职工基本养老保险,
 * 120 机关事业单位养老保险, 170 城乡居民基本养老保险, 210 失业保险, 410 工伤保险). The seeds print no codes; these
 * come from the national dictionary used by the provincial systems. 职业年金 has no AAE140 code (it is a
 * supplementary scheme, not a 险种 of its own), so it has none here.
 * `unitMatter`: the three types a unit declares and pays for (seed 002: 养老, 失业, 工伤; R25).
 */
export const InsuranceTypes = defineCodeTable([
  {
    code: 'PENSION',
    label: '企业职工基本养老保险',
    shortLabel: '养老',
    nationalCode: '110',
    unitMatter: true,
    aliases: ['城镇企业职工基本养老保险', '城镇职工基本养老保险', '城镇企业职工养老保险', '城镇职工养老保险', '城职养老', '企业养老', '基本养老保险'],
  },
  {
    code: 'UNEMPLOYMENT',
    label: '失业保险',
    shortLabel: '失业',
    nationalCode: '210',
    unitMatter: true,
    aliases: ['企业失业保险', '企业失业'],
  },
  {
    code: 'WORK_INJURY',
    label: '工伤保险',
    shortLabel: '工伤',
    nationalCode: '410',
    unitMatter: true,
    aliases: ['企业工伤保险'],
  },
  {
    code: 'PUBLIC_PENSION',
    label: '机关事业单位基本养老保险',
    shortLabel: '机关养老',
    nationalCode: '120',
    unitMatter: false,
    aliases: ['机关事业单位养老保险', '机关养老保险'],
  },
  {
    code: 'RESIDENT_PENSION',
    label: '城乡居民基本养老保险',
    shortLabel: '居民养老',
    nationalCode: '170',
    unitMatter: false,
    aliases: ['城乡居民养老保险'],
  },
  {
    code: 'OCCUPATIONAL_ANNUITY',
    label: '职业年金',
    shortLabel: '职业年金',
    nationalCode: null,
    unitMatter: false,
  },
]);
export type InsuranceType = CodeOf<typeof InsuranceTypes>;

/** The types a unit declares, is billed for and certifies (养老, 失业, 工伤), in bill order. */
export const UNIT_INSURANCE_TYPES = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const satisfies readonly InsuranceType[];
export type UnitInsuranceType = (typeof UNIT_INSURANCE_TYPES)[number];

export function isUnitInsuranceType(value: unknown): value is UnitInsuranceType {
  return typeof value === 'string' && (UNIT_INSURANCE_TYPES as readonly string[]).includes(value);
}

/** 行业风险类别 work-injury industry risk class, 1 … 8. */
export type RiskClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface RiskClassEntry {
  readonly riskClass: RiskClass;
  readonly label: string;
  /** 基准费率 in parts per million of the base (2000 = 0.2 %). */
  readonly ratePpm: number;
}

/**
 * The eight work-injury risk classes and their base rates (鄂人社规〔2021〕3号 art. 22, seed 004 FAQ6:
 * 0.2 %, 0.4 %, 0.7 %, 0.9 %, 1.1 %, 1.3 %, 1.6 %, 1.9 %; unit-paid only). These are defaults; the year's policy
 * parameters in the database win.
 */
export const WORK_INJURY_RISK_CLASSES: readonly RiskClassEntry[] = Object.freeze([
  { riskClass: 1, label: '一类', ratePpm: 2_000 },
  { riskClass: 2, label: '二类', ratePpm: 4_000 },
  { riskClass: 3, label: '三类', ratePpm: 7_000 },
  { riskClass: 4, label: '四类', ratePpm: 9_000 },
  { riskClass: 5, label: '五类', ratePpm: 11_000 },
  { riskClass: 6, label: '六类', ratePpm: 13_000 },
  { riskClass: 7, label: '七类', ratePpm: 16_000 },
  { riskClass: 8, label: '八类', ratePpm: 19_000 },
]);

export function isRiskClass(value: unknown): value is RiskClass {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8;
}

export function riskClassLabel(riskClass: RiskClass): string {
  return (WORK_INJURY_RISK_CLASSES[riskClass - 1] as RiskClassEntry).label;
}

/** Default base rate of a risk class, in ppm. */
export function workInjuryRatePpm(riskClass: RiskClass): number {
  return (WORK_INJURY_RISK_CLASSES[riskClass - 1] as RiskClassEntry).ratePpm;
}
