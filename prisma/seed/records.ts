// Rows derived from the model, by the product's own rules in @shebao/shared:
//   wage → 核定缴费基数 (contributionBase: half-up to 10 yuan, floor/ceiling of the social year), amounts =
//   base × rate to the fen (contributionLine), 年度申报工资 (declaredMonthlyWage), personal-account interest
//   (rollAccount, 劳办发〔1997〕116号), money as integer fen written with fenToYuanString.
import {
  accountYear,
  addDays,
  addMonths,
  addMonthsToDate,
  contributionBase,
  contributionLine,
  declaredMonthlyWage,
  fenToYuanString,
  firstDayOfPeriod,
  mulDivRoundHalfUp,
  periodOfDate,
  ppmToDecimalString,
  shanghaiStartOfDay,
  socialYearOf,
  StopReason,
  UNIT_INSURANCE_TYPES,
  type ContributionLine,
  type Fen,
  type IsoDate,
  type Period,
  type RatePpm,
  type UnitInsuranceType,
} from '@shebao/shared';
import { hash32, Rng } from './random.ts';
import { bool, NULL, num, RowBatch, str } from './sql.ts';
import type { BackPayment, PersonModel, SeedClock, Spell, UnitModel } from './model.ts';
import type { PolicyTable } from './policy.ts';
import { CERTIFICATION_METHODS, CITY_BY_CODE, BANKS, type Bank } from './words.ts';

/** UTC DATETIME(3) text of a wall-clock time in Asia/Shanghai. */
export function shanghaiToUtc(date: IsoDate, hour = 10, minute = 0): string {
  const t = shanghaiStartOfDay(date).getTime() + (hour * 60 + minute) * 60_000;
  return new Date(t).toISOString().replace('T', ' ').replace('Z', '');
}

const date = (d: IsoDate | null | undefined) => str(d ?? null);
const money = (fen: Fen | null | undefined) => (fen === null || fen === undefined ? NULL : fenToYuanString(fen));

export interface RecordContext {
  readonly seed: number;
  readonly clock: SeedClock;
  readonly policy: PolicyTable;
  /** 记账利率 by year, ppm (what account_interest_rate holds). */
  readonly interest: Readonly<Record<number, RatePpm>>;
  /** scrypt hashes of the demo PINs, by person index. */
  readonly pinHashes: ReadonlyMap<number, string>;
  /** updated_at of every row (the run's start). */
  readonly runAt: string;
  /** Cache of unit payment times per (unit, period), as SQL literals. */
  readonly paidAtCache: Map<number, string>;
}

/** When a unit's monthly contributions arrived (税务征收): one moment per unit and period, 10th–25th, 09:00–16:59 (SQL literal). */
function unitPaidAt(ctx: RecordContext, unit: UnitModel, period: Period): string {
  const key = unit.id * 1_000_000 + period;
  let v = ctx.paidAtCache.get(key);
  if (v === undefined) {
    const h = hash32(ctx.seed, 'paid', unit.index, period);
    const day = 10 + (h % 16);
    const hour = 9 + ((h >>> 8) % 8);
    const minute = (h >>> 12) % 60;
    const second = (h >>> 18) % 60;
    v = `'${firstDayOfPeriod(period).slice(0, 8)}${String(day).padStart(2, '0')} ${String(hour - 8).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000'`;
    ctx.paidAtCache.set(key, v);
  }
  return v;
}

// ── wages and bases ──

export interface SpellYear {
  readonly year: number;
  /** 申报工资 (monthly). */
  readonly declaredWageFen: Fen;
  /** 核定缴费基数. */
  readonly baseFen: Fen;
  readonly lines: Readonly<Record<UnitInsuranceType, ContributionLine>>;
}

/** The social years an employment declares a wage for: from its start through its end (active: the current year). */
function spellYears(spell: Spell, clock: SeedClock): number[] {
  const first = socialYearOf(spell.start);
  const last = spell.active ? socialYearOf(Math.max(spell.start, clock.period)) : socialYearOf(spell.end);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/**
 * Wage, base and the three contribution lines of one employment per social year. The first year's wage is the
 * hiring wage (to the yuan, so the 10-yuan rounding of the base matters); later years declare the previous year's
 * monthly average (declaredMonthlyWage: total ÷ 12, to 10 yuan).
 */
export function computeSpellYears(spell: Spell, clock: SeedClock, policy: PolicyTable, rng: Rng): SpellYear[] {
  const out: SpellYear[] = [];
  const years = spellYears(spell, clock);
  for (const year of years) {
    const py = policy.get(spell.unit.city.code, year);
    const drift = Math.pow(1.02, year - (years[0] as number));
    const target = (py.base.standardFen * spell.ratio * drift * (0.97 + rng.float() * 0.08));
    const declaredWageFen = year === years[0]
      ? Math.round(target / 100) * 100
      : declaredMonthlyWage(Math.round(target * 12), 12);
    const baseFen = contributionBase(declaredWageFen, py.base);
    const lines = {
      PENSION: contributionLine('PENSION', baseFen, py.rates.PENSION),
      UNEMPLOYMENT: contributionLine('UNEMPLOYMENT', baseFen, py.rates.UNEMPLOYMENT),
      WORK_INJURY: contributionLine('WORK_INJURY', baseFen, { unitPpm: py.workInjuryPpm[spell.unit.riskClass] as RatePpm, personalPpm: 0 }),
    };
    out.push({ year, declaredWageFen, baseFen, lines });
  }
  return out;
}

// ── one person ──

const PENSION_INCREASE_PERMILLE: Readonly<Record<number, number>> = {
  2017: 55, 2018: 50, 2019: 50, 2020: 50, 2021: 45, 2022: 40, 2023: 38, 2024: 30, 2025: 20,
};

function personalBank(rng: Rng, cityCode: string): { category: string; name: string; code: string; account: string } {
  const city = CITY_BY_CODE.get(cityCode);
  const options = BANKS.filter(([b]) => !b.provinces || (city && b.provinces.includes(city.provinceCode)));
  const bank: Bank = rng.weighted(options);
  return {
    category: bank.name,
    name: `${bank.name}${city?.short ?? ''}分行`,
    code: `${bank.code}${city?.cnaps ?? '0000'}${rng.digits(5)}`,
    account: `62${rng.digits(17)}`,
  };
}

interface PaymentStream {
  readonly kind: 'BASIC_PENSION' | 'PUBLIC_PENSION' | 'OCCUPATIONAL_ANNUITY' | 'WORK_INJURY';
  readonly item: string;
  readonly from: Period;
  /** Amount for a period (yearly increases). */
  readonly amount: (period: Period) => Fen;
  readonly payDay: number;
}

function addPayments(batch: RowBatch, person: PersonModel, stream: PaymentStream, bank: { name: string; account: string }, clock: SeedClock): number {
  let n = 0;
  for (let p = stream.from; p <= clock.period; p = addMonths(p, 1)) {
    const payDate = `${firstDayOfPeriod(p).slice(0, 8)}${String(stream.payDay).padStart(2, '0')}`;
    const paid = payDate <= clock.today;
    batch.add('benefit_payment', [
      num(person.id), str(stream.kind), num(p), str(stream.item), money(stream.amount(p)), str(bank.name), str(bank.account),
      str(paid ? 'PAID' : 'PENDING'), paid ? date(payDate) : NULL,
    ]);
    n++;
  }
  return n;
}

/** 待遇资格认证 once a year from the start of payments; some people are due (no certification yet this year). */
function addCertifications(batch: RowBatch, person: PersonModel, from: IsoDate, rng: Rng, clock: SeedClock): void {
  const firstYear = Number(from.slice(0, 4));
  const skipCurrent = !person.demo && rng.chance(0.06);
  for (let y = firstYear; y <= clock.year; y++) {
    if (y === clock.year && skipCurrent) break;
    const on = y === firstYear ? addDays(from, rng.int(10, 40)) : `${y}-${String(rng.int(3, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (on > clock.today) break;
    const m = rng.weighted(CERTIFICATION_METHODS);
    batch.add('eligibility_certification', [
      num(person.id), str(shanghaiToUtc(on, rng.int(8, 19), rng.int(0, 59))), str(m.method), str(m.channel), date(addDays(addMonthsToDate(on, 12), -1)),
    ]);
  }
}

/** Everything about one person, appended to `batch`. Returns the number of contribution rows. */
export function personRows(batch: RowBatch, person: PersonModel, ctx: RecordContext): number {
  const { clock, policy } = ctx;
  const rng = person.demo ? Rng.for(0x5eb0_2026, 'records', person.index) : Rng.for(ctx.seed, 'records', person.index);
  const id = num(person.id);
  const spells = person.spells;
  const first = spells[0];
  const last = spells[spells.length - 1];
  const retired = person.kind !== 'worker';

  batch.add('person', [
    id, str(person.personNo), str('01'), str(person.identity.idNumber), str(person.identity.name), str(person.identity.sex),
    date(person.identity.birthDate), str(person.ethnicity), str(person.identity.phone), str(person.address), str(person.regionCode),
    date(person.firstWorkDate), date(last?.startedOn), date(first?.startedOn), str(retired ? 'RETIRED' : 'ACTIVE'),
    date(person.retiredOn), bool(false), str(ctx.runAt),
  ]);

  const pinHash = ctx.pinHashes.get(person.index);
  const activatedOn = pinHash ? addDays(clock.today, -rng.int(30, 400)) : null;
  batch.add('essc_card', [
    id, id, str(person.cardNo), str('省级'), str('local'), str(pinHash ? 'ACTIVE' : 'PENDING'), str(pinHash ?? null),
    activatedOn ? str(shanghaiToUtc(activatedOn, 9, 30)) : NULL, activatedOn ? str(shanghaiToUtc(activatedOn, 9, 30)) : NULL,
  ]);

  // ── employments: enrolments, wage declarations, monthly contributions ──
  let contributionRows = 0;
  const pensionCredits = new Map<number, { fen: Fen; months: number }>();
  const spellYearsList: SpellYear[][] = [];
  const bp = person.backPayment;
  for (let si = 0; si < spells.length; si++) {
    const s = spells[si] as Spell;
    const years = computeSpellYears(s, clock, policy, rng);
    spellYearsList.push(years);
    const byYear = new Map(years.map((y) => [y.year, y]));
    const latest = years[years.length - 1] as SpellYear;
    for (const t of UNIT_INSURANCE_TYPES) {
      batch.add('enrolment', [
        id, num(s.unit.id), str(t), str(s.active ? 'ACTIVE' : (s.stopStatus ?? 'SUSPENDED')), date(s.startedOn), num(s.start),
        s.active ? NULL : num(s.end), date(s.active ? null : s.stoppedOn), str(s.active ? null : (s.stopReason ?? null)),
        money(latest.baseFen), money(latest.declaredWageFen), str(ctx.runAt),
      ]);
    }
    for (const y of years) {
      batch.add('wage_declaration', [num(s.unit.id), id, num(y.year), money(y.declaredWageFen), money(y.baseFen)]);
    }
    // Monthly records. Hot loop (6 M rows for 100 000 people): tuples are assembled from per-employment and
    // per-year text computed once, the amounts themselves by contributionLine above.
    const to = Math.min(s.end, clock.lastSettled);
    const arrearsFrom = s.unit.arrearsMonths > 0 ? addMonths(clock.lastSettled, -(s.unit.arrearsMonths - 1)) : Infinity;
    const head = UNIT_INSURANCE_TYPES.map((t) => `(${person.id},${s.unit.id},'${t}',`);
    const middle = new Map<number, string[]>();
    for (const y of years) {
      const base = money(y.baseFen);
      middle.set(y.year, UNIT_INSURANCE_TYPES.map((t) => `,${base},${money(y.lines[t].unitFen)},${money(y.lines[t].personalFen)},`));
    }
    const backPaidTail = bp && bp.spellIndex === si ? `'BACK_PAID','BACK_PAYMENT',${str(shanghaiToUtc(bp.paidOn, 10, 30))})` : '';
    const out = batch.bucket('contribution_record', s.unit.id);
    for (let p = s.start; p <= to; p = p % 100 === 12 ? p + 89 : p + 1) {
      const sy = p % 100 >= 7 ? Math.floor(p / 100) : Math.floor(p / 100) - 1; // socialYearOf, inlined
      const mid = middle.get(sy) as string[];
      let tail: string;
      const credited = p < arrearsFrom;
      if (!credited) tail = `'ARREARS','NORMAL',NULL)`;
      else if (backPaidTail && p >= (bp as BackPayment).from && p <= (bp as BackPayment).to) tail = backPaidTail;
      else tail = `'PAID','NORMAL',${unitPaidAt(ctx, s.unit, p)})`;
      out.push(`${head[0]}${p}${mid[0]}${tail}`, `${head[1]}${p}${mid[1]}${tail}`, `${head[2]}${p}${mid[2]}${tail}`);
      contributionRows += 3;
      if (credited) {
        const cy = Math.floor(p / 100);
        const c = pensionCredits.get(cy);
        const fen = (byYear.get(sy) as SpellYear).lines.PENSION.personalFen;
        if (c) {
          c.fen += fen;
          c.months += 1;
        } else {
          pensionCredits.set(cy, { fen, months: 1 });
        }
      }
    }
  }

  // ── 个人账户: closed calendar years only (the current year is credited at year end) ──
  const retiredYear = person.retiredOn ? Number(person.retiredOn.slice(0, 4)) : Infinity;
  const lastAccountYear = Math.min(clock.year - 1, retiredYear);
  const creditedYears = [...pensionCredits.keys()].filter((y) => y <= lastAccountYear).sort((a, b) => a - b);
  if (creditedYears.length) {
    let balance = 0;
    for (let year = creditedYears[0] as number; year <= lastAccountYear; year++) {
      const c = pensionCredits.get(year) ?? { fen: 0, months: 0 };
      const rate = ctx.interest[year];
      if (rate === undefined) throw new Error(`seed: no 记账利率 for ${year}`);
      const row = accountYear(year, balance, c.fen, rate);
      batch.add('personal_account_year', [
        id, num(year), money(row.openingFen), money(row.creditedFen), num(c.months), ppmToDecimalString(rate), money(row.interestFen), money(row.closingFen),
      ]);
      balance = row.closingFen;
    }
  }

  // ── retirement: public-sector enrolment, pension payments, certifications ──
  if (person.retiredOn) {
    const firstPension = periodOfDate(person.retiredOn);
    const bank = personalBank(rng, person.regionCode);
    const types = person.kind === 'publicRetiree' ? ['PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY'] : ['PENSION'];
    batch.add('bank_account', [
      NULL, id, str('BENEFIT_PAYMENT'), str(bank.category), str(bank.name), str(bank.code), str(person.identity.name), str(bank.account),
      str(JSON.stringify(types)), bool(true),
    ]);
    const pensionYear = Number(person.retiredOn.slice(0, 4));
    const schedule = (initial: Fen) => {
      const byYear = new Map<number, Fen>();
      let a = initial;
      byYear.set(pensionYear, a);
      for (let y = pensionYear + 1; y <= clock.year + 1; y++) {
        a += mulDivRoundHalfUp(a, PENSION_INCREASE_PERMILLE[y] ?? 20, 1000);
        byYear.set(y, a);
      }
      return (p: Period) => byYear.get(Math.floor(p / 100)) as Fen;
    };
    if (person.kind === 'publicRetiree') {
      batch.add('enrolment', [
        id, NULL, str('PUBLIC_PENSION'), str('TERMINATED'), date(person.firstWorkDate), num(periodOfDate(person.firstWorkDate)),
        num(addMonths(firstPension, -1)), date(person.retiredOn), str(StopReason.RETIRED), NULL, NULL, str(ctx.runAt),
      ]);
      addPayments(batch, person, { kind: 'PUBLIC_PENSION', item: '机关事业单位基本养老金', from: firstPension, amount: schedule(rng.int(420_000, 700_000)), payDay: 10 }, bank, clock);
      const annuity = rng.int(30_000, 120_000);
      addPayments(batch, person, { kind: 'OCCUPATIONAL_ANNUITY', item: '职业年金', from: firstPension, amount: () => annuity, payDay: 10 }, bank, clock);
    } else {
      const initial = person.demo ? 318_655 : rng.int(280_000, 500_000);
      addPayments(batch, person, { kind: 'BASIC_PENSION', item: '基本养老金', from: firstPension, amount: schedule(initial), payDay: 10 }, bank, clock);
    }
    addCertifications(batch, person, person.retiredOn, rng, clock);
  }

  // ── work injury: determination, appraisal, 伤残津贴 for levels 5–6 ──
  const inj = person.injury;
  if (inj) {
    const s = spells[inj.spellIndex] as Spell;
    const city = s.unit.city;
    const seq = String(person.index + 1).padStart(4, '0');
    batch.add('work_injury_determination', [
      id, id, num(s.unit.id), str(`${city.abbr}人社工伤认字〔${inj.determinedOn.slice(0, 4)}〕${seq}号`), date(inj.accidentDate),
      str(inj.place), str(inj.part), str(inj.diagnosis), str('认定为工伤'), date(inj.determinedOn),
    ]);
    const a = inj.appraisal;
    if (a) {
      const levelText = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][a.level] as string;
      batch.add('work_injury_appraisal', [
        id, id, str('WORK_RELATED'), str(`${city.abbr}劳鉴〔${a.appraisedOn.slice(0, 4)}〕${seq}号`), num(a.level), NULL,
        str(`经鉴定，达到伤残${levelText}级，无生活自理障碍`), date(a.appraisedOn),
      ]);
      if (a.level <= 6) {
        // 伤残津贴 (工伤保险条例 art. 36): 五级 70 %, 六级 60 % of 本人工资 (the contribution base of the accident's year).
        const years = spellYearsList[inj.spellIndex] as SpellYear[];
        const y = years.find((x) => x.year === socialYearOf(periodOfDate(inj.accidentDate))) ?? (years[0] as SpellYear);
        const allowance = mulDivRoundHalfUp(y.baseFen, a.level === 5 ? 70 : 60, 100);
        const bank = personalBank(rng, person.regionCode);
        batch.add('bank_account', [
          NULL, id, str('WORK_INJURY'), str(bank.category), str(bank.name), str(bank.code), str(person.identity.name), str(bank.account),
          str(JSON.stringify(['WORK_INJURY'])), bool(true),
        ]);
        const from = addMonths(periodOfDate(a.appraisedOn), 1);
        addPayments(batch, person, { kind: 'WORK_INJURY', item: '伤残津贴', from, amount: () => allowance, payDay: 15 }, bank, clock);
        addCertifications(batch, person, firstDayOfPeriod(from), rng, clock);
      }
    }
  }
  return contributionRows;
}

// ── reference data and units ──

export function unitRows(batch: RowBatch, u: UnitModel, people: readonly PersonModel[], clock: SeedClock, runAt: string): void {
  const contact = u.clerks[0] ? people[u.clerks[0].personIndex] : undefined;
  batch.add('unit', [
    num(u.id), str(u.unitNo), str(u.name), str(u.creditCode), str(u.city.code), num(u.riskClass), str(u.industry.industry), str('企业'),
    str(u.economicType), str(u.sizeClass), str(u.industry.scope), str(u.legalRep.name), str(u.legalRep.idNumber), str(u.legalRep.phone),
    str(u.address), str(u.city.postalCode), str(contact?.identity.name ?? u.legalRep.name), str(contact?.identity.phone ?? u.legalRep.phone),
    str(`hr.${u.unitNo}@example.com`), date(u.establishedOn), str(runAt),
  ]);
  for (const t of UNIT_INSURANCE_TYPES) {
    batch.add('unit_insurance', [
      num(u.id), str(t), str('ACTIVE'), date(u.enrolledOn), num(clock.lastSettled), t === 'PENSION' ? date(u.enrolledOn) : NULL, str('税务征收'),
    ]);
  }
  batch.add('bank_account', [
    num(u.id), NULL, str('REFUND'), str(u.bank.category), str(u.bank.name), str(u.bank.code), str(u.name), str(u.bank.accountNumber),
    str(JSON.stringify(UNIT_INSURANCE_TYPES)), bool(true),
  ]);
}

export function clerkRows(batch: RowBatch, u: UnitModel, people: readonly PersonModel[]): void {
  for (const c of u.clerks) {
    const p = people[c.personIndex] as PersonModel;
    batch.add('unit_clerk', [
      num(u.id), num(p.id), str(p.identity.name), str(p.identity.idNumber), str(c.department), str(p.identity.phone), NULL, bool(true),
      str(shanghaiToUtc(c.authorizedAt, 9, 30)),
    ]);
  }
}
