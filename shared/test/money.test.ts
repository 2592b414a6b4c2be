import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divRoundHalfUp,
  fenToYuanString,
  formatYuan,
  formatYuanTrimmed,
  mulDivRoundHalfUp,
  parseYuanToFen,
  roundToMultiple,
  sumBy,
  sumFen,
  yuanToFen,
} from '../src/index';

describe('parseYuanToFen', () => {
  it.each([
    ['2844.80', 284480],
    ['2844.8', 284480],
    ['2844', 284400],
    ['2,844.80', 284480],
    ['1,234,567.89', 123456789],
    ['0.01', 1],
    ['.5', 50],
    ['5.', 500],
    ['-3', -300],
    ['+3.10', 310],
    ['-0.00', 0],
    [' 12.30 ', 1230],
    ['¥12.00', 1200],
    ['￥ 12', 1200],
    ['12元', 1200],
    ['1.250', 125],
    ['0.070', 7],
    [2844.8, 284480],
    [0.07, 7],
    [17776, 1777600],
    [-0.5, -50],
    ['90071992547409.91', 9007199254740991],
  ] as const)('%s → %i fen', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each(['', ' ', '.', '-', 'abc', '1.255', '1.001', '12,34', '1,2345', '1e3', '1 000', '--1', '1.2.3', '0x10', '90071992547409.92'])(
    'rejects %j',
    (input) => {
      expect(parseYuanToFen(input)).toBeNull();
    },
  );

  it('rejects numbers that are not exact to the fen, and non-finite numbers', () => {
    expect(parseYuanToFen(0.1 + 0.2)).toBeNull();
    expect(parseYuanToFen(1e21)).toBeNull();
    expect(parseYuanToFen(Number.NaN)).toBeNull();
    expect(parseYuanToFen(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('yuanToFen throws on bad input', () => {
    expect(yuanToFen('204.93')).toBe(20493);
    expect(() => yuanToFen('2.345')).toThrow(RangeError);
  });

  it('round-trips with fenToYuanString and formatYuan for any safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000_000 / 1000, max: 9_000_000_000_000_000 / 1000 }), (fen) => {
        expect(parseYuanToFen(fenToYuanString(fen))).toBe(fen);
        expect(parseYuanToFen(formatYuan(fen))).toBe(fen);
        expect(parseYuanToFen(formatYuanTrimmed(fen))).toBe(fen);
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    [284480, '2844.80', '2,844.80', '2844.8'],
    [0, '0.00', '0.00', '0'],
    [5, '0.05', '0.05', '0.05'],
    [50, '0.50', '0.50', '0.5'],
    [18630, '186.30', '186.30', '186.3'],
    [20493, '204.93', '204.93', '204.93'],
    [100000000, '1000000.00', '1,000,000.00', '1000000'],
    [-123456, '-1234.56', '-1,234.56', '-1234.56'],
    [-7, '-0.07', '-0.07', '-0.07'],
  ])('%i fen', (fen, plain, grouped, trimmed) => {
    expect(fenToYuanString(fen)).toBe(plain);
    expect(formatYuan(fen)).toBe(grouped);
    expect(formatYuanTrimmed(fen)).toBe(trimmed);
  });

  it('refuses non-integer fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuanString(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('integer rounding helpers', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 3, 1],
    [5, 3, 2],
    [-4, 3, -1],
    [5, -2, -3],
    [0, 7, 0],
    [1, 2, 1],
    [1, 3, 0],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
  ])('divRoundHalfUp(%i, %i) = %i', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('divRoundHalfUp refuses division by zero and non-integers', () => {
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1.5, 2)).toThrow(RangeError);
  });

  it('divRoundHalfUp agrees with exact BigInt rounding', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 2 ** 40 }), (n, d) => {
        const N = BigInt(Math.abs(n));
        const D = BigInt(d);
        let q = N / D;
        if ((N % D) * 2n >= D) q += 1n;
        const expected = Number(n < 0 ? -q : q);
        expect(divRoundHalfUp(n, d)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });

  it('mulDivRoundHalfUp is exact where a × b overflows 2^53', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        (a, b, d) => {
          const P = BigInt(Math.abs(a)) * BigInt(b);
          const D = BigInt(d);
          let q = P / D;
          if ((P % D) * 2n >= D) q += 1n;
          if (q > BigInt(Number.MAX_SAFE_INTEGER)) return; // out of range: covered below
          const expected = a < 0 ? -Number(q) : Number(q);
          expect(mulDivRoundHalfUp(a, b, d)).toBe(expected === 0 ? 0 : expected);
        },
      ),
    );
    expect(() => mulDivRoundHalfUp(Number.MAX_SAFE_INTEGER, 1_000_000, 1)).toThrow(RangeError);
  });

  it('roundToMultiple', () => {
    expect(roundToMultiple(888500, 1000)).toBe(889000);
    expect(roundToMultiple(888499, 1000)).toBe(888000);
    expect(roundToMultiple(-1500, 1000)).toBe(-2000);
    expect(() => roundToMultiple(1, 0)).toThrow(RangeError);
  });
});

describe('sums', () => {
  it('sumFen adds exactly and guards the safe range', () => {
    expect(sumFen([13041, 1863])).toBe(14904);
    expect(sumFen([])).toBe(0);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([0.1, 0.2])).toThrow(RangeError);
  });

  it('sumBy picks a field', () => {
    expect(sumBy([{ a: 18630 }, { a: 1863 }], (r) => r.a)).toBe(20493);
  });
});
