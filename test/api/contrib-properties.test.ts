// Property-based checks (fast-check) of the contributions module's own arithmetic and calendar rule:
// - late interest (BigInt, exact) equals the half-up rounding of the exact rational personal × rate × days / 365;
// - a bill's deadline is a working day with exactly 10 working days after its 经办日 (chinese-days), on or after the
//   issue date's first working day, for any issue date of 2024–2026;
// - late-fee days are 0 within the period's month and count from the 1st of the next month.
import chineseDays from 'chinese-days'
import fc from 'fast-check'
import { addDays, diffDays, lateFee } from '@shebao/shared'
import { describe, expect, it } from 'vitest'
import { lateDaysFor, lateInterest } from '../../bff/src/modules/contributions/bills.ts'
import { billDeadline, workingDayOnOrAfter } from '../../bff/src/modules/contributions/working-days.ts'

const { isWorkday } = chineseDays

describe('contributions arithmetic (properties)', () => {
  it('lateInterest is the exact half-up rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 20_000 }), (fen, ppm, days) => {
        const num = BigInt(fen) * BigInt(ppm) * BigInt(days)
        const den = 365_000_000n
        const exact = Number(num / den) + (2n * (num % den) >= den ? 1 : 0)
        expect(lateInterest(fen, ppm, days)).toBe(days === 0 || ppm === 0 || fen === 0 ? 0 : exact)
      }),
      { numRuns: 500 }
    )
  })

  it('late fee and interest grow with the days, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_00 }), fc.integer({ min: 0, max: 3_000 }), (fen, days) => {
        expect(lateFee(fen, days + 1)).toBeGreaterThanOrEqual(lateFee(fen, days))
        expect(lateInterest(fen, 26_200, days + 1)).toBeGreaterThanOrEqual(lateInterest(fen, 26_200, days))
        expect(lateFee(fen, days)).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 }
    )
  })

  it('deadline = the 10th working day after the 经办日, itself a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 - 40 }), (offset) => {
        const issued = addDays('2024-01-01', offset)
        const start = workingDayOnOrAfter(issued)
        const deadline = billDeadline(issued)
        expect(isWorkday(start)).toBe(true)
        expect(start >= issued).toBe(true)
        for (let d = issued; d < start; d = addDays(d, 1)) expect(isWorkday(d)).toBe(false)
        expect(isWorkday(deadline)).toBe(true)
        let count = 0
        for (let d = addDays(start, 1); d <= deadline; d = addDays(d, 1)) if (isWorkday(d)) count++
        expect(count).toBe(10)
        expect(diffDays(issued, deadline)).toBeGreaterThanOrEqual(10)
      }),
      { numRuns: 200 }
    )
  })

  it('late days: 0 inside the month, from the 1st of the next month after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
        const date = addDays('2025-01-01', offset)
        const period = Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7))
        expect(lateDaysFor(period, date)).toBe(0)
        const prev = period % 100 === 1 ? period - 89 : period - 1
        expect(lateDaysFor(prev, date)).toBe(Number(date.slice(8, 10)))
      }),
      { numRuns: 200 }
    )
  })
})
