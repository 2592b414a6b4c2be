// The identity module reads time only through a Clock, so lockouts, code and ticket expiry can be tested and
// reasoned about without sleeping. Times are instants (stored UTC); nothing here needs a calendar.
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000)
}

/** Whole minutes left until `until` (at least 1 while anything is left): what we tell a locked-out user. */
export function minutesLeft(now: Date, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
