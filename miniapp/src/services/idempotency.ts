/**
 * A fresh Idempotency-Key (RFC 4122 v4 shape) for one submit attempt: a retry of the same attempt sends the same key
 * (api options `idempotencyKey`), so the server does the change at most once.
 */
export function newIdempotencyKey(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`
}
