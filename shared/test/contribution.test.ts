import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  basisPointsToPpm,
  boundsFromStandard,
  clampBase,
  contributionBase,
  contributionLine,
  contributionLines,
  declaredMonthlyWage,
  DEFAULT_RATES,
  defaultRatesFor,
  fenToCapital,
  formatRatePercent,
  formatYuanTrimmed,
  lateFee,
  lateFeeDays,
  parseRate,
  ppmToDecimalString,
  rateToPpm,
  roundToTenYuan,
  sumFen,
  totalsByInsuranceType,
  totalsOf,
  UNEMPLOYMENT_STANDARD_RATES,
  yuanToFen,
  YICHANG_2022_BASE,
  type BaseBounds,
} from '../src/index';

const fen = yuanToFen;

describe('rates', () => {
  it.each([
    ['0.16', 160_000],
    ['0.08', 80_000],
    ['0.007', 7_000],
    ['0.003', 3_000],
    ['0.0019', 1_900],
    ['0.160000', 160_000],
    ['.5', 500_000],
    ['1', 1_000_000],
    ['16%', 160_000],
    ['0.7%', 7_000],
    ['0.70%', 7_000],
    ['0.19 %', 1_900],
    ['1.9%', 19_000],
    ['0.2%', 2_000],
    [0.007, 7_000],
    [0.16, 160_000],
  ] as const)('parseRate(%j) = %i ppm', (input, ppm) => {
    expect(parseRate(input)).toBe(ppm);
  });

  it.each(['', '%', '-0.1', '1.5', '0.0000001', '0.12345678', 'abc', '1e-3', '101%'])('parseRate rejects %j', (input) => {
    expect(parseRate(input)).toBeNull();
  });

  it('converts between forms', () => {
    expect(rateToPpm('0.007')).toBe(7000);
    expect(() => rateToPpm('x')).toThrow(RangeError);
    expect(basisPointsToPpm(70)).toBe(7000);
    expect(() => basisPointsToPpm(0.5)).toThrow(RangeError);
    expect(ppmToDecimalString(7000)).toBe('0.007000');
    expect(ppmToDecimalString(160000)).toBe('0.160000');
    expect(ppmToDecimalString(1_000_000)).toBe('1.000000');
    expect(formatRatePercent(160000)).toBe('16%');
    expect(formatRatePercent(7000)).toBe('0.7%');
    expect(formatRatePercent(1900)).toBe('0.19%');
    expect(formatRatePercent(0)).toBe('0%');
  });

  it('ppm ↔ decimal string round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (ppm) => {
        expect(parseRate(ppmToDecimalString(ppm))).toBe(ppm);
        expect(parseRate(formatRatePercent(ppm))).toBe(ppm);
      }),
    );
  });

  it('default rates (FAQ6, R105) and the risk-class table', () => {
    expect(DEFAULT_RATES.PENSION).toEqual({ unitPpm: 160000, personalPpm: 80000 });
    expect(DEFAULT_RATES.UNEMPLOYMENT).toEqual({ unitPpm: 7000, personalPpm: 3000 });
    expect(UNEMPLOYMENT_STANDARD_RATES).toEqual({ unitPpm: 20000, personalPpm: 10000 });
    expect(defaultRatesFor(8).WORK_INJURY).toEqual({ unitPpm: 19000, personalPpm: 0 });
    expect(defaultRatesFor(3).WORK_INJURY).toEqual({ unitPpm: 7000, personalPpm: 0 });
    for (const r of Object.values(DEFAULT_RATES)) expect(r.personalPpm).toBeLessThanOrEqual(r.unitPpm); // R004-11
  });
});

describe('contribution base (R12, R13, R59)', () => {
  it.each([
    ['8888', '8890'],
    ['8885', '8890'],
    ['8884.99', '8880'],
    ['8880', '8880'],
    ['5555', '5560'],
    ['4.99', '0'],
    ['5', '10'],
  ])('roundToTenYuan(%s) = %s', (wage, base) => {
    expect(roundToTenYuan(fen(wage))).toBe(fen(base));
  });

  it('floors and caps to the Yichang 2022 bounds 3450 / 18000 (FAQ5)', () => {
    expect(YICHANG_2022_BASE).toEqual({ standardFen: 600000, floorFen: 345000, ceilingFen: 1800000 });
    expect(contributionBase(fen('3000'), YICHANG_2022_BASE)).toBe(fen('3450'));
    expect(contributionBase(fen('3444'), YICHANG_2022_BASE)).toBe(fen('3450')); // 3440 → floored
    expect(contributionBase(fen('3456'), YICHANG_2022_BASE)).toBe(fen('3460'));
    expect(contributionBase(fen('6000'), YICHANG_2022_BASE)).toBe(fen('6000'));
    expect(contributionBase(fen('17996'), YICHANG_2022_BASE)).toBe(fen('18000'));
    expect(contributionBase(fen('18004'), YICHANG_2022_BASE)).toBe(fen('18000'));
    expect(contributionBase(fen('50000'), YICHANG_2022_BASE)).toBe(fen('18000'));
    expect(contributionBase(0, YICHANG_2022_BASE)).toBe(fen('3450'));
    expect(contributionBase(fen('8888'))).toBe(fen('8890'));
    expect(() => contributionBase(-1)).toThrow(RangeError);
  });

  it('bounds from a standard: 60 % / 300 %, to the yuan', () => {
    expect(boundsFromStandard(fen('6000'))).toEqual({ standardFen: 600000, floorFen: 360000, ceilingFen: 1800000 });
    expect(boundsFromStandard(fen('5750')).floorFen).toBe(fen('3450')); // FAQ5's floor is 60 % of 5750
    expect(boundsFromStandard(fen('6587.55'))).toEqual({ standardFen: 658755, floorFen: 395300, ceilingFen: 1976300 });
    expect(boundsFromStandard(fen('6000'), 40, 300).floorFen).toBe(fen('2400'));
  });

  it('clampBase refuses inverted bounds', () => {
    expect(() => clampBase(1, { floorFen: 10, ceilingFen: 5 })).toThrow(RangeError);
  });

  it('declared monthly wage: previous year average, 保留到10元 (R004-5)', () => {
    expect(declaredMonthlyWage(fen('106662'), 12)).toBe(fen('8890')); // 8888.5 → 8890
    expect(declaredMonthlyWage(fen('26664'), 3)).toBe(fen('8890')); // 8888 → 8890
    expect(declaredMonthlyWage(fen('99960'), 12)).toBe(fen('8330'));
    expect(() => declaredMonthlyWage(100, 13)).toThrow(RangeError);
  });

  const boundsArb = fc
    .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }))
    .map(([a, b]): BaseBounds => ({ floorFen: Math.min(a, b), ceilingFen: Math.max(a, b) }));
  const wageArb = fc.integer({ min: 0, max: 100_000_000 });

  it('property: rounding gives a multiple of 1000 fen within 500 fen of the wage', () => {
    fc.assert(
      fc.property(wageArb, (w) => {
        const r = roundToTenYuan(w);
        expect(r % 1000).toBe(0);
        expect(Math.abs(r - w)).toBeLessThanOrEqual(500);
        if (w % 1000 === 500) expect(r).toBe(w + 500); // exactly half goes up
      }),
    );
  });

  it('property: the base is monotone in the wage and stays within the bounds', () => {
    fc.assert(
      fc.property(wageArb, wageArb, boundsArb, (a, b, bounds) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const baseLo = contributionBase(lo, bounds);
        const baseHi = contributionBase(hi, bounds);
        expect(baseLo).toBeLessThanOrEqual(baseHi);
        expect(baseLo).toBeGreaterThanOrEqual(bounds.floorFen);
        expect(baseHi).toBeLessThanOrEqual(bounds.ceilingFen);
      }),
    );
  });

  it('property: clamping is idempotent, and the base is a multiple of 10 yuan when the bounds are', () => {
    fc.assert(
      fc.property(wageArb, boundsArb, (w, bounds) => {
        const base = contributionBase(w, bounds);
        expect(clampBase(base, bounds)).toBe(base);
        expect(contributionBase(base, bounds)).toBe(base === roundToTenYuan(base) ? base : contributionBase(base, bounds));
        const tenYuanBounds = { floorFen: roundToTenYuan(bounds.floorFen), ceilingFen: roundToTenYuan(bounds.ceilingFen) };
        expect(contributionBase(w, tenYuanBounds) % 1000).toBe(0);
        expect(contributionBase(contributionBase(w, tenYuanBounds), tenYuanBounds)).toBe(contributionBase(w, tenYuanBounds));
      }),
    );
  });

  it('property: wages inside the bounds are only rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 345_000, max: 1_800_000 }), (w) => {
        const r = roundToTenYuan(w);
        expect(contributionBase(w, YICHANG_2022_BASE)).toBe(Math.min(Math.max(r, 345_000), 1_800_000));
      }),
    );
  });
});

describe('amounts to the fen', () => {
  it('R104: wage total 17776 for 2 persons → base 17780; pension 2844.8 / 1422.4; unemployment 124.46 / 53.34', () => {
    // Seed 002 §3.3.23: 202103 城镇职工基本养老保险 2人 职工工资总额 17776 缴费基数总额 17780 单位 2844.8 个人 1422.4 合计 4267.2;
    // 失业保险 124.46 / 53.34 / 177.8. Per-person rounding: 2 × 8888 → 2 × 8890.
    const persons = [fen('8888'), fen('8888')];
    expect(sumFen(persons)).toBe(fen('17776'));
    const lines = persons.flatMap((wage) =>
      contributionLines(contributionBase(wage), DEFAULT_RATES, ['PENSION', 'UNEMPLOYMENT']),
    );
    const totals = totalsByInsuranceType(lines);
    const pension = totals.get('PENSION');
    const unemployment = totals.get('UNEMPLOYMENT');
    expect(pension?.baseFen).toBe(fen('17780'));
    expect(formatYuanTrimmed(pension?.unitFen ?? -1)).toBe('2844.8');
    expect(formatYuanTrimmed(pension?.personalFen ?? -1)).toBe('1422.4');
    expect(formatYuanTrimmed(pension?.totalFen ?? -1)).toBe('4267.2');
    expect(unemployment?.baseFen).toBe(fen('17780'));
    expect(formatYuanTrimmed(unemployment?.unitFen ?? -1)).toBe('124.46');
    expect(formatYuanTrimmed(unemployment?.personalFen ?? -1)).toBe('53.34');
    expect(formatYuanTrimmed(unemployment?.totalFen ?? -1)).toBe('177.8');
    // The same on the unit's total base (the rates give exact fen here).
    expect(contributionLine('PENSION', fen('17780'), DEFAULT_RATES.PENSION)).toMatchObject({ unitFen: 284480, personalFen: 142240 });
  });

  it('seed 004 §4.9.2: base 18630 → unemployment 130.41 / 55.89, work injury 18.63, total 204.93 贰佰零肆元玖角叁分', () => {
    const rates = { UNEMPLOYMENT: DEFAULT_RATES.UNEMPLOYMENT, WORK_INJURY: { unitPpm: rateToPpm('0.1%'), personalPpm: 0 } };
    const lines = contributionLines(fen('18630'), rates, ['UNEMPLOYMENT', 'WORK_INJURY']);
    expect(lines.map((l) => [l.insuranceType, formatYuanTrimmed(l.unitFen), formatYuanTrimmed(l.personalFen), formatYuanTrimmed(l.totalFen)])).toEqual([
      ['UNEMPLOYMENT', '130.41', '55.89', '186.3'],
      ['WORK_INJURY', '18.63', '0', '18.63'],
    ]);
    const t = totalsOf(lines);
    expect(formatYuanTrimmed(t.unitFen)).toBe('149.04'); // 征集明细 单位缴纳金额
    expect(formatYuanTrimmed(t.personalFen)).toBe('55.89');
    expect(t.totalFen).toBe(fen('204.93'));
    expect(fenToCapital(t.totalFen)).toBe('贰佰零肆元玖角叁分');
  });

  it('FAQ6: the table at the minimum base 3450', () => {
    const lines = contributionLines(fen('3450'), { ...DEFAULT_RATES }, ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']);
    expect(lines.map((l) => [formatYuanTrimmed(l.unitFen), formatYuanTrimmed(l.personalFen), formatYuanTrimmed(l.totalFen)])).toEqual([
      ['552', '276', '828'],
      ['24.15', '10.35', '34.5'],
      ['6.9', '0', '6.9'],
    ]);
    const t = totalsOf(lines);
    expect([t.unitFen, t.personalFen, t.totalFen].map(formatYuanTrimmed)).toEqual(['583.05', '286.35', '869.4']);
  });

  it('rounds half-up to the fen', () => {
    expect(applyRate(fen('8885'), 7000)).toBe(6220); // 62.195 → 62.20
    expect(applyRate(fen('8883'), 3000)).toBe(2665); // 26.649 → 26.65
    expect(applyRate(fen('3333.33'), 1900)).toBe(633); // 6.333327 → 6.33
    expect(applyRate(250, 2000)).toBe(1); // 0.5 fen → 1
    expect(applyRate(249, 2000)).toBe(0);
    expect(() => applyRate(100, -1)).toThrow(RangeError);
    expect(() => applyRate(100.5, 1)).toThrow(RangeError);
  });

  it('property: amount = round(base × rate) exactly (BigInt oracle), and unit + personal = total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (base, u, p) => {
        const exact = (r: number) => {
          const P = BigInt(base) * BigInt(r);
          return Number(P / 1_000_000n + ((P % 1_000_000n) * 2n >= 1_000_000n ? 1n : 0n));
        };
        const line = contributionLine('PENSION', base, { unitPpm: u, personalPpm: p });
        expect(line.unitFen).toBe(exact(u));
        expect(line.personalFen).toBe(exact(p));
        expect(line.totalFen).toBe(line.unitFen + line.personalFen);
      }),
    );
  });

  it('a type without a rate is an error, not a zero bill', () => {
    expect(() => contributionLines(100000, { PENSION: DEFAULT_RATES.PENSION }, ['PENSION', 'WORK_INJURY'])).toThrow(/WORK_INJURY/);
  });
});

describe('late fee 滞纳金 (0.05 % per day)', () => {
  it('computes on fen exactly with one rounding', () => {
    expect(lateFee(fen('204.93'), 1)).toBe(10); // 0.102465 → 0.10
    expect(lateFee(fen('204.93'), 30)).toBe(307); // 3.07395 → 3.07
    expect(lateFee(fen('10000'), 1)).toBe(500); // 5.00
    expect(lateFee(fen('10000'), 365)).toBe(182500);
    expect(lateFee(100, 10)).toBe(1); // 0.5 fen → 1
    expect(lateFee(99, 10)).toBe(0); // 0.495 fen → 0
    expect(lateFee(fen('186.3'), 0)).toBe(0);
    expect(lateFee(fen('10000'), 3, 1000)).toBe(3000); // another daily rate
    expect(() => lateFee(100, -1)).toThrow(RangeError);
    expect(() => lateFee(100, 1.5)).toThrow(RangeError);
  });

  it('property: equals round(principal × days × 5 / 10000)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 20_000 }), (p, d) => {
        const P = BigInt(p) * BigInt(d) * 5n;
        const expected = Number(P / 10_000n + ((P % 10_000n) * 2n >= 10_000n ? 1n : 0n));
        expect(lateFee(p, d)).toBe(expected);
      }),
    );
  });

  it('counts days from the first overdue day through the payment day', () => {
    expect(lateFeeDays('2021-12-01', '2021-12-01')).toBe(1);
    expect(lateFeeDays('2021-12-01', '2021-12-31')).toBe(31);
    expect(lateFeeDays('2024-02-01', '2024-03-01')).toBe(30); // leap February
    expect(lateFeeDays('2021-12-01', '2021-11-30')).toBe(0);
  });
});
