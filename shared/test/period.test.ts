import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  diffDays,
  diffMonths,
  firstDayOfPeriod,
  formatDateChinese,
  formatPeriod,
  formatPeriodDash,
  isIsoDate,
  isPeriod,
  lastDayOfPeriod,
  makePeriod,
  monthsInclusive,
  parseIsoDate,
  parsePeriod,
  periodOfDate,
  periodRange,
  periodsOverlap,
  shanghaiDateTime,
  shanghaiParts,
  shanghaiPeriod,
  shanghaiStartOfDay,
  shanghaiToday,
  socialYearLabel,
  socialYearOf,
  socialYearPeriods,
} from '../src/index';

describe('periods YYYYMM', () => {
  it('validates', () => {
    expect(isPeriod(202403)).toBe(true);
    expect(isPeriod(199601)).toBe(true);
    for (const bad of [202400, 202413, 20240, 2024031, 202403.5, '202403', null, 189912, 300001]) expect(isPeriod(bad)).toBe(false);
  });

  it.each([
    [202403, 202403],
    ['202403', 202403],
    ['2024-03', 202403],
    ['2024-3', 202403],
    ['2024/3', 202403],
    ['2024.03', 202403],
    ['2024年3月', 202403],
    ['2024年03月', 202403],
    [' 202412 ', 202412],
  ] as const)('parsePeriod(%j) = %i', (input, p) => {
    expect(parsePeriod(input)).toBe(p);
  });

  it.each(['', '2024', '202413', '2024-13', '2024-00', '24-03', 'abc', '2024031'])('parsePeriod rejects %j', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });

  it('adds and subtracts months across years', () => {
    expect(addMonths(202311, 3)).toBe(202402);
    expect(addMonths(202401, -1)).toBe(202312);
    expect(addMonths(202412, 0)).toBe(202412);
    expect(addMonths(202003, -36)).toBe(201703);
    expect(diffMonths(202311, 202402)).toBe(3);
    expect(diffMonths(202402, 202311)).toBe(-3);
    expect(monthsInclusive(202401, 202403)).toBe(3);
    expect(monthsInclusive(202404, 202403)).toBe(0);
    expect(periodRange(202311, 202402)).toEqual([202311, 202312, 202401, 202402]);
    expect(periodRange(202402, 202311)).toEqual([]);
    expect(() => addMonths(202413, 1)).toThrow(RangeError);
    expect(() => addMonths(202401, 0.5)).toThrow(RangeError);
    expect(makePeriod(2024, 3)).toBe(202403);
    expect(() => makePeriod(2024, 13)).toThrow(RangeError);
  });

  it('property: addMonths and diffMonths are inverse', () => {
    const periodArb = fc.tuple(fc.integer({ min: 1950, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => y * 100 + m);
    fc.assert(
      fc.property(periodArb, fc.integer({ min: -600, max: 600 }), (p, n) => {
        const q = addMonths(p, n);
        expect(isPeriod(q)).toBe(true);
        expect(diffMonths(p, q)).toBe(n);
        expect(addMonths(q, -n)).toBe(p);
      }),
    );
  });

  it('overlap (R41)', () => {
    expect(periodsOverlap(202301, 202306, 202306, 202312)).toBe(true);
    expect(periodsOverlap(202301, 202305, 202306, 202312)).toBe(false);
    expect(periodsOverlap(202307, 202312, 202301, 202306)).toBe(false);
    expect(periodsOverlap(202301, 202312, 202303, 202304)).toBe(true);
  });

  it('formats', () => {
    expect(formatPeriod(202403)).toBe('2024年03月');
    expect(formatPeriod(202412)).toBe('2024年12月');
    expect(formatPeriodDash(202403)).toBe('2024-03');
    expect(firstDayOfPeriod(202402)).toBe('2024-02-01');
    expect(lastDayOfPeriod(202402)).toBe('2024-02-29');
    expect(lastDayOfPeriod(202302)).toBe('2023-02-28');
    expect(lastDayOfPeriod(202312)).toBe('2023-12-31');
    expect(periodOfDate('2024-03-15')).toBe(202403);
  });
});

describe('social-insurance year 7/1 – 6/30', () => {
  it.each([
    [202403, 2023],
    [202406, 2023],
    [202407, 2024],
    [202412, 2024],
    [202301, 2022],
    [202207, 2022],
  ])('%i belongs to the year starting %i', (p, y) => {
    expect(socialYearOf(p)).toBe(y);
  });

  it('spans and labels', () => {
    expect(socialYearPeriods(2022)).toEqual({ from: 202207, to: 202306 });
    expect(socialYearLabel(2022)).toBe('2022社保年度（2022年7月-2023年6月）');
  });

  it('property: every period of a year maps back to that year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (y) => {
        const { from, to } = socialYearPeriods(y);
        const ps = periodRange(from, to);
        expect(ps).toHaveLength(12);
        for (const p of ps) expect(socialYearOf(p)).toBe(y);
      }),
    );
  });
});

describe('calendar dates', () => {
  it('validates and parses', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1949-02-30')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(parseIsoDate('20240229')).toBe('2024-02-29');
    expect(parseIsoDate('2024/02/29')).toBe('2024-02-29');
    expect(parseIsoDate('2024年2月9日')).toBe('2024-02-09');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('x')).toBeNull();
  });

  it('adds days and months', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(diffDays('2024-01-31', '2024-03-01')).toBe(30);
    expect(diffDays('2024-03-01', '2024-01-31')).toBe(-30);
    expect(addMonthsToDate('2021-11-13', 3)).toBe('2022-02-13'); // certificate expiry, R004-1
    expect(addMonthsToDate('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonthsToDate('2023-11-30', 3)).toBe('2024-02-29');
    expect(formatDateChinese('2021-11-13')).toBe('2021年11月13日');
    expect(formatDateChinese('2021-01-03')).toBe('2021年1月3日');
  });
});

describe('Asia/Shanghai clock', () => {
  it('is UTC+8 regardless of the host zone', () => {
    const now = new Date('2024-02-29T16:30:05Z');
    expect(shanghaiParts(now)).toEqual({ year: 2024, month: 3, day: 1, hour: 0, minute: 30, second: 5 });
    expect(shanghaiToday(now)).toBe('2024-03-01');
    expect(shanghaiPeriod(now)).toBe(202403);
    expect(shanghaiDateTime(now)).toBe('2024-03-01 00:30:05');
    expect(shanghaiToday(new Date('2024-02-29T15:59:59Z'))).toBe('2024-02-29');
    expect(shanghaiPeriod(new Date('2023-12-31T16:00:00Z'))).toBe(202401);
    expect(shanghaiDateTime(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01 00:00:00');
  });

  it('agrees with a fixed +8 offset for any instant since 1992', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const d = new Date(t + 8 * 3600_000);
        expect(shanghaiParts(new Date(t))).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('start of a Shanghai day as a UTC instant', () => {
    expect(shanghaiStartOfDay('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(() => shanghaiParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});
