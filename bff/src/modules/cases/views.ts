// Response shapes of cases: the 办件记录 row and the detail (rows with their 变更项 tables, materials and the
// checklist, the timeline, what the viewer may do next).
import {
  DEFAULT_MATERIAL_MAX_FILES,
  changeTable,
  matterName,
  type CaseRecordDetail,
  type CaseStatus,
  type CaseSummary,
  type ChangeRow,
  type MatterDefinition
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'
import type { CheckContext, EffectItem, MatterHandler } from '../matters/types.ts'
import { EDITABLE, FORM_SNAPSHOT_ROW, WITHDRAWABLE, statusLabel, type CaseRow } from './lifecycle.ts'

const EVENT_LABELS: Record<string, string> = {
  CREATED: '创建',
  SAVED: '保存',
  ITEMS: '添加校验',
  BATCH: '上传校验',
  MATERIAL: '上传材料',
  SUBMITTED: '确认提交',
  APPROVED: '审核通过',
  RETURNED: '退回',
  WITHDRAWN: '撤销',
  EFFECTIVE: '办结'
}

export const DETAIL_ITEMS = 200

export function summaryOf(row: CaseRow, itemCount: number): CaseSummary {
  return {
    serialNo: row.serialNo,
    matterCode: row.matterCode,
    matterName: matterName(row.matterCode),
    status: row.status,
    statusLabel: statusLabel(row.status),
    mode: row.mode,
    unit: row.unit ? { unitNo: row.unit.unitNo, name: row.unit.name } : null,
    applicantName: row.applicantName,
    itemCount,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    returnReason: row.returnReason
  }
}

function describe(matter: MatterDefinition, handler: MatterHandler, after: Record<string, unknown>, before: Record<string, unknown> | null): ChangeRow[] {
  if (handler.describeChanges) return handler.describeChanges(after, before)
  return matter.changeFields ? changeTable(matter.changeFields, before ?? {}, after) : []
}

export async function caseDetail(
  db: PrismaClient | Tx,
  row: CaseRow,
  matter: MatterDefinition,
  handler: MatterHandler,
  ctx: CheckContext,
  viewer: 'owner' | 'reviewer',
  /** Rows to include (default the first DETAIL_ITEMS; the printed report takes them all). */
  itemLimit: number | null = DETAIL_ITEMS
): Promise<CaseRecordDetail> {
  const live = EDITABLE.includes(row.status as CaseStatus)
  const [itemCount, items, snapshot, materials, events] = await Promise.all([
    db.caseItem.count({ where: { caseId: row.id, rowNo: { gt: FORM_SNAPSHOT_ROW } } }),
    db.caseItem.findMany({
      where: { caseId: row.id, rowNo: { gt: FORM_SNAPSHOT_ROW } },
      orderBy: { rowNo: 'asc' },
      ...(itemLimit === null ? {} : { take: itemLimit }),
      select: { id: true, rowNo: true, personId: true, data: true, before: true }
    }),
    db.caseItem.findUnique({ where: { caseId_rowNo: { caseId: row.id, rowNo: FORM_SNAPSHOT_ROW } }, select: { before: true } }),
    db.caseMaterial.findMany({ where: { caseId: row.id }, orderBy: { id: 'asc' } }),
    db.caseEvent.findMany({ where: { caseId: row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  ])
  const effectItems: EffectItem[] = items.map((i) => ({
    id: i.id,
    rowNo: i.rowNo,
    data: i.data as Record<string, unknown>,
    personId: i.personId,
    before: (i.before as Record<string, unknown> | null) ?? null
  }))
  // Drafts show the change against the register as it is now; submitted cases the values recorded then.
  if (live && handler.snapshotRows && matter.row) {
    const befores = await handler.snapshotRows(ctx, effectItems)
    effectItems.forEach((e, i) => (e.before = befores[i] ?? null))
  }
  let formBefore = (snapshot?.before as Record<string, unknown> | null) ?? null
  if ((live || !formBefore) && handler.snapshotForm && row.unit) formBefore = await handler.snapshotForm(ctx, row.form as Record<string, unknown>)
  const form = row.form as Record<string, unknown>
  const slotName = new Map(matter.materials.map((m) => [m.code, m.name]))
  const counts = new Map<string, number>()
  for (const m of materials) counts.set(m.materialCode, (counts.get(m.materialCode) ?? 0) + 1)
  const hasChanges = matter.changeFields !== undefined || handler.describeChanges !== undefined
  return {
    ...summaryOf(row, itemCount),
    review: matter.review,
    resultMessage: matter.resultMessage,
    applicantPhone: row.applicantPhone,
    remark: row.remark,
    form,
    changes: !matter.row && hasChanges ? describe(matter, handler, form, formBefore) : [],
    items: effectItems.map((e) => ({
      rowNo: e.rowNo,
      personId: e.personId,
      data: e.data,
      ...(matter.row && hasChanges && (e.before || live) ? { changes: describe(matter, handler, e.data, e.before) } : {})
    })),
    materials: materials.map((m) => ({
      id: m.id,
      materialCode: m.materialCode,
      name: slotName.get(m.materialCode) ?? m.materialCode,
      mediaId: m.mediaId,
      url: `/api/media/${m.mediaId}`,
      createdAt: m.createdAt.toISOString()
    })),
    materialChecklist: matter.materials.map((s) => ({
      code: s.code,
      name: s.name,
      requirement: s.requirement,
      group: s.group ?? null,
      description: s.description ?? null,
      uploaded: counts.get(s.code) ?? 0,
      maxFiles: s.maxFiles ?? DEFAULT_MATERIAL_MAX_FILES
    })),
    events: events.map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type] ?? e.type,
      actorRole: e.actorRole,
      actorName: e.actorName,
      note: e.note,
      at: e.createdAt.toISOString()
    })),
    actions: {
      edit: viewer === 'owner' && live,
      submit: viewer === 'owner' && live,
      withdraw: viewer === 'owner' && WITHDRAWABLE.includes(row.status as CaseStatus)
    }
  }
}
