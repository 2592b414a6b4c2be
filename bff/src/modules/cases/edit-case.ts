// Editing a draft (保存): 受理信息 and form, rows by single add (添加校验) or batch file (上传校验), removing a row,
// attaching and removing materials. Only DRAFT and RETURNED cases are editable.
import {
  CaseModes,
  validateMatterForm,
  parseSheet,
  type CaseRecordDetail,
  type MatterDefinition,
  type RowIssue,
  type ValidationResult
} from '@shebao/shared'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { PrismaClient } from '../../db/client.ts'
import { inTransaction, type Tx } from '../../db/tx.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { readUploadedFile } from '../media/multipart.ts'
import { mediaForOwner } from '../media/access.ts'
import type { Actor } from './actor.ts'
import { applicantActor, lockOwnCase, normalisedPhone } from './context.ts'
import { detailById } from './detail.ts'
import { addEvent, CASE_TX, checkContext, EDITABLE, FORM_SNAPSHOT_ROW, matterOf, statusLabel, type CaseRow } from './lifecycle.ts'
import { storeRows, verdictResponse } from './store-rows.ts'
import { validateRows, type InputRow } from './validate-rows.ts'
import { readWorkbook } from './workbook.ts'
import { ownerWhere } from './access.ts'

export const BATCH_FILE_MAX_BYTES = 5 * 1024 * 1024

export function assertEditable(row: CaseRow): void {
  if (!EDITABLE.includes(row.status)) throw new AppError('CASE_NOT_EDITABLE', { detail: statusLabel(row.status) })
}

export function formInvalid(issues: RowIssue[]): AppError {
  const detail = issues.slice(0, 3).map((i) => (i.column && !i.reason.includes(i.column) ? `${i.column}：${i.reason}` : i.reason)).join('；')
  return new AppError('CASE_FORM_INVALID', { detail, meta: { failed: issues.map((i) => ({ row: 0, column: i.column, field: i.field, reason: i.reason })) } })
}

export function validatedForm(matter: MatterDefinition, form: unknown, today: string): Record<string, unknown> {
  const v = validateMatterForm(matter, form, { today })
  if (!v.ok) throw formInvalid(v.issues)
  return v.value
}

export interface UpdateInput {
  applicantName?: string | undefined
  applicantPhone?: string | undefined
  remark?: string | null | undefined
  mode?: 'SINGLE' | 'BATCH' | undefined
  form?: Record<string, unknown> | undefined
}

export async function updateCase(prisma: PrismaClient, auth: AuthContext, serialNo: string, input: UpdateInput, now = new Date()): Promise<CaseRecordDetail> {
  const actor = await applicantActor(prisma, auth)
  return inTransaction(prisma, async (tx) => {
    const row = await lockOwnCase(tx, auth, serialNo)
    assertEditable(row)
    const { matter } = matterOf(row.matterCode)
    const data: Record<string, unknown> = {}
    if (input.applicantName !== undefined) data['applicantName'] = input.applicantName
    if (input.applicantPhone !== undefined) data['applicantPhone'] = normalisedPhone(input.applicantPhone)
    if (input.remark !== undefined) data['remark'] = input.remark
    if (input.mode !== undefined) {
      if (!matter.modes.includes(input.mode)) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: CaseModes.label(input.mode) })
      data['mode'] = input.mode
    }
    if (input.form !== undefined) data['form'] = validatedForm(matter, input.form, checkContext(tx, matter, row, actor, now).today) as object
    await tx.case.update({ where: { id: row.id }, data })
    await addEvent(tx, row.id, 'SAVED', actor, null, now)
    return detailById(tx, row.id, actor, 'owner', now)
  })
}

/** Validate rows and (unless `save` is false) store the passed ones. */
export async function validateAndStore(tx: Tx | PrismaClient, row: CaseRow, actor: Actor, rows: InputRow[], save: boolean, now: Date): Promise<{ result: ValidationResult; failed: boolean }> {
  const { matter, handler } = matterOf(row.matterCode)
  if (!matter.row) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: '添加明细' })
  const ctx = checkContext(tx, matter, row, actor, now)
  const verdict = await validateRows(ctx, matter, handler, rows)
  let rowNos: number[] = []
  let itemCount = await tx.caseItem.count({ where: { caseId: row.id, rowNo: { gt: FORM_SNAPSHOT_ROW } } })
  if (save && verdict.passed.length) ({ rowNos, itemCount } = await storeRows(tx, row.id, matter, verdict.passed))
  return { result: verdictResponse(verdict, rowNos, itemCount, save), failed: verdict.failed.length > 0 }
}

export async function addItems(prisma: PrismaClient, auth: AuthContext, serialNo: string, rows: Record<string, unknown>[], now = new Date()): Promise<ValidationResult> {
  const actor = await applicantActor(prisma, auth)
  return inTransaction(
    prisma,
    async (tx) => {
      const row = await lockOwnCase(tx, auth, serialNo)
      assertEditable(row)
      const { result } = await validateAndStore(tx, row, actor, rows.map((data, i) => ({ row: i + 1, data })), true, now)
      await addEvent(tx, row.id, 'ITEMS', actor, `校验通过${result.passedCount}条，未通过${result.failedCount}条`, now)
      return result
    },
    CASE_TX
  )
}

export async function removeItem(prisma: PrismaClient, auth: AuthContext, serialNo: string, rowNo: number): Promise<{ itemCount: number }> {
  await applicantActor(prisma, auth)
  return inTransaction(prisma, async (tx) => {
    const row = await lockOwnCase(tx, auth, serialNo)
    assertEditable(row)
    const n = await tx.caseItem.deleteMany({ where: { caseId: row.id, rowNo } })
    if (n.count === 0) throw new AppError('NOT_FOUND')
    return { itemCount: await tx.caseItem.count({ where: { caseId: row.id, rowNo: { gt: FORM_SNAPSHOT_ROW } } }) }
  })
}

/**
 * 上传校验: read the file (≤ 5 MB, streamed), check its structure against the template (a structural error fails
 * the whole file: nothing saved), validate every row, save the passed rows unless `save` is false.
 */
export async function importBatch(
  prisma: PrismaClient,
  auth: AuthContext,
  serialNo: string,
  upload: { req: IncomingMessage; headers: IncomingHttpHeaders },
  save: boolean,
  now = new Date()
): Promise<ValidationResult> {
  const actor = await applicantActor(prisma, auth)
  // Check ownership and state before reading the body (another unit's serial → 404 without parsing its file).
  const owned = await prisma.case.findFirst({ where: { serialNo, ...ownerWhere(auth) }, include: { unit: true } })
  if (!owned) throw new AppError('NOT_FOUND')
  assertEditable(owned)
  const { matter } = matterOf(owned.matterCode)
  if (!matter.template || !matter.modes.includes('BATCH')) throw new AppError('CASE_MODE_NOT_SUPPORTED', { detail: '批量添加' })
  const file = await readUploadedFile(upload.req, upload.headers, { maxBytes: BATCH_FILE_MAX_BYTES, tooLarge: 'PAYLOAD_TOO_LARGE', missing: 'MEDIA_NO_FILE' })
  const sheet = parseSheet(await readWorkbook(file.buffer), matter.template)
  if (sheet.structural.length) {
    throw new AppError('BATCH_FILE_INVALID', { detail: sheet.structural.map((s) => s.reason).slice(0, 3).join('；'), meta: { reasons: sheet.structural.map((s) => s.reason) } })
  }
  const unit = owned.unit
  const rows: InputRow[] = sheet.rows.map((r) => {
    const readIssues = [...r.issues]
    if (unit && r.unitNo !== undefined && r.unitNo !== unit.unitNo) readIssues.unshift({ field: 'unitNo', column: '单位编号', reason: '单位编号与当前登录单位不一致' })
    return { row: r.rowNo, data: r.data, readIssues }
  })
  if (!save) {
    // Validate only (校验): nothing is written, so no transaction and no lock.
    const { result } = await validateAndStore(prisma as unknown as Tx, owned, actor, rows, false, now)
    return result
  }
  return inTransaction(
    prisma,
    async (tx) => {
      const row = await lockOwnCase(tx, auth, serialNo)
      assertEditable(row)
      const { result } = await validateAndStore(tx, row, actor, rows, save, now)
      {
        if (row.mode !== 'BATCH') await tx.case.update({ where: { id: row.id }, data: { mode: 'BATCH' } })
        await addEvent(tx, row.id, 'BATCH', actor, `报盘${sheet.rows.length}条：校验通过${result.passedCount}条，未通过${result.failedCount}条`, now)
      }
      return result
    },
    CASE_TX
  )
}

export async function attachMaterial(prisma: PrismaClient, auth: AuthContext, serialNo: string, materialCode: string, mediaId: string, now = new Date()): Promise<CaseRecordDetail> {
  const actor = await applicantActor(prisma, auth)
  return inTransaction(prisma, async (tx) => {
    const row = await lockOwnCase(tx, auth, serialNo)
    assertEditable(row)
    const { matter } = matterOf(row.matterCode)
    const slot = matter.materials.find((m) => m.code === materialCode)
    if (!slot) throw new AppError('MATERIAL_SLOT_UNKNOWN', { field: 'materialCode' })
    const media = await mediaForOwner(tx, auth, mediaId)
    if (!media) throw new AppError('NOT_FOUND', { field: 'mediaId' })
    const already = await tx.caseMaterial.findMany({ where: { caseId: row.id, materialCode }, select: { mediaId: true } })
    if (already.some((m) => m.mediaId === mediaId)) return detailById(tx, row.id, actor, 'owner', now)
    const max = slot.maxFiles ?? 5
    if (already.length >= max) throw new AppError('MATERIAL_SLOT_FULL', { detail: String(max) })
    await tx.caseMaterial.create({ data: { caseId: row.id, materialCode, mediaId } })
    await addEvent(tx, row.id, 'MATERIAL', actor, `上传${slot.name}`, now)
    return detailById(tx, row.id, actor, 'owner', now)
  })
}

export async function detachMaterial(prisma: PrismaClient, auth: AuthContext, serialNo: string, id: number, now = new Date()): Promise<CaseRecordDetail> {
  const actor = await applicantActor(prisma, auth)
  return inTransaction(prisma, async (tx) => {
    const row = await lockOwnCase(tx, auth, serialNo)
    assertEditable(row)
    const n = await tx.caseMaterial.deleteMany({ where: { id, caseId: row.id } })
    if (n.count === 0) throw new AppError('NOT_FOUND')
    return detailById(tx, row.id, actor, 'owner', now)
  })
}
