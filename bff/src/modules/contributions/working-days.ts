// 应缴认定单 deadline: "有效期限为10个工作日" (R004-14) counted on the official Chinese working-day calendar —
// statutory holidays off, make-up working days (调休上班, e.g. a Sunday before National Day) on — from the maintained
// `chinese-days` package (State Council announcements; years 2004–2026 in v1.5.7, updated by the package). Not a
// hand-typed list.
//
// Counting rule (ours; the seed's one sample decides between the candidates):
//   1. the bill's 经办日 is the issue date when it is a working day, else the next working day (a bill issued on a
//      weekend or holiday is handled on the next working day);
//   2. the deadline (缴费截止日期) is the 10th working day after that 经办日; the bill is payable through the end of
//      the deadline day (Asia/Shanghai) and void from the next day.
// Seed 004 §4.9.2: issued Saturday 2021-11-13 → 经办日 Monday 11-15 → 10th working day after = Monday 2021-11-29,
// exactly the sample's "此单据缴费截止日期至2021年11月29日". (Counting 10 working days from the issue date itself gives
// Friday 11-26, which does not match.) For a weekday issue the bill is valid for the issue day plus 10 full working
// days.
// Years beyond the package's data fall back to its weekday rule (Mon–Fri); upgrade chinese-days each December when
// the next year's holidays are announced.
import chineseDays from 'chinese-days'
import { BILL_VALIDITY_WORKING_DAYS, type IsoDate } from '@shebao/shared'

const { findWorkday, isWorkday } = chineseDays

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkday(date) ? date : findWorkday(1, date)
}

/** The `n`-th working day after `date` (not counting `date` itself). */
export function nthWorkingDayAfter(date: IsoDate, n: number): IsoDate {
  return findWorkday(n, date)
}

/** 缴费截止日期 of a bill issued on `issuedOn` (Asia/Shanghai date). */
export function billDeadline(issuedOn: IsoDate, workingDays = BILL_VALIDITY_WORKING_DAYS): IsoDate {
  return nthWorkingDayAfter(workingDayOnOrAfter(issuedOn), workingDays)
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkday(date)
}
