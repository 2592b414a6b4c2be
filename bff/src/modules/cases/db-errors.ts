// Recognising database errors the engine turns into business answers (duplicate key on an in-flight key …).
// Duck-typed: Prisma's known-request error (P2002), the driver adapter's UniqueConstraintViolation, raw errno 1062.

/** True for a unique-constraint violation; with `index`, only when the error names that index. */
export function isUniqueViolation(err: unknown, index?: string): boolean {
  let found = false
  let text = ''
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const o = e as Record<string, unknown>
    if (o['code'] === 'P2002' || o['errno'] === 1062 || o['code'] === 'ER_DUP_ENTRY' || o['kind'] === 'UniqueConstraintViolation') found = true
    if (typeof o['message'] === 'string') text += ` ${o['message']}`
    const meta = o['meta'] as Record<string, unknown> | undefined
    if (meta) text += ` ${safeJson(meta)}`
    const dae = meta?.['driverAdapterError'] as Record<string, unknown> | undefined
    e = dae?.['cause'] ?? dae ?? o['cause']
  }
  return found && (index === undefined || text.includes(index))
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return ''
  }
}
