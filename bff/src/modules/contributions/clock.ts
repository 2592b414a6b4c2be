// The contributions module reads the time only through this clock, so the calendar rules (当月只能申报当月, 7/1 gate,
// the 4/1–6/30 window, bill deadlines and expiry, interest and late fee days) can be tested at any date over real
// HTTP: the BFF runs in-process in the API tests, which move the clock with `setContributionsClock`.
// In production nothing sets it and it is the system clock.
export type Clock = () => Date

const systemClock: Clock = () => new Date()
let current: Clock = systemClock

export function contributionsNow(): Date {
  return current()
}

/** Tests: freeze or move the module's clock (a Date, or a function for a clock that advances). */
export function setContributionsClock(clock: Clock | Date): void {
  current = clock instanceof Date ? () => new Date(clock.getTime()) : clock
}

export function resetContributionsClock(): void {
  current = systemClock
}
