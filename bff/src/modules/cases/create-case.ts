// Step 1 (受理信息: 申报人, 手机号码, 备注, the terms ticked) creates the draft and gives it its 业务流水号;
// optionally with the form and rows (all must pass) and `submit: true` to submit at once. Idempotency-Key aware:
// a repeated request with the same key and body answers the first case instead of creating a second.
import { CaseModes, shanghaiToday, type CaseRecordDetail } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { applicantActor, assertApplicant, matterFor, normalisedPhone } from './context.ts'
import { detailById } from './detail.ts'
import { validateAndStore, validatedForm } from './edit-case.ts'
import { idempotencyScope, runIdempotent, type Outcome } from './idempotency.ts'
import { addEvent, CASE_TX } from './lifecycle.ts'
import { allocateCaseSerialNo } from './sequence.ts'
import { submitLocked } from './submit-case.ts'

export interface CreateInput {
  matterCode: string
  applicantName?: string | undefined
  applicantPhone: string
  remark?: string | undefined
  termsAccepted: true
  mode?: 'SINGLE' | 'BATCH' | undefined
  form?: Record<string, unknown> | undefined
  rows?: Record<string, unknown>[] | undefined
  submit?: boolean | undefined
}

export async function createCase(prisma: PrismaClient, auth: AuthContext, input: CreateInput, idempotencyKey: string | undefined, now = new Date()): Promise<Outcome<CaseRecordDetail>> {
  const matter = matterFor(input.matterCode)
  assertApplicant(matter, auth)
  if (input.termsAccepted !== true) throw new AppError('TERMS_NOT_ACCEPTED')
  const actor = await applicantActor(prisma, auth)
  const phone = normalisedPhone(input.applicantPhone)
  const mode = input.mode ?? 'SINGLE'
  if (input.mode && !matter.modes.includes(input.mode)) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: CaseModes.label(input.mode) })
  if (input.rows?.length && !matter.row) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: '添加明细' })
  const form = input.form !== undefined ? validatedForm(matter, input.form, shanghaiToday(now)) : {}
  const idem = idempotencyKey ? { key: idempotencyKey, scope: idempotencyScope(auth), fingerprint: { op: 'create', ...input } } : undefined

  // The serial is taken first, in its own short transaction: the sequence row is never held for the whole case's
  // work, and no transaction waits for a second pool connection. (A replayed or failed request leaves a gap.)
  const serialNo = await allocateCaseSerialNo(prisma, now)
  return runIdempotent(
    prisma,
    idem,
    async (tx) => {
      const created = await tx.case.create({
        data: {
          serialNo,
          matterCode: matter.code,
          status: 'DRAFT',
          mode,
          applicantRole: actor.role === 'UNIT' ? 'UNIT' : 'PERSON',
          unitId: auth.role === 'unit' ? (auth.unitId as number) : null,
          personId: actor.personId ?? null,
          applicantName: input.applicantName ?? actor.name,
          applicantPhone: phone,
          remark: input.remark ?? null,
          form: form as object,
          createdAt: now
        },
        select: { id: true }
      })
      await addEvent(tx, created.id, 'CREATED', actor, null, now)
      // Just inserted by this transaction: already ours, no lock needed.
      let row = await tx.case.findUniqueOrThrow({ where: { id: created.id }, include: { unit: true } })
      if (input.rows?.length) {
        const { result, failed } = await validateAndStore(tx, row, actor, input.rows.map((data, i) => ({ row: i + 1, data })), true, now)
        if (failed) {
          const first = result.failed[0]
          throw new AppError('CASE_ITEMS_INVALID', {
            detail: `第${first?.row}条${first?.column}：${first?.reason}${result.failedCount > 1 ? `等${result.failedCount}条` : ''}`,
            meta: { failed: result.failed }
          })
        }
        row = await tx.case.findUniqueOrThrow({ where: { id: created.id }, include: { unit: true } })
      }
      if (input.submit) await submitLocked(tx, row, actor, now)
      return { status: 201, body: await detailById(tx, created.id, actor, 'owner', now) }
    },
    CASE_TX
  )
}
