import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountInterest, accountYear, ACCOUNT_INTEREST_RATES, rollAccount, rateToPpm, yuanToFen } from '../src/index';

describe('personal-account interest (劳办发〔1997〕116号)', () => {
  it('has the announced 记账利率 2016–2024 (PRODUCT.md)', () => {
    expect(ACCOUNT_INTEREST_RATES).toEqual({
      2016: rateToPpm('8.31%'),
      2017: rateToPpm('7.12%'),
      2018: rateToPpm('8.29%'),
      2019: rateToPpm('7.61%'),
      2020: rateToPpm('6.04%'),
      2021: rateToPpm('6.69%'),
      2022: rateToPpm('6.12%'),
      2023: rateToPpm('3.97%'),
      2024: rateToPpm('2.62%'),
    });
  });

  it('interest = opening × r + credits × r × 1.083 / 2, rounded half-up once', () => {
    // 100000 × 2.62 % = 2620; 10000 × 2.62 % × 1.083 / 2 = 141.873 → 2761.873 → 2761.87
    expect(accountInterest(yuanToFen('100000'), yuanToFen('10000'), 26_200)).toBe(276_187);
    // opening only: 50000 × 6.12 % = 3060
    expect(accountInterest(yuanToFen('50000'), 0, 61_200)).toBe(306_000);
    // credits only, 12 × 8% of 5000 = 4800 in 2019: 4800 × 7.61 % × 0.5415 = 197.79948 → 197.80
    expect(accountInterest(0, yuanToFen('4800'), 76_100)).toBe(19_780);
    expect(accountInterest(0, 0, 83_100)).toBe(0);
  });

  it('one year: closing = opening + credited + interest', () => {
    expect(accountYear(2023, yuanToFen('20000'), yuanToFen('5760'), 39_700)).toEqual({
      year: 2023,
      openingFen: 2_000_000,
      creditedFen: 576_000,
      ratePpm: 39_700,
      // 20000 × 3.97 % = 794; 5760 × 3.97 % × 0.5415 = 123.825… → 917.83
      interestFen: 91_783,
      closingFen: 2_667_783,
    });
  });

  it('rolls forward year by year with the table', () => {
    const rows = rollAccount(0, [
      { year: 2022, creditedFen: yuanToFen('4800') },
      { year: 2023, creditedFen: yuanToFen('4800') },
      { year: 2024, creditedFen: yuanToFen('4800') },
    ]);
    // 2022: 4800 × 6.12 % × 0.5415 = 159.0739… → 159.07; closing 4959.07
    expect(rows[0]).toMatchObject({ interestFen: 15_907, closingFen: 495_907 });
    // 2023: 4959.07 × 3.97 % = 196.875079 + 4800 × 3.97 % × 0.5415 = 103.18536 → 300.060439 → 300.06
    expect(rows[1]).toMatchObject({ openingFen: 495_907, interestFen: 30_006, closingFen: 1_005_913 });
    expect(rows[2]?.openingFen).toBe(rows[1]?.closingFen);
    expect(() => rollAccount(0, [{ year: 1990, creditedFen: 1 }])).toThrow(/1990/);
  });

  it('property: exact against a BigInt evaluation of the formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000 }), (o, c, r) => {
        const num = BigInt(r) * (2000n * BigInt(o) + 1083n * BigInt(c));
        const den = 2_000_000_000n;
        const expected = Number(num / den + ((num % den) * 2n >= den ? 1n : 0n));
        expect(accountInterest(o, c, r)).toBe(expected);
      }),
    );
  });
});
