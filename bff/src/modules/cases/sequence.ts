// Global counters in the `sequence` table (业务流水号, 个人编号 of new workers). One atomic statement per number:
//   INSERT … ON DUPLICATE KEY UPDATE value = LAST_INSERT_ID(value + 1)   then   SELECT LAST_INSERT_ID()
// LAST_INSERT_ID(expr) is per connection, so both statements run in one short transaction (one connection); the
// row lock is held only for that transaction, never for a whole case's work, so numbers are never handed out twice
// and concurrent submissions do not queue behind each other's business logic. A number taken by a transaction that
// later fails is simply skipped (gaps are normal, as in the seed's samples).
import { formatCaseSerialNo } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'

export const CASE_SERIAL_SEQUENCE = 'case_serial'
/** First value of a new counter; the 业务流水号 sequence starts like the seed's samples (0470801 …). */
const INITIAL: Record<string, number> = { [CASE_SERIAL_SEQUENCE]: 470_000, person_no: 50_000_000 }

function statements(db: PrismaClient | Tx, name: string, count = 1) {
  const first = (INITIAL[name] ?? 1) + count - 1
  return [
    db.$executeRaw`INSERT INTO sequence (name, value) VALUES (${name}, LAST_INSERT_ID(${first}))
                   ON DUPLICATE KEY UPDATE value = LAST_INSERT_ID(value + ${count})`,
    db.$queryRaw<Array<{ v: bigint | number }>>`SELECT LAST_INSERT_ID() AS v`
  ] as const
}

/**
 * The next value of a counter, in its own short transaction (interactive, so it can wait for a pool connection as
 * long as the case transactions do under a burst; the batch form gives up after 2 s).
 */
export async function nextSequence(prisma: PrismaClient, name: string): Promise<number> {
  return prisma.$transaction((tx) => nextSequenceInTx(tx, name), { maxWait: 20_000, timeout: 10_000 })
}

/**
 * The next value inside the caller's transaction (the row stays locked until it commits: use sparingly). With
 * `count` > 1 it takes a block of numbers and returns the LAST of them (the block is last − count + 1 … last).
 */
export async function nextSequenceInTx(tx: Tx, name: string, count = 1): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer')
  const [insert, select] = statements(tx, name, count)
  await insert
  const rows = await select
  return Number(rows[0]?.v)
}

/** A new 15-digit 业务流水号: Asia/Shanghai date of `now` + the global 7-digit sequence. */
export async function allocateCaseSerialNo(prisma: PrismaClient, now: Date): Promise<string> {
  return formatCaseSerialNo(now, await nextSequence(prisma, CASE_SERIAL_SEQUENCE))
}
