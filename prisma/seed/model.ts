// The seed's in-memory model: units and people with their employment timelines. Cheap to build for 100 000 people;
// the heavy rows (monthly contributions, payments) are derived from it batch by batch in records.ts.
//
// Every unit and person draws from its own random stream (Rng.for(seed, 'person', index)), and the demo units and
// people (demo-accounts.ts) from streams that do not depend on --seed, so they are the same on every run.
import {
  addDays,
  addMonths,
  addMonthsToDate,
  buildIdNumber,
  diffDays,
  firstDayOfPeriod,
  isIsoDate,
  makePeriod,
  periodOfDate,
  REGIONS,
  RegionCode,
  StopReason,
  type IsoDate,
  type Period,
  type RiskClass,
} from '@shebao/shared';
import { DEMO_PERSON_COUNT, DEMO_PERSONS, DEMO_UNITS, type DemoPerson, type DemoUnit } from './demo-accounts.ts';
import { buildCreditCode, cardNoFor, personNoFor, unitNoFor } from './ids.ts';
import { Rng, WeightedPicker } from './random.ts';
import {
  ACCIDENTS,
  BANKS,
  CITIES,
  CITY_BY_CODE,
  DEPARTMENTS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  INDUSTRIES,
  MOBILE_PREFIXES,
  ORG_FORMS,
  SURNAMES,
  TRADE_NAMES,
  type Bank,
  type City,
  type Industry,
} from './words.ts';

/** Stream seed of the demo units and people (not --seed: they must not change). */
const DEMO_STREAM = 0x5eb0_2026;

// ───────────────────────────── clock ─────────────────────────────

export interface SeedClock {
  /** The seed's today (Asia/Shanghai). */
  readonly today: IsoDate;
  /** Current period P. */
  readonly period: Period;
  /** Last settled period L = P − 1 (单位最大核止期号): contributions exist up to here. */
  readonly lastSettled: Period;
  /** First period with contribution records: max(2016-01, L − 119), i.e. at most 10 years. */
  readonly windowStart: Period;
  readonly year: number;
}

export function makeClock(today: IsoDate): SeedClock {
  if (!isIsoDate(today)) throw new RangeError(`--now must be YYYY-MM-DD, got ${today}`);
  const period = periodOfDate(today);
  const lastSettled = addMonths(period, -1);
  const windowStart = Math.max(201601, addMonths(lastSettled, -119));
  return { today, period, lastSettled, windowStart, year: Math.floor(period / 100) };
}

// ───────────────────────────── units ─────────────────────────────

export interface BankInfo {
  readonly category: string;
  readonly name: string;
  readonly code: string;
  readonly accountNumber: string;
}

export interface Identity {
  readonly name: string;
  readonly sex: '1' | '2';
  readonly birthDate: IsoDate;
  readonly idNumber: string;
  readonly phone: string;
}

export interface UnitModel {
  readonly id: number;
  readonly index: number;
  readonly demo: DemoUnit | undefined;
  readonly unitNo: string;
  readonly name: string;
  readonly creditCode: string;
  readonly city: City;
  readonly districtName: string;
  readonly riskClass: RiskClass;
  readonly industry: Industry;
  readonly economicType: string;
  readonly sizeClass: string;
  readonly legalRep: Identity;
  readonly address: string;
  readonly establishedOn: IsoDate;
  /** 单位参保日期 (all three insurance types). */
  readonly enrolledOn: IsoDate;
  /** The last `arrearsMonths` settled periods are unpaid (欠费). */
  readonly arrearsMonths: number;
  /** Relative headcount (people pick units by it). */
  readonly weight: number;
  /** Declares its staff near the minimum base (common in small private firms): wages × 0.55. */
  readonly lowWages: boolean;
  readonly bank: BankInfo;
  /** Filled after the people exist: 经办人 (person indexes), the first is the contact. */
  clerks: { personIndex: number; department: string; authorizedAt: string }[];
}

/** Region codes (city and district level) usable as ID-number prefixes, by province prefix. */
const ID_PREFIXES_BY_PROVINCE = new Map<string, string[]>();
for (const r of REGIONS) {
  if (r.level === 1) continue;
  const p = r.code.slice(0, 2);
  const list = ID_PREFIXES_BY_PROVINCE.get(p) ?? [];
  list.push(r.code);
  ID_PREFIXES_BY_PROVINCE.set(p, list);
}

function cityIdPrefixes(city: City): string[] {
  return [city.code, ...city.districts.flatMap((d) => (d.code ? [d.code] : []))];
}

/** An ID-number prefix for someone living in `city`: mostly its own districts, sometimes elsewhere in the province or the other seeded provinces. */
function idPrefixFor(rng: Rng, city: City): string {
  const x = rng.float();
  if (x < 0.7) return rng.pick(cityIdPrefixes(city));
  if (x < 0.95) return rng.pick(ID_PREFIXES_BY_PROVINCE.get(city.code.slice(0, 2)) ?? [city.code]);
  return rng.pick(ID_PREFIXES_BY_PROVINCE.get(rng.pick(['42', '43', '33'])) ?? [city.code]);
}

export function chineseName(rng: Rng, sex: '1' | '2'): string {
  const surname = rng.weighted(SURNAMES);
  const chars = sex === '1' ? GIVEN_MALE : GIVEN_FEMALE;
  if (rng.chance(0.38)) return surname + rng.pick(chars);
  const a = rng.pick(chars);
  let b = rng.pick(chars);
  if (b === a && !rng.chance(0.3)) b = rng.pick(chars); // 叠字 names (婷婷) exist, but rarely
  return surname + a + b;
}

function randomDate(rng: Rng, fromYear: number, toYear: number): IsoDate {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayIn(rng: Rng, p: Period, from = 1, to = 28): IsoDate {
  return `${firstDayOfPeriod(p).slice(0, 8)}${String(rng.int(from, to)).padStart(2, '0')}`;
}

export class Registry {
  readonly idNumbers = new Set<string>();
  readonly phones = new Set<string>();
  readonly creditCodes = new Set<string>();
  readonly unitNames = new Set<string>();

  constructor() {
    for (const p of Object.values(DEMO_PERSONS)) {
      this.idNumbers.add(p.idNumber);
      this.phones.add(p.phone);
    }
    for (const u of Object.values(DEMO_UNITS)) {
      this.creditCodes.add(u.creditCode);
      this.unitNames.add(u.name);
    }
  }

  /** A unique, valid ID number (order code parity = sex). */
  idNumber(rng: Rng, prefix: string, birthDate: IsoDate, sex: '1' | '2'): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const order = rng.int(1, 499) * 2 + (sex === '1' ? 1 : 0);
      const id = buildIdNumber(prefix, birthDate, order);
      if (!this.idNumbers.has(id)) {
        this.idNumbers.add(id);
        return id;
      }
    }
    throw new Error(`seed: no free ID number for ${prefix} ${birthDate}`);
  }

  phone(rng: Rng): string {
    for (;;) {
      const p = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }
}

function identity(rng: Rng, registry: Registry, city: City, fromYear: number, toYear: number, sex?: '1' | '2'): Identity {
  const s = sex ?? (rng.chance(0.52) ? '1' : '2');
  const birthDate = randomDate(rng, fromYear, toYear);
  return {
    name: chineseName(rng, s),
    sex: s,
    birthDate,
    idNumber: registry.idNumber(rng, idPrefixFor(rng, city), birthDate, s),
    phone: registry.phone(rng),
  };
}

function bankFor(rng: Rng, city: City, districtName: string): BankInfo {
  const options = BANKS.filter(([b]) => !b.provinces || b.provinces.includes(city.provinceCode));
  const bank: Bank = rng.weighted(options);
  const branch = districtName.replace(/(区|县)$/, '');
  return {
    category: bank.name,
    name: `${bank.name}${city.short}${branch}支行`,
    code: `${bank.code}${city.cnaps}${rng.digits(5)}`,
    accountNumber: String(rng.int(1, 9)) + rng.digits(bank.accountLength - 1),
  };
}

/** Industries by weight: most units are low-risk. */
const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = INDUSTRIES.map((i) => [i, [0, 10, 9, 8, 9, 7, 6, 3, 1][i.riskClass] as number]);
const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function makeUnit(index: number, seed: number, registry: Registry): UnitModel {
  const demo = Object.values(DEMO_UNITS).find((u) => u.index === index);
  const rng = demo ? Rng.for(DEMO_STREAM, 'unit', index) : Rng.for(seed, 'unit', index);
  const city = demo ? (CITY_BY_CODE.get(demo.regionCode) as City) : rng.weighted(CITIES.map((c) => [c, c.weight] as const));
  const industry = demo
    ? (INDUSTRIES.find((i) => i.riskClass === demo.riskClass) as Industry)
    : rng.weighted(INDUSTRY_WEIGHTS);
  const form = rng.weighted(ORG_FORMS);
  let name = demo?.name ?? '';
  for (let attempt = 0; !demo && attempt < 50; attempt++) {
    const trade = rng.chance(0.45) ? rng.pick(city.tradeNames) : rng.pick(TRADE_NAMES);
    const extra = attempt >= 20 ? rng.pick(TRADE_NAMES).slice(0, 1) : '';
    const candidate = `${city.name}${trade}${extra}${rng.pick(industry.words)}${form.suffix}`;
    if (!registry.unitNames.has(candidate)) {
      name = candidate;
      break;
    }
  }
  if (!name) throw new Error(`seed: no free unit name for unit #${index}`);
  registry.unitNames.add(name);
  const district = demo
    ? (city.districts.find((d) => d.code === demo.districtCode) ?? city.districts[0]!)
    : rng.pick(city.districts);
  const establishedOn = randomDate(rng, 1996, 2014);
  const enrolledOn = addDays(addMonthsToDate(establishedOn, rng.int(1, 6)), rng.int(0, 20));
  let creditCode = demo?.creditCode ?? '';
  while (!creditCode) {
    // 主体标识码: the old 组织机构代码 digits for units founded before 2015, the new 'MA…' style otherwise.
    const body = rng.chance(0.75)
      ? String(rng.int(5, 9)) + rng.digits(7)
      : 'MA4' + Array.from({ length: 5 }, () => rng.pick(BODY_ALPHABET.split(''))).join('');
    const code = buildCreditCode(district.code ?? city.code, body);
    if (!registry.creditCodes.has(code)) creditCode = code;
  }
  registry.creditCodes.add(creditCode);
  const weight = demo ? 2.5 : Math.exp(0.9 * rng.normal());
  const sizeClass = weight > 3 ? '大型' : weight > 1.2 ? '中型' : weight > 0.45 ? '小型' : '微型';
  const legalRep = identity(rng, registry, city, 1960, 1988);
  const address = `${city.provinceName}${city.name}${district.name}${rng.pick(city.roads)}${rng.int(1, 399)}号`;
  const arrearsMonths = demo ? (demo === DEMO_UNITS.logistics ? 2 : 0) : rng.chance(0.12) ? rng.int(1, 3) : 0;
  const lowWages = !demo && weight < 1.2 && rng.chance(0.45);
  return {
    id: index + 1,
    index,
    demo,
    unitNo: demo?.unitNo ?? unitNoFor(index, city.code),
    name,
    creditCode,
    city,
    districtName: district.name,
    riskClass: industry.riskClass,
    industry,
    economicType: form.economicType,
    sizeClass,
    legalRep,
    address,
    establishedOn,
    enrolledOn,
    arrearsMonths,
    weight,
    lowWages,
    bank: bankFor(rng, city, district.name),
    clerks: [],
  };
}

// ───────────────────────────── people ─────────────────────────────

export type PersonKind = 'worker' | 'retiree' | 'publicRetiree';

/** One employment (one unit) with its enrolment in the three unit insurance types. */
export interface Spell {
  readonly unit: UnitModel;
  /** 缴费起始期号 */
  readonly start: Period;
  /** Last contribution period (for an active spell: L; for the newcomer: before start). */
  readonly end: Period;
  readonly startedOn: IsoDate;
  /** Still employed (enrolment ACTIVE). */
  readonly active: boolean;
  /** Stopped: 停保原因 code, date, and the enrolment status it leaves (SUSPENDED on a job change, TERMINATED on retirement). */
  readonly stopReason?: string;
  readonly stoppedOn?: IsoDate;
  readonly stopStatus?: 'SUSPENDED' | 'TERMINATED';
  /** Wage relative to the year's base standard. */
  readonly ratio: number;
}

export interface BackPayment {
  readonly spellIndex: number;
  readonly from: Period;
  readonly to: Period;
  /** Date-time (UTC, SQL text) the back-payment arrived. */
  readonly paidOn: IsoDate;
}

export interface Injury {
  readonly spellIndex: number;
  readonly accidentDate: IsoDate;
  readonly determinedOn: IsoDate;
  readonly place: string;
  readonly part: string;
  readonly diagnosis: string;
  readonly appraisal?: { readonly appraisedOn: IsoDate; readonly level: 5 | 6 | 7 | 8 | 9 | 10 };
}

export interface PersonModel {
  readonly id: number;
  readonly index: number;
  readonly demo: keyof typeof DEMO_PERSONS | undefined;
  readonly kind: PersonKind;
  readonly identity: Identity;
  readonly personNo: string;
  readonly cardNo: string;
  readonly pin: string | null;
  readonly ethnicity: string;
  readonly address: string;
  /** 参保所属地: the city of the current / last unit. */
  readonly regionCode: string;
  readonly firstWorkDate: IsoDate;
  readonly spells: readonly Spell[];
  readonly backPayment?: BackPayment;
  readonly injury?: Injury;
  /** Retirees: 退休日期 (first pension month = its period). */
  readonly retiredOn?: IsoDate;
  readonly wageRatio: number;
}

/** Mean months of contribution history per person: long for demo-sized data, shorter for benchmarks (≈ 6 M rows / 100 k people). */
export function meanHistoryMonths(persons: number): number {
  if (persons <= 1000) return 66;
  if (persons >= 50_000) return 21;
  const t = (Math.log(persons) - Math.log(1000)) / (Math.log(50_000) - Math.log(1000));
  return 66 + (21 - 66) * t;
}

function historyLength(rng: Rng, mean: number): number {
  return Math.min(120, Math.max(1, Math.round(-mean * Math.log(1 - rng.float()))));
}

export interface PeopleContext {
  readonly seed: number;
  readonly clock: SeedClock;
  readonly units: readonly UnitModel[];
  readonly registry: Registry;
  readonly meanMonths: number;
  /** Units picked by size, per city and overall. */
  readonly pickers: { readonly byCity: Map<string, WeightedPicker<UnitModel>>; readonly all: WeightedPicker<UnitModel> };
}

export function makePickers(units: readonly UnitModel[]): PeopleContext['pickers'] {
  const byCity = new Map<string, WeightedPicker<UnitModel>>();
  for (const c of CITIES) {
    const list = units.filter((u) => u.city.code === c.code);
    if (list.length) byCity.set(c.code, new WeightedPicker(list.map((u) => [u, u.weight] as const)));
  }
  return { byCity, all: new WeightedPicker(units.map((u) => [u, u.weight] as const)) };
}

function pickUnit(rng: Rng, ctx: PeopleContext, cityCode: string | undefined, exclude: readonly UnitModel[]): UnitModel {
  for (let attempt = 0; attempt < 20; attempt++) {
    const picker = (cityCode && attempt < 10 ? ctx.pickers.byCity.get(cityCode) : undefined) ?? ctx.pickers.all;
    const u = picker.pick(rng);
    if (!exclude.includes(u)) return u;
  }
  const rest = ctx.units.filter((u) => !exclude.includes(u));
  return rest.length ? rng.pick(rest) : rng.pick(ctx.units);
}

const STOP_ON_JOB_CHANGE: readonly (readonly [string, number])[] = [
  [StopReason.RESIGNED, 45],
  [StopReason.CONTRACT_ENDED, 40],
  [StopReason.ADMIN_TRANSFER, 5],
  [StopReason.UNREACHABLE, 4],
  [StopReason.OTHER, 6],
];

/**
 * Cut [start, end] into employments separated by gaps (断缴). Each employment has at least 3 months.
 * Returns [start, end] pairs.
 */
function splitHistory(rng: Rng, start: Period, end: Period, changesWanted: number): [Period, Period][] {
  const months = end - start >= 0 ? monthsBetween(start, end) : 0;
  let changes = changesWanted;
  let gaps: number[] = [];
  for (; changes >= 0; changes--) {
    gaps = Array.from({ length: changes }, () => rng.weighted([[0, 40], [rng.int(1, 3), 35], [rng.int(4, 12), 25]] as const));
    if (months >= (changes + 1) * 3 + gaps.reduce((a, b) => a + b, 0)) break;
  }
  if (changes < 0) return [[start, end]];
  const spare = months - (changes + 1) * 3 - gaps.reduce((a, b) => a + b, 0);
  const cuts = Array.from({ length: changes }, () => rng.int(0, spare)).sort((a, b) => a - b);
  const lengths: number[] = [];
  let prev = 0;
  for (const c of cuts) {
    lengths.push(3 + c - prev);
    prev = c;
  }
  lengths.push(3 + spare - prev);
  const out: [Period, Period][] = [];
  let p = start;
  for (let i = 0; i < lengths.length; i++) {
    const s = p;
    const e = addMonths(s, (lengths[i] as number) - 1);
    out.push([s, e]);
    p = addMonths(e, 1 + (gaps[i] ?? 0));
  }
  return out;
}

function monthsBetween(from: Period, to: Period): number {
  return (Math.floor(to / 100) - Math.floor(from / 100)) * 12 + (to % 100) - (from % 100) + 1;
}

function ethnicityFor(rng: Rng, city: City): string {
  const x = rng.float();
  if (city.provinceCode === RegionCode.HUBEI && city.code === RegionCode.YICHANG && x < 0.08) return '15'; // 土家族 (长阳, 五峰)
  if (city.provinceCode === RegionCode.HUNAN && x < 0.05) return x < 0.03 ? '15' : '06';
  if (x > 0.99) return '03';
  return '01';
}

function homeAddress(rng: Rng, city: City): string {
  const d = rng.pick(city.districts);
  return `${city.provinceName}${city.name}${d.name}${rng.pick(city.roads)}${rng.int(1, 299)}号${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 28)}0${rng.int(1, 4)}室`;
}

function spellRatio(rng: Rng, base: number): number {
  return Math.min(3.6, Math.max(0.45, base * (1 + (rng.float() * 0.25 - 0.05))));
}

/** Build spells for the given [start, end] pieces; the last is active unless `stop` says otherwise. */
function buildSpells(
  rng: Rng,
  ctx: PeopleContext,
  pieces: [Period, Period][],
  homeCity: string,
  ratio: number,
  opts: { lastUnit?: UnitModel; lastActive: boolean; lastStop?: { reason: string; on: IsoDate; status: 'SUSPENDED' | 'TERMINATED' } },
): Spell[] {
  const spells: Spell[] = [];
  const used: UnitModel[] = opts.lastUnit ? [opts.lastUnit] : [];
  let r = ratio;
  let city = homeCity;
  for (let i = 0; i < pieces.length; i++) {
    const [start, end] = pieces[i] as [Period, Period];
    const last = i === pieces.length - 1;
    const unit = last && opts.lastUnit ? opts.lastUnit : pickUnit(rng, ctx, rng.chance(0.8) ? city : undefined, used);
    if (!used.includes(unit)) used.push(unit);
    city = unit.city.code;
    r = spellRatio(rng, r);
    const ratio = unit.lowWages ? r * 0.55 : r;
    const startedOn = dayIn(rng, start);
    if (last && opts.lastActive) {
      spells.push({ unit, start, end, startedOn, active: true, ratio });
    } else if (last && opts.lastStop) {
      spells.push({ unit, start, end, startedOn, active: false, ratio, stopReason: opts.lastStop.reason, stoppedOn: opts.lastStop.on, stopStatus: opts.lastStop.status });
    } else {
      const stoppedOn = dayIn(rng, addMonths(end, 1), 1, 20);
      spells.push({ unit, start, end, startedOn, active: false, ratio, stopReason: rng.weighted(STOP_ON_JOB_CHANGE), stoppedOn, stopStatus: 'SUSPENDED' });
    }
  }
  return spells;
}

function chooseBackPayment(rng: Rng, clock: SeedClock, spells: readonly Spell[]): BackPayment | undefined {
  const latestEnd = addMonths(clock.lastSettled, -9);
  const candidates = spells.map((s, i) => [s, i] as const).filter(([s]) => monthsBetween(s.start, Math.min(s.end, latestEnd)) >= 6);
  if (!candidates.length) return undefined;
  const [s, spellIndex] = rng.pick(candidates);
  const len = rng.int(1, 3);
  const to = addMonths(s.start, rng.int(len + 1, monthsBetween(s.start, Math.min(s.end, latestEnd)) - 1));
  const from = addMonths(to, -(len - 1));
  const paidOn = dayIn(rng, addMonths(to, rng.int(2, 8)), 3, 27);
  return { spellIndex, from, to, paidOn };
}

const LEVELS: readonly (readonly [5 | 6 | 7 | 8 | 9 | 10, number])[] = [[5, 10], [6, 15], [7, 20], [8, 20], [9, 20], [10, 15]];

function chooseInjury(rng: Rng, clock: SeedClock, spells: readonly Spell[]): Injury | undefined {
  const spellIndex = spells.length - 1;
  const s = spells[spellIndex];
  if (!s) return undefined;
  const lo = addMonths(s.start, 3);
  const hi = Math.min(s.end, addMonths(clock.lastSettled, -10));
  if (hi < lo) return undefined;
  const accidentPeriod = addMonths(lo, rng.int(0, monthsBetween(lo, hi) - 1));
  const accidentDate = dayIn(rng, accidentPeriod);
  const determinedOn = addDays(accidentDate, rng.int(40, 75));
  const a = rng.pick(ACCIDENTS);
  const injury: Injury = { spellIndex, accidentDate, determinedOn, place: a.place, part: a.part, diagnosis: a.diagnosis };
  if (!rng.chance(0.7)) return injury;
  return { ...injury, appraisal: { appraisedOn: addDays(determinedOn, rng.int(60, 150)), level: rng.weighted(LEVELS) } };
}

export interface PersonPlan {
  readonly kind: PersonKind;
  /** Forced current employer (each unit gets one employee who becomes its first clerk). */
  readonly forcedUnit?: UnitModel;
  readonly injured: boolean;
}

/** What kind of person #index is (decided before building, so retirees and the injured have their share). */
export function planPerson(index: number, ctx: PeopleContext): PersonPlan {
  const firstRandom = DEMO_PERSON_COUNT;
  if (index >= firstRandom && index < firstRandom + ctx.units.length) {
    return { kind: 'worker', forcedUnit: ctx.units[index - firstRandom] as UnitModel, injured: false };
  }
  const rng = Rng.for(ctx.seed, 'plan', index);
  const x = rng.float();
  if (x < 0.075) return { kind: rng.chance(0.15) ? 'publicRetiree' : 'retiree', injured: false };
  return { kind: 'worker', injured: rng.chance(0.02 / 0.925) };
}

export function makePerson(index: number, ctx: PeopleContext): PersonModel {
  const demoKey = (Object.keys(DEMO_PERSONS) as (keyof typeof DEMO_PERSONS)[]).find((k) => DEMO_PERSONS[k].index === index);
  if (demoKey) return makeDemoPerson(demoKey, ctx);
  const { clock, registry } = ctx;
  const plan = planPerson(index, ctx);
  const rng = Rng.for(ctx.seed, 'person', index);
  const homeCity = plan.forcedUnit?.city ?? rng.weighted(CITIES.map((c) => [c, c.weight] as const));
  const ratio = Math.min(3.6, Math.max(0.45, Math.exp(0.38 * rng.normal())));
  let sex: '1' | '2' = rng.chance(0.52) ? '1' : '2';
  let birthDate: IsoDate;
  let spells: Spell[] = [];
  let retiredOn: IsoDate | undefined;

  if (plan.kind === 'worker') {
    // Below retirement age (60 men, 50 women) at the seed's today, born no later than 2003.
    const fromYear = clock.year - (sex === '1' ? 58 : 48);
    birthDate = randomDate(rng, Math.min(fromYear, 2003), 2003);
    const adult = makePeriod(Number(birthDate.slice(0, 4)) + 18, Number(birthDate.slice(5, 7)));
    const earliest = Math.max(clock.windowStart, adult);
    const idleNow = !plan.forcedUnit && rng.chance(0.05) ? rng.int(1, 12) : 0;
    const end = addMonths(clock.lastSettled, -idleNow);
    const available = end >= earliest ? monthsBetween(earliest, end) : 0;
    const months = Math.max(1, Math.min(available, historyLength(rng, ctx.meanMonths)));
    const start = addMonths(end, -(months - 1));
    const changes = rng.weighted([[0, 60], [1, 27], [2, 10], [3, 3]] as const);
    const pieces = splitHistory(rng, start, end, changes);
    spells = buildSpells(rng, ctx, pieces, homeCity.code, ratio, plan.forcedUnit ? { lastUnit: plan.forcedUnit, lastActive: true } : { lastActive: idleNow === 0 });
  } else {
    // Retired between 2017 and 2024 (before the 2025 retirement-age reform, which the seed does not model).
    let age = sex === '1' ? 60 : rng.chance(0.7) ? 50 : 55;
    const loBase = Math.max(201701, addMonths(clock.windowStart, 12));
    const hi = Math.min(addMonths(clock.lastSettled, -1), Math.max(202412, addMonths(loBase, 24)));
    let lo = age === 60 ? Math.max(loBase, 202001) : loBase; // men born 1960 or later
    if (hi < lo) {
      sex = '2';
      age = 50;
      lo = loBase;
    }
    const firstPension = addMonths(lo, rng.int(0, Math.max(0, monthsBetween(lo, hi) - 1)));
    const birthday = addMonths(firstPension, -1);
    birthDate = dayIn(rng, makePeriod(Math.floor(birthday / 100) - age, birthday % 100));
    retiredOn = firstDayOfPeriod(firstPension);
    if (plan.kind === 'retiree') {
      const end = birthday;
      const months = Math.max(1, Math.min(monthsBetween(clock.windowStart, end), historyLength(rng, ctx.meanMonths * 1.5)));
      const start = addMonths(end, -(months - 1));
      const pieces = splitHistory(rng, start, end, rng.weighted([[0, 75], [1, 25]] as const));
      spells = buildSpells(rng, ctx, pieces, homeCity.code, ratio, {
        lastActive: false,
        lastStop: { reason: StopReason.RETIRED, on: retiredOn, status: 'TERMINATED' },
      });
    }
  }

  const city = spells.length ? (spells[spells.length - 1] as Spell).unit.city : homeCity;
  const firstCity = spells.length ? (spells[0] as Spell).unit.city : homeCity;
  const idNumber = registry.idNumber(rng, idPrefixFor(rng, homeCity), birthDate, sex);
  const name = chineseName(rng, sex);
  const phone = registry.phone(rng);
  let firstWorkDate = addMonthsToDate(birthDate, rng.int(18 * 12, 24 * 12));
  if (spells.length && firstWorkDate > (spells[0] as Spell).startedOn) firstWorkDate = (spells[0] as Spell).startedOn;
  const backPayment = plan.kind !== 'publicRetiree' && rng.chance(0.08) ? chooseBackPayment(rng, clock, spells) : undefined;
  const injury = plan.injured ? chooseInjury(rng, clock, spells) : undefined;
  return {
    id: index + 1,
    index,
    demo: undefined,
    kind: plan.kind,
    identity: { name, sex, birthDate, idNumber, phone },
    personNo: personNoFor(index, firstCity.code),
    cardNo: cardNoFor(index),
    pin: null,
    ethnicity: ethnicityFor(rng, homeCity),
    address: homeAddress(rng, city),
    regionCode: city.code,
    firstWorkDate,
    spells,
    ...(backPayment ? { backPayment } : {}),
    ...(injury ? { injury } : {}),
    ...(retiredOn ? { retiredOn } : {}),
    wageRatio: ratio,
  };
}

// ───────────────────────────── demo people ─────────────────────────────

function makeDemoPerson(key: keyof typeof DEMO_PERSONS, ctx: PeopleContext): PersonModel {
  const d: DemoPerson = DEMO_PERSONS[key];
  const { clock } = ctx;
  const L = clock.lastSettled;
  const rng = Rng.for(DEMO_STREAM, 'person', d.index);
  const unitOf = (u: DemoUnit) => ctx.units[u.index] as UnitModel;
  const machinery = unitOf(DEMO_UNITS.machinery);
  const clampStart = (p: Period) => Math.max(p, clock.windowStart);
  const spell = (unit: UnitModel, start: Period, end: Period, ratio: number, extra: Partial<Spell> = {}): Spell => ({
    unit,
    start,
    end,
    startedOn: dayIn(rng, start, 1, 15),
    active: true,
    ratio,
    ...extra,
  });
  let spells: Spell[] = [];
  let backPayment: BackPayment | undefined;
  let injury: Injury | undefined;
  let retiredOn: IsoDate | undefined;
  let kind: PersonKind = 'worker';
  let firstWorkDate: IsoDate;
  switch (key) {
    case 'worker': {
      const firstEnd = addMonths(L, -24);
      spells = [
        spell(machinery, clampStart(addMonths(L, -71)), firstEnd, 1.05, {
          active: false,
          stopReason: StopReason.RESIGNED,
          stoppedOn: dayIn(rng, addMonths(firstEnd, 1), 5, 15),
          stopStatus: 'SUSPENDED',
        }),
        spell(unitOf(DEMO_UNITS.logistics), addMonths(L, -19), L, 1.2),
      ];
      backPayment = { spellIndex: 0, from: addMonths(L, -40), to: addMonths(L, -38), paidOn: dayIn(rng, addMonths(L, -33), 10, 20) };
      firstWorkDate = '2010-07-05';
      break;
    }
    case 'retiree': {
      kind = 'retiree';
      retiredOn = '2019-06-01';
      const end = 201905;
      const start = clampStart(addMonths(end, -100));
      spells = start <= end
        ? [spell(machinery, start, end, 0.9, { active: false, stopReason: StopReason.RETIRED, stoppedOn: retiredOn, stopStatus: 'TERMINATED' })]
        : [];
      firstWorkDate = '1987-09-01';
      break;
    }
    case 'injured': {
      spells = [spell(unitOf(DEMO_UNITS.construction), clampStart(addMonths(L, -95)), L, 1.0)];
      const accidentDate = dayIn(rng, addMonths(L, -20), 8, 16);
      const determinedOn = addDays(accidentDate, 52);
      injury = {
        spellIndex: 0,
        accidentDate,
        determinedOn,
        place: '施工现场',
        part: '右小腿',
        diagnosis: '右胫腓骨骨折',
        appraisal: { appraisedOn: addDays(determinedOn, 96), level: 6 },
      };
      firstWorkDate = '2004-03-01';
      break;
    }
    case 'newcomer': {
      // Enrolled this month: the first contribution month is not settled yet, so no records.
      spells = [{ unit: machinery, start: clock.period, end: L, startedOn: firstDayOfPeriod(clock.period), active: true, ratio: 0.85 }];
      firstWorkDate = firstDayOfPeriod(clock.period);
      break;
    }
    case 'clerk': {
      spells = [spell(machinery, clampStart(addMonths(L, -59)), L, 1.15)];
      firstWorkDate = '2012-07-01';
      break;
    }
  }
  if (spells.length && firstWorkDate > (spells[0] as Spell).startedOn) firstWorkDate = (spells[0] as Spell).startedOn;
  const city = CITY_BY_CODE.get(RegionCode.YICHANG) as City;
  return {
    id: d.index + 1,
    index: d.index,
    demo: key,
    kind,
    identity: { name: d.name, sex: d.sex, birthDate: d.birthDate, idNumber: d.idNumber, phone: d.phone },
    personNo: d.personNo,
    cardNo: cardNoFor(d.index),
    pin: d.pin,
    ethnicity: '01',
    address: homeAddress(rng, city),
    regionCode: city.code,
    firstWorkDate,
    spells,
    ...(backPayment ? { backPayment } : {}),
    ...(injury ? { injury } : {}),
    ...(retiredOn ? { retiredOn } : {}),
    wageRatio: 1,
  };
}

// ───────────────────────────── clerks ─────────────────────────────

/**
 * 经办人 of each unit: its forced employee first, then up to two more current employees (1–3 in all); the demo
 * clerk is authorised for the two demo units 长江机电 and 三峡物流.
 */
export function assignClerks(units: readonly UnitModel[], people: readonly PersonModel[], seed: number, clock: SeedClock): void {
  const wanted = units.map((u) => Rng.for(seed, 'clerks', u.index).int(1, 3));
  const authorizedAt = (rngKey: number, startedOn: IsoDate): string => {
    const rng = Rng.for(seed, 'clerk-date', rngKey);
    const from = startedOn > '2021-01-01' ? startedOn : '2021-01-01';
    const days = Math.max(0, diffDays(from, clock.today) - 1);
    return addDays(from, rng.int(0, days));
  };
  const demoClerk = people[DEMO_PERSONS.clerk.index];
  for (const p of people) {
    const s = p.spells[p.spells.length - 1];
    if (!s || !s.active || p.kind !== 'worker' || s.start > clock.lastSettled) continue;
    const u = s.unit;
    if (p.demo) continue; // the demo clerk is added below, for two units
    const isForced = p.index - DEMO_PERSON_COUNT === u.index;
    if ((isForced || u.clerks.length < (wanted[u.index] as number)) && u.clerks.length < 3) {
      const rng = Rng.for(seed, 'clerk', p.index);
      u.clerks.push({ personIndex: p.index, department: rng.pick(DEPARTMENTS), authorizedAt: authorizedAt(p.index, s.startedOn) });
    }
  }
  if (demoClerk) {
    for (const du of [DEMO_UNITS.machinery, DEMO_UNITS.logistics]) {
      const u = units[du.index] as UnitModel;
      const entry = { personIndex: demoClerk.index, department: '人力资源部', authorizedAt: addDays(clock.today, du === DEMO_UNITS.machinery ? -400 : -200) };
      u.clerks.unshift(entry);
      if (u.clerks.length > 3) u.clerks.length = 3;
    }
  }
}

export { DEMO_PERSON_COUNT };
