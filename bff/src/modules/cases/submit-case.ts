// 确认提交: in ONE transaction — lock the case, validate the form and every row again against the database as it
// is now, check the materials (必传 and one per 分组), take the in-flight keys (a unique index: of two racing
// submissions for the same unit/worker exactly one wins, the other gets 409 "有在途申请的记录，不允许申请新的变更"),
// record the 变更前值, and SUBMITTED. An instant matter then applies its effect and is EFFECTIVE (成功办结) in the
// same transaction. Accepts an Idempotency-Key.
import { checkMaterials, type CaseRecordDetail } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import type { Actor } from './actor.ts'
import { applicantActor, lockOwnCase } from './context.ts'
import { detailById } from './detail.ts'
import { formInvalid, validatedForm } from './edit-case.ts'
import { idempotencyScope, runIdempotent, type Outcome } from './idempotency.ts'
import {
  addEvent,
  assertTransition,
  CASE_TX,
  checkContext,
  effectItems,
  makeEffective,
  matterOf,
  recordSnapshot,
  takeInFlight,
  type CaseRow
} from './lifecycle.ts'
import { validateRows } from './validate-rows.ts'

const FAILED_SHOWN = 100

/** Submit a locked, editable case inside the caller's transaction. */
export async function submitLocked(tx: Tx, row: CaseRow, actor: Actor, now: Date): Promise<void> {
  assertTransition(row, 'SUBMITTED', 'CASE_NOT_SUBMITTABLE')
  const { matter, handler } = matterOf(row.matterCode)
  const ctx = checkContext(tx, matter, row, actor, now)
  const form = validatedForm(matter, row.form, ctx.today)
  if (handler.checkForm) {
    const issues = await handler.checkForm(ctx, form)
    if (issues.length) throw formInvalid(issues)
  }
  const items = matter.row ? await effectItems(tx, row.id) : []
  if (matter.row) {
    if (items.length === 0) throw new AppError('CASE_NO_ITEMS')
    const verdict = await validateRows(ctx, matter, handler, items.map((i) => ({ row: i.rowNo, data: i.data })))
    if (verdict.failed.length) {
      const rows = new Set(verdict.failed.map((f) => f.row)).size
      const first = verdict.failed[0]
      throw new AppError('CASE_ITEMS_INVALID', {
        detail: `第${first?.row}行${first?.column}：${first?.reason}${rows > 1 ? `等${rows}行` : ''}，请删除或修改后重新校验`,
        meta: { failed: verdict.failed.slice(0, FAILED_SHOWN), failedRows: rows }
      })
    }
    // Keep what the checks resolved (the worker's person id, identification completed from the register).
    const byRow = new Map(verdict.passed.map((p) => [p.row, p]))
    for (const item of items) {
      const p = byRow.get(item.rowNo)
      if (p && (p.personId !== item.personId || JSON.stringify(p.data) !== JSON.stringify(item.data))) {
        await tx.caseItem.update({ where: { id: item.id }, data: { personId: p.personId, data: p.data as object } })
        item.personId = p.personId
        item.data = p.data
      }
    }
  }
  const uploaded = matter.materials.length ? await tx.caseMaterial.findMany({ where: { caseId: row.id }, select: { materialCode: true } }) : []
  const materials = checkMaterials(matter.materials, uploaded.map((m) => m.materialCode))
  if (!materials.ok) throw new AppError('MATERIALS_MISSING', { detail: materials.message, meta: { missingRequired: materials.missingRequired, missingGroups: materials.missingGroups } })

  await takeInFlight(tx, matter, row)
  await recordSnapshot(tx, matter, handler, ctx, row, items)
  const resubmission = row.status === 'RETURNED'
  await tx.case.update({ where: { id: row.id }, data: { status: 'SUBMITTED', submittedAt: now, form: form as object } })
  await addEvent(tx, row.id, 'SUBMITTED', actor, resubmission ? '退回后重新提交' : matter.review === 'reviewed' ? '等待审核' : null, now)
  if (matter.review === 'instant') {
    await makeEffective(tx, matter, handler, ctx, { ...row, form: form as object }, actor, now, items)
  }
}

export async function submitCase(prisma: PrismaClient, auth: AuthContext, serialNo: string, idempotencyKey: string | undefined, now = new Date()): Promise<Outcome<CaseRecordDetail>> {
  const actor = await applicantActor(prisma, auth)
  const idem = idempotencyKey ? { key: idempotencyKey, scope: idempotencyScope(auth), fingerprint: { op: 'submit', serialNo } } : undefined
  return runIdempotent(
    prisma,
    idem,
    async (tx) => {
      const row = await lockOwnCase(tx, auth, serialNo)
      await submitLocked(tx, row, actor, now)
      return { status: 200, body: await detailById(tx, row.id, actor, 'owner', now) }
    },
    CASE_TX
  )
}
