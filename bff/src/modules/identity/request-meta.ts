// What a use case may know about the request that caused it (for audit rows, session records, the scan-code
// login's requester context) without touching Koa's ctx.
export interface RequestMeta {
  ip: string
  userAgent: string
  requestId: string
}
