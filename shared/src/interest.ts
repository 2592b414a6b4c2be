/**
 * 个人账户 yearly interest (记账利息), by the national rule of 劳办发〔1997〕116号《职工基本养老保险个人账户管理暂行办法》:
 *
 *   至本年底止个人账户累计储存额 = 上年底止个人账户累计储存额 × (1 + 本年记账利率)
 *                                + 个人账户本年记账金额 × (1 + 本年记账利率 × 1.083 × 1/2)
 *
 * i.e. the opening balance earns the full year's rate, and this year's credits (paid month by month) earn
 * half the rate times 1.083 — the factor that turns twelve monthly instalments into their average time in the
 * account. So:
 *
 *   interest = opening × r + credits × r × 1.083 / 2
 *
 * computed exactly in integers (r in ppm) and rounded half-up to the fen once, on the sum:
 *   interest = round( r × (2000·opening + 1083·credits) / (2 × 10^9) )
 * Ours: one rounding for the year (the rule states no intermediate rounding).
 */
import { assertFen, mulDivRoundHalfUp, sumFen, type Fen } from './money';
import { isRatePpm, type RatePpm } from './contribution';

/**
 * 记账利率 announced yearly by MOHRSS and MOF (PRODUCT.md): 2016 8.31 %, 2017 7.12 %, 2018 8.29 %, 2019 7.61 %,
 * 2020 6.04 %, 2021 6.69 %, 2022 6.12 %, 2023 3.97 %, 2024 2.62 %. In ppm. The database table
 * `account_interest_rate` is the source of truth at run time; this is its seed and the tests' table.
 */
export const ACCOUNT_INTEREST_RATES: Readonly<Record<number, RatePpm>> = Object.freeze({
  2016: 83_100,
  2017: 71_200,
  2018: 82_900,
  2019: 76_100,
  2020: 60_400,
  2021: 66_900,
  2022: 61_200,
  2023: 39_700,
  2024: 26_200,
});

/** The 1.083 instalment factor, in thousandths. */
export const MONTHLY_CREDIT_FACTOR_PERMILLE = 1083;

export interface AccountYear {
  readonly year: number;
  /** 上年末累计储存额 */
  readonly openingFen: Fen;
  /** 当年记账额 */
  readonly creditedFen: Fen;
  /** 记账利率 */
  readonly ratePpm: RatePpm;
  /** 当年记账利息 */
  readonly interestFen: Fen;
  /** 年末累计储存额 = opening + credited + interest */
  readonly closingFen: Fen;
}

/** The year's interest on an opening balance and this year's credits. */
export function accountInterest(openingFen: Fen, creditedFen: Fen, ratePpm: RatePpm): Fen {
  assertFen(openingFen, 'opening balance');
  assertFen(creditedFen, 'credited amount');
  if (!isRatePpm(ratePpm)) throw new RangeError(`invalid rate ${ratePpm}`);
  const weighted = sumFen([openingFen * 2000, creditedFen * MONTHLY_CREDIT_FACTOR_PERMILLE]);
  return mulDivRoundHalfUp(weighted, ratePpm, 2_000_000_000);
}

/** One year of the account. */
export function accountYear(year: number, openingFen: Fen, creditedFen: Fen, ratePpm: RatePpm): AccountYear {
  const interestFen = accountInterest(openingFen, creditedFen, ratePpm);
  return { year, openingFen, creditedFen, ratePpm, interestFen, closingFen: sumFen([openingFen, creditedFen, interestFen]) };
}

/**
 * Roll an account forward year by year: each year's closing balance opens the next. Rates come from `rates`
 * (default: ACCOUNT_INTEREST_RATES); a year without a rate is an error.
 */
export function rollAccount(
  openingFen: Fen,
  years: readonly { readonly year: number; readonly creditedFen: Fen }[],
  rates: Readonly<Record<number, RatePpm>> = ACCOUNT_INTEREST_RATES,
): AccountYear[] {
  const out: AccountYear[] = [];
  let balance = openingFen;
  for (const y of years) {
    const rate = rates[y.year];
    if (rate === undefined) throw new RangeError(`no 记账利率 for ${y.year}`);
    const row = accountYear(y.year, balance, y.creditedFen, rate);
    out.push(row);
    balance = row.closingFen;
  }
  return out;
}
