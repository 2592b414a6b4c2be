// identity's public surface for other modules, the seed and tools (modules talk through exported use cases only).
export { identityRoutes } from './routes.ts'
export { isSessionLive, requireLiveSession } from './sessions.ts'
export { authorisedUnits, isAuthorisedClerk } from './clerk-authorisation.ts'
export { createReviewer, checkReviewerPassword, AdminInputError } from './create-reviewer.ts'
export { addUnitClerk, removeUnitClerk } from './manage-unit-clerks.ts'
export type { EsscProvider, EsscRemoteAuth, EsscCardRecord } from './essc-provider.ts'
export type { SmsSender, SmsMessage } from './sms-sender.ts'
export type { TicketEvents } from './ticket-events.ts'
