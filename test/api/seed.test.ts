// The demo/benchmark seed (prisma/seed) writes consistent data computed by the product's own rules, is
// deterministic, and refuses a non-empty database unless --reset.
//
// It seeds a dedicated database `<test db>_seed` on the test server (created, migrated with migrate(), dropped at
// the end) so the shared test database stays empty for the other suites. 40 people, a fixed "now".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_INTEREST_RATES,
  accountYear,
  addMonths,
  boundsFromStandard,
  contributionBase,
  contributionLine,
  periodOfDate,
  rateToPpm,
  RegionCode,
  socialYearOf,
  StopReasons,
  validateIdCard,
  validateUscc,
  WORK_INJURY_RISK_CLASSES,
  YICHANG_2022_BASE,
  yuanToFen,
  type InsuranceType,
} from '@shebao/shared';
import { connectionOptionsFromUrl, migrate } from '../../bff/src/db/migrate.ts';
import { verifySecret } from '../../bff/src/modules/identity/secret-hash.ts';
import { tableChecksums } from '../../prisma/seed/checksum.ts';
import { DEMO_PERSONS, DEMO_REVIEWER, DEMO_UNITS } from '../../prisma/seed/demo-accounts.ts';
import { runSeed, SeedRefusedError } from '../../prisma/seed/seed.ts';
import { testDatabaseUrl } from '../setup/db.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A July: a new social year has begun, its first month is not settled yet. SEED_TEST_NOW tries other dates by hand.
const NOW = process.env.SEED_TEST_NOW ?? '2025-07-10';
const NOW_PERIOD = periodOfDate(NOW);
const LAST_SETTLED = addMonths(NOW_PERIOD, -1);
const PERSONS = 40;

let url: string;
let admin: mariadb.Connection;
let db: mariadb.Connection;
let dbName: string;
let accountsFile: string;

type Row = Record<string, any>;
const q = async (sql: string, params: unknown[] = []): Promise<Row[]> => db.query({ sql, dateStrings: true, bigIntAsNumber: true, decimalAsNumber: false }, params);

function seedCli(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['prisma/seed/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(async () => {
  const base = new URL(testDatabaseUrl());
  dbName = `${decodeURIComponent(base.pathname.slice(1))}_seed`.slice(0, 64);
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  url = u.toString();
  const { database: _ignored, ...server } = connectionOptionsFromUrl(base.toString());
  admin = await mariadb.createConnection(server);
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await migrate(url, { log: () => {} });
  accountsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-seed-')), 'demo-accounts.txt');
  await runSeed({ databaseUrl: url, persons: PERSONS, now: NOW, accountsFile, log: () => {} });
  db = await mariadb.createConnection(connectionOptionsFromUrl(url));
}, 180_000);

afterAll(async () => {
  await db?.end().catch(() => {});
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch(() => {});
    await admin.end().catch(() => {});
  }
  if (accountsFile) fs.rmSync(path.dirname(accountsFile), { recursive: true, force: true });
});

describe('seed: identities', () => {
  it('every ID number is valid and its sex and birth digits match the columns', async () => {
    const people = await q('SELECT id_number, sex, birth_date, phone, person_no FROM person');
    expect(people).toHaveLength(PERSONS);
    for (const p of people) {
      const r = validateIdCard(p.id_number);
      expect(r, p.id_number).toMatchObject({ ok: true, sex: p.sex, birthDate: p.birth_date });
      expect(p.birth_date >= '1960-01-01' && p.birth_date <= '2003-12-31', p.birth_date).toBe(true);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(new Set(people.map((p) => p.person_no)).size).toBe(PERSONS);
    expect(new Set(people.map((p) => p.phone)).size).toBe(PERSONS);
  });

  it('every unit has a valid credit code, a valid legal representative, and clerks who are insured people', async () => {
    const units = await q('SELECT id, credit_code, legal_rep_id_number, region_code, risk_class, name FROM unit');
    expect(units.length).toBeGreaterThanOrEqual(12);
    for (const u of units) {
      expect(validateUscc(u.credit_code), u.credit_code).toMatchObject({ ok: true, checksumOk: true, orgCodeChecksumOk: true });
      expect(validateIdCard(u.legal_rep_id_number).ok, u.legal_rep_id_number).toBe(true);
      expect(u.name).toMatch(/^(宜昌|武汉|襄阳|随州|长沙|株洲|杭州)市.+(有限公司|有限责任公司)$/);
      const clerks = await q(
        'SELECT c.id_number, c.name, c.person_id, p.id_number AS pid, p.name AS pname FROM unit_clerk c JOIN person p ON p.id = c.person_id WHERE c.unit_id = ? AND c.active',
        [u.id],
      );
      expect(clerks.length, u.name).toBeGreaterThanOrEqual(1);
      expect(clerks.length, u.name).toBeLessThanOrEqual(3);
      for (const c of clerks) expect([c.id_number, c.name]).toEqual([c.pid, c.pname]);
      const ins = await q('SELECT insurance_type, last_settled_period FROM unit_insurance WHERE unit_id = ? ORDER BY insurance_type', [u.id]);
      expect(ins).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'].map((t) => ({ insurance_type: t, last_settled_period: LAST_SETTLED })));
      const [bank] = await q("SELECT insurance_types FROM bank_account WHERE unit_id = ? AND purpose = 'REFUND'", [u.id]);
      const types = bank?.insurance_types;
      expect(typeof types === 'string' ? JSON.parse(types) : types).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']);
    }
    // Clerks other than the demo clerk work at the unit they are authorised for.
    const strangers = await q(
      `SELECT c.unit_id, c.person_id FROM unit_clerk c WHERE c.person_id <> ? AND NOT EXISTS
         (SELECT 1 FROM enrolment e WHERE e.person_id = c.person_id AND e.unit_id = c.unit_id AND e.status = 'ACTIVE')`,
      [DEMO_PERSONS.clerk.index + 1],
    );
    expect(strangers).toEqual([]);
  });

  it('every person has an e-SSC card: PENDING without a PIN, except the demo people with a PIN', async () => {
    const cards = await q('SELECT p.id_number, c.status, c.pin_hash FROM essc_card c JOIN person p ON p.id = c.person_id');
    expect(cards).toHaveLength(PERSONS);
    const withPin = new Map(Object.values(DEMO_PERSONS).filter((d) => d.pin).map((d) => [d.idNumber, d.pin as string]));
    for (const c of cards) {
      const pin = withPin.get(c.id_number);
      if (pin) {
        expect(c.status).toBe('ACTIVE');
        expect(await verifySecret(pin, c.pin_hash)).toBe(true);
        expect(await verifySecret('000000', c.pin_hash)).toBe(false);
      } else {
        expect([c.status, c.pin_hash]).toEqual(['PENDING', null]);
      }
    }
  });
});

describe('seed: policy parameters', () => {
  it('policy years 2015–2026 per city with floor/ceiling by the shared rule (Hubei 2022 as published)', async () => {
    const rows = await q('SELECT region_code, year, base_standard, base_floor, base_ceiling, late_fee_daily_rate FROM policy_year');
    const unitRegions = (await q('SELECT DISTINCT region_code FROM unit')).map((r) => r.region_code);
    for (const region of unitRegions) {
      expect(rows.filter((r) => r.region_code === region).map((r) => r.year).sort()).toEqual(Array.from({ length: 12 }, (_, i) => 2015 + i));
    }
    for (const r of rows) {
      const standardFen = yuanToFen(r.base_standard);
      const expected = r.region_code.startsWith('42') && r.year === 2022 ? YICHANG_2022_BASE : boundsFromStandard(standardFen);
      expect({ s: standardFen, f: yuanToFen(r.base_floor), c: yuanToFen(r.base_ceiling) }, `${r.region_code} ${r.year}`).toEqual({
        s: expected.standardFen,
        f: expected.floorFen,
        c: expected.ceilingFen,
      });
      expect(r.late_fee_daily_rate).toBe('0.000500');
    }
    const yichang2022 = rows.find((r) => r.region_code === RegionCode.YICHANG && r.year === 2022);
    expect([yichang2022?.base_standard, yichang2022?.base_floor, yichang2022?.base_ceiling]).toEqual(['6000.00', '3450.00', '18000.00']);
    // Standards rise year by year.
    for (const region of unitRegions) {
      const s = rows.filter((r) => r.region_code === region).sort((a, b) => a.year - b.year).map((r) => yuanToFen(r.base_standard));
      for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1] as number);
    }
  });

  it('rates per type, eight work-injury classes, 记账利率 from shared (2025 placeholder = 2024)', async () => {
    const rates = await q('SELECT insurance_type, unit_rate, personal_rate, COUNT(*) AS n FROM policy_rate GROUP BY 1, 2, 3 ORDER BY 1');
    expect(rates.map((r) => [r.insurance_type, r.unit_rate, r.personal_rate])).toEqual([
      ['PENSION', '0.160000', '0.080000'],
      ['UNEMPLOYMENT', '0.007000', '0.003000'],
      ['WORK_INJURY', '0.002000', '0.000000'],
    ]);
    const classes = await q('SELECT DISTINCT risk_class, rate FROM work_injury_class ORDER BY risk_class');
    expect(classes.map((c) => [c.risk_class, rateToPpm(c.rate)])).toEqual(WORK_INJURY_RISK_CLASSES.map((c) => [c.riskClass, c.ratePpm]));
    const interest = await q('SELECT year, rate FROM account_interest_rate ORDER BY year');
    const expected = { ...ACCOUNT_INTEREST_RATES, 2025: ACCOUNT_INTEREST_RATES[2024] };
    expect(Object.fromEntries(interest.map((r) => [r.year, rateToPpm(r.rate)]))).toEqual(expected);
  });
});

describe('seed: contributions', () => {
  let records: Row[];
  beforeAll(async () => {
    records = await q(
      `SELECT c.person_id, c.unit_id, c.insurance_type, c.period, c.base, c.unit_amount, c.personal_amount, c.status, c.kind, c.paid_at,
              u.region_code, u.risk_class, u.id AS uid
         FROM contribution_record c JOIN unit u ON u.id = c.unit_id`,
    );
  });

  it('has records of the three unit types over up to 10 years, some in arrears and some back-paid', () => {
    expect(records.length).toBeGreaterThan(PERSONS * 30);
    expect(new Set(records.map((r) => r.insurance_type))).toEqual(new Set(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']));
    const periods = records.map((r) => r.period as number);
    expect(Math.max(...periods)).toBe(LAST_SETTLED);
    expect(Math.min(...periods)).toBeGreaterThanOrEqual(Math.max(201601, addMonths(LAST_SETTLED, -119)));
    expect(records.some((r) => r.status === 'ARREARS')).toBe(true);
    expect(records.some((r) => r.status === 'BACK_PAID')).toBe(true);
  });

  it('every amount equals the shared computation from its base and the year’s rates; bases within floor/ceiling, to 10 yuan', async () => {
    const policy = new Map<string, { floor: number; ceiling: number; rates: Map<string, [number, number]>; classes: Map<number, number> }>();
    for (const py of await q('SELECT id, region_code, year, base_floor, base_ceiling FROM policy_year')) {
      const rates = new Map<string, [number, number]>();
      for (const r of await q('SELECT insurance_type, unit_rate, personal_rate FROM policy_rate WHERE policy_year_id = ?', [py.id])) {
        rates.set(r.insurance_type, [rateToPpm(r.unit_rate), rateToPpm(r.personal_rate)]);
      }
      const classes = new Map<number, number>();
      for (const c of await q('SELECT risk_class, rate FROM work_injury_class WHERE policy_year_id = ?', [py.id])) classes.set(c.risk_class, rateToPpm(c.rate));
      policy.set(`${py.region_code}:${py.year}`, { floor: yuanToFen(py.base_floor), ceiling: yuanToFen(py.base_ceiling), rates, classes });
    }
    for (const r of records) {
      const py = policy.get(`${r.region_code}:${socialYearOf(r.period)}`);
      expect(py, `${r.region_code} ${r.period}`).toBeDefined();
      const base = yuanToFen(r.base);
      expect(base).toBeGreaterThanOrEqual(py!.floor);
      expect(base).toBeLessThanOrEqual(py!.ceiling);
      expect(base % 1000 === 0 || base === py!.floor || base === py!.ceiling, r.base).toBe(true);
      const [unitPpm, personalPpm] =
        r.insurance_type === 'WORK_INJURY' ? [py!.classes.get(r.risk_class) as number, 0] : (py!.rates.get(r.insurance_type) as [number, number]);
      const line = contributionLine(r.insurance_type as InsuranceType, base, { unitPpm, personalPpm });
      expect([yuanToFen(r.unit_amount), yuanToFen(r.personal_amount)], `${r.person_id} ${r.period} ${r.insurance_type}`).toEqual([line.unitFen, line.personalFen]);
      if (r.insurance_type === 'WORK_INJURY') expect(r.personal_amount).toBe('0.00');
      // status ↔ kind ↔ arrival
      expect(r.status === 'BACK_PAID').toBe(r.kind === 'BACK_PAYMENT');
      expect(r.paid_at === null).toBe(r.status === 'ARREARS');
      if (r.paid_at) expect(r.paid_at.slice(0, 10) <= NOW).toBe(true);
    }
  });

  it('bases come from the declared wage of the social year (wage_declaration)', async () => {
    const decl = new Map<string, { wage: number; base: number }>();
    for (const d of await q('SELECT unit_id, person_id, year, declared_wage, base FROM wage_declaration')) {
      decl.set(`${d.unit_id}:${d.person_id}:${d.year}`, { wage: yuanToFen(d.declared_wage), base: yuanToFen(d.base) });
    }
    const bounds = new Map<string, { floorFen: number; ceilingFen: number }>();
    for (const py of await q('SELECT region_code, year, base_floor, base_ceiling FROM policy_year')) {
      bounds.set(`${py.region_code}:${py.year}`, { floorFen: yuanToFen(py.base_floor), ceilingFen: yuanToFen(py.base_ceiling) });
    }
    for (const r of records) {
      const y = socialYearOf(r.period);
      const d = decl.get(`${r.unit_id}:${r.person_id}:${y}`);
      expect(d, `${r.person_id} ${r.unit_id} ${y}`).toBeDefined();
      expect(yuanToFen(r.base)).toBe(d!.base);
      expect(d!.base).toBe(contributionBase(d!.wage, bounds.get(`${r.region_code}:${y}`)!));
    }
  });

  it('every record lies inside an enrolment of that person, unit and type; stops carry a 停保原因', async () => {
    const enrolments = await q('SELECT person_id, unit_id, insurance_type, status, start_period, stop_period, stop_reason, stopped_on FROM enrolment');
    const byKey = new Map<string, Row[]>();
    for (const e of enrolments) {
      const k = `${e.person_id}:${e.unit_id}:${e.insurance_type}`;
      byKey.set(k, [...(byKey.get(k) ?? []), e]);
      if (e.status === 'ACTIVE') expect([e.stop_period, e.stop_reason, e.stopped_on]).toEqual([null, null, null]);
      else {
        expect(StopReasons.has(e.stop_reason), String(e.stop_reason)).toBe(true);
        expect(e.stop_period).toBeGreaterThanOrEqual(e.start_period);
        expect(e.stopped_on).not.toBeNull();
      }
    }
    for (const r of records) {
      const list = byKey.get(`${r.person_id}:${r.unit_id}:${r.insurance_type}`) ?? [];
      expect(list.some((e) => e.start_period <= r.period && r.period <= (e.stop_period ?? LAST_SETTLED)), `${r.person_id} ${r.period}`).toBe(true);
    }
    const doubleActive = await q(
      "SELECT person_id, insurance_type FROM enrolment WHERE status = 'ACTIVE' GROUP BY person_id, insurance_type HAVING COUNT(*) > 1",
    );
    expect(doubleActive).toEqual([]);
    const overlapping = await q(
      `SELECT a.person_id FROM contribution_record a JOIN contribution_record b
         ON a.person_id = b.person_id AND a.insurance_type = b.insurance_type AND a.period = b.period AND a.id < b.id LIMIT 1`,
    );
    expect(overlapping).toEqual([]);
  });

  it('personal accounts recompute from the paid personal pension contributions with the shared interest rule', async () => {
    const rates = new Map((await q('SELECT year, rate FROM account_interest_rate')).map((r) => [r.year as number, rateToPpm(r.rate)]));
    const credits = new Map<number, Map<number, { fen: number; months: number }>>();
    for (const r of records) {
      if (r.insurance_type !== 'PENSION' || r.status === 'ARREARS') continue;
      const years = credits.get(r.person_id) ?? new Map();
      const y = Math.floor(r.period / 100);
      const c = years.get(y) ?? { fen: 0, months: 0 };
      c.fen += yuanToFen(r.personal_amount);
      c.months += 1;
      years.set(y, c);
      credits.set(r.person_id, years);
    }
    const people = await q('SELECT id, retired_on FROM person');
    const accounts = await q('SELECT * FROM personal_account_year ORDER BY person_id, year');
    let checked = 0;
    for (const p of people) {
      const rows = accounts.filter((a) => a.person_id === p.id);
      const lastYear = Math.min(Number(NOW.slice(0, 4)) - 1, p.retired_on ? Number(p.retired_on.slice(0, 4)) : Infinity);
      const years = [...(credits.get(p.id)?.keys() ?? [])].filter((y) => y <= lastYear).sort();
      if (!years.length) {
        expect(rows, `person ${p.id}`).toEqual([]);
        continue;
      }
      expect(rows.map((r) => r.year)).toEqual(Array.from({ length: lastYear - years[0]! + 1 }, (_, i) => years[0]! + i));
      let balance = 0;
      for (const r of rows) {
        const c = credits.get(p.id)?.get(r.year) ?? { fen: 0, months: 0 };
        const expected = accountYear(r.year, balance, c.fen, rates.get(r.year)!);
        expect({
          opening: yuanToFen(r.opening_balance),
          credited: yuanToFen(r.credited),
          months: r.credited_months,
          rate: rateToPpm(r.interest_rate),
          interest: yuanToFen(r.interest),
          closing: yuanToFen(r.closing_balance),
        }, `person ${p.id} ${r.year}`).toEqual({
          opening: expected.openingFen,
          credited: expected.creditedFen,
          months: c.months,
          rate: expected.ratePpm,
          interest: expected.interestFen,
          closing: expected.closingFen,
        });
        balance = expected.closingFen;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(PERSONS);
  });
});

describe('seed: demo accounts', () => {
  const personId = async (idNumber: string) => (await q('SELECT id FROM person WHERE id_number = ?', [idNumber]))[0]?.id as number;

  it('the worker changed units, has a gap, back-paid months and arrears', async () => {
    const id = await personId(DEMO_PERSONS.worker.idNumber);
    const enrolments = await q("SELECT unit_id, status, stop_reason FROM enrolment WHERE person_id = ? AND insurance_type = 'PENSION' ORDER BY start_period", [id]);
    expect(enrolments.map((e) => [e.status, e.stop_reason])).toEqual([['SUSPENDED', '07'], ['ACTIVE', null]]);
    const units = await q('SELECT unit_no FROM unit WHERE id IN (?, ?) ORDER BY id', [enrolments[0]!.unit_id, enrolments[1]!.unit_id]);
    expect(units.map((u) => u.unit_no)).toEqual([DEMO_UNITS.machinery.unitNo, DEMO_UNITS.logistics.unitNo]);
    const recs = await q("SELECT period, status FROM contribution_record WHERE person_id = ? AND insurance_type = 'PENSION' ORDER BY period", [id]);
    const statuses = new Set(recs.map((r) => r.status));
    expect(statuses).toEqual(new Set(['PAID', 'BACK_PAID', 'ARREARS']));
    expect(recs.slice(-2).map((r) => r.status)).toEqual(['ARREARS', 'ARREARS']);
    const gaps = recs.slice(1).filter((r, i) => r.period !== addMonths(recs[i]!.period, 1));
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    const [card] = await q('SELECT status, pin_hash FROM essc_card WHERE person_id = ?', [id]);
    expect(await verifySecret('246810', card!.pin_hash)).toBe(true);
  });

  it('the retiree gets a monthly basic pension since retirement and is certified yearly', async () => {
    const [p] = await q('SELECT id, status, retired_on FROM person WHERE id_number = ?', [DEMO_PERSONS.retiree.idNumber]);
    expect(p).toMatchObject({ status: 'RETIRED', retired_on: '2019-06-01' });
    const pay = await q("SELECT period, amount, status FROM benefit_payment WHERE person_id = ? AND kind = 'BASIC_PENSION' ORDER BY period", [p!.id]);
    expect(pay[0]?.period).toBe(201906);
    expect(pay[pay.length - 1]?.period).toBe(NOW_PERIOD);
    pay.slice(1).forEach((x, i) => expect(x.period).toBe(addMonths(pay[i]!.period, 1)));
    for (let i = 1; i < pay.length; i++) expect(yuanToFen(pay[i]!.amount)).toBeGreaterThanOrEqual(yuanToFen(pay[i - 1]!.amount));
    for (const x of pay) expect(yuanToFen(x.amount) >= 280_000 && yuanToFen(x.amount) <= 650_000, x.amount).toBe(true);
    // one 资格认证 a year since 2019 (this year's may still be ahead)
    const certs = await q('SELECT certified_at, valid_until FROM eligibility_certification WHERE person_id = ? ORDER BY certified_at', [p!.id]);
    expect(certs.length).toBeGreaterThanOrEqual(Number(NOW.slice(0, 4)) - 2019);
    for (const c of certs) expect(c.certified_at.slice(0, 10) <= NOW && c.valid_until > c.certified_at.slice(0, 10)).toBe(true);
    // other retirees too, some with 机关养老 / 职业年金
    const retirees = await q("SELECT COUNT(*) AS n FROM person WHERE status = 'RETIRED'");
    expect(retirees[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('the injured worker: 认定为工伤, appraised level 6, monthly 伤残津贴 = 60 % of the base', async () => {
    const id = await personId(DEMO_PERSONS.injured.idNumber);
    const [d] = await q('SELECT id, conclusion, unit_id, accident_date FROM work_injury_determination WHERE person_id = ?', [id]);
    expect(d?.conclusion).toBe('认定为工伤');
    const [a] = await q('SELECT kind, disability_level, appraised_on FROM work_injury_appraisal WHERE determination_id = ?', [d!.id]);
    expect(a).toMatchObject({ kind: 'WORK_RELATED', disability_level: 6 });
    const pay = await q("SELECT period, amount, item FROM benefit_payment WHERE person_id = ? AND kind = 'WORK_INJURY' ORDER BY period", [id]);
    expect(pay[0]?.period).toBe(addMonths(periodOfDate(a!.appraised_on), 1));
    expect(pay[0]?.item).toBe('伤残津贴');
    const [base] = await q("SELECT base FROM contribution_record WHERE person_id = ? AND insurance_type = 'WORK_INJURY' AND period = ?", [id, periodOfDate(d!.accident_date)]);
    expect(yuanToFen(pay[0]!.amount)).toBe(Math.round((yuanToFen(base!.base) * 60) / 100));
  });

  it('the newcomer has a pending card, a known phone and no contribution records', async () => {
    const [p] = await q('SELECT p.id, p.phone, c.status, c.pin_hash FROM person p JOIN essc_card c ON c.person_id = p.id WHERE p.id_number = ?', [DEMO_PERSONS.newcomer.idNumber]);
    expect(p).toMatchObject({ phone: DEMO_PERSONS.newcomer.phone, status: 'PENDING', pin_hash: null });
    expect((await q('SELECT COUNT(*) AS n FROM contribution_record WHERE person_id = ?', [p!.id]))[0]!.n).toBe(0);
  });

  it('the clerk is authorised for two units; the reviewer signs in with the demo password', async () => {
    const units = await q('SELECT u.unit_no FROM unit_clerk c JOIN unit u ON u.id = c.unit_id WHERE c.id_number = ? ORDER BY u.unit_no', [DEMO_PERSONS.clerk.idNumber]);
    expect(units.map((u) => u.unit_no)).toEqual([DEMO_UNITS.machinery.unitNo, DEMO_UNITS.logistics.unitNo]);
    const [r] = await q('SELECT password_hash, active FROM reviewer WHERE username = ?', [DEMO_REVIEWER.username]);
    expect(r?.active).toBe(1);
    expect(await verifySecret(DEMO_REVIEWER.password, r!.password_hash)).toBe(true);
    const text = fs.readFileSync(accountsFile, 'utf8');
    for (const p of Object.values(DEMO_PERSONS)) expect(text).toContain(p.idNumber);
    expect(text).toContain(DEMO_REVIEWER.password);
  });
});

describe('seed: determinism and safety', () => {
  it('refuses a non-empty database without --reset (CLI exit 3, runSeed throws)', async () => {
    await expect(runSeed({ databaseUrl: url, persons: PERSONS, now: NOW, accountsFile: null, log: () => {} })).rejects.toBeInstanceOf(SeedRefusedError);
    const r = seedCli(['--persons', String(PERSONS), '--now', NOW, '--no-accounts-file']);
    expect(r.status, r.out).toBe(3);
    expect(r.out).toContain('--reset');
  }, 120_000);

  it('the same seed and date give identical tables; another seed gives other people but the same demo accounts', async () => {
    const before = await tableChecksums(db);
    const r = seedCli(['--persons', String(PERSONS), '--now', NOW, '--reset', '--no-accounts-file']);
    expect(r.status, r.out).toBe(0);
    const again = await tableChecksums(db);
    expect(again).toEqual(before);
    expect(again.contribution_record!.rows).toBeGreaterThan(0);

    await runSeed({ databaseUrl: url, persons: PERSONS, now: NOW, seed: 7, reset: true, accountsFile: null, log: () => {} });
    const other = await tableChecksums(db);
    expect(other.person!.sum).not.toBe(before.person!.sum);
    expect(other.contribution_record!.sum).not.toBe(before.contribution_record!.sum);
    const ids = (await q('SELECT id_number FROM person')).map((p) => p.id_number);
    for (const p of Object.values(DEMO_PERSONS)) expect(ids).toContain(p.idNumber);
  }, 180_000);
});
