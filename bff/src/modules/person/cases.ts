// 我的办件: the cases the person applied for themselves (applicant_role PERSON), newest first, and one case's
// timeline. A serial number of someone else's case answers 404 like a missing one. Cases a unit filed about the
// person are the unit's records and are not listed here.
import { CaseModes, CaseStatuses, matterName, type CaseDetail, type CaseRow, type CaseStatus, type CasesResponse } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { instant, instantOrNull, instantText, instantTextOrNull } from './convert.ts'

const EVENT_LABELS: Record<string, string> = {
  CREATED: '创建',
  SAVED: '保存',
  SUBMITTED: '提交申请',
  RESUBMITTED: '重新提交',
  APPROVED: '审核通过',
  RETURNED: '退回',
  WITHDRAWN: '撤销',
  EFFECTIVE: '办结'
}

const CASE_SELECT = {
  serialNo: true,
  matterCode: true,
  status: true,
  createdAt: true,
  submittedAt: true,
  decidedAt: true
} as const

export async function listCases(
  prisma: PrismaClient,
  personId: number,
  q: { page: number; pageSize: number; status?: CaseStatus | undefined }
): Promise<CasesResponse> {
  const where = { applicantRole: 'PERSON' as const, personId, ...(q.status ? { status: q.status } : {}) }
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: CASE_SELECT
    })
  ])
  return { page: q.page, pageSize: q.pageSize, total, items: rows.map(toCaseRow) }
}

export async function getCase(prisma: PrismaClient, personId: number, serialNo: string): Promise<CaseDetail> {
  const c = await prisma.case.findUnique({
    where: { serialNo },
    select: {
      ...CASE_SELECT,
      applicantRole: true,
      personId: true,
      mode: true,
      remark: true,
      returnReason: true,
      events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { type: true, actorRole: true, actorId: true, note: true, createdAt: true } }
    }
  })
  if (!c || c.applicantRole !== 'PERSON' || c.personId !== personId) throw new AppError('NOT_FOUND')
  return {
    ...toCaseRow(c),
    modeLabel: CaseModes.label(c.mode),
    remark: c.remark,
    returnReason: c.returnReason,
    timeline: c.events.map((e) => ({
      type: e.type,
      typeLabel: EVENT_LABELS[e.type] ?? e.type,
      actor: e.actorRole === 'REVIEWER' ? '社保中心' : e.actorRole === 'UNIT' ? '单位经办人' : e.actorId === personId ? '本人' : '参保人',
      note: e.note,
      at: instant(e.createdAt),
      atText: instantText(e.createdAt)
    }))
  }
}

function toCaseRow(c: { serialNo: string; matterCode: string; status: CaseStatus; createdAt: Date; submittedAt: Date | null; decidedAt: Date | null }): CaseRow {
  return {
    serialNo: c.serialNo,
    matterCode: c.matterCode,
    matterName: matterName(c.matterCode), // the catalogue's name; the code itself for a matter it does not know
    status: c.status,
    statusLabel: CaseStatuses.label(c.status),
    createdAt: instant(c.createdAt),
    createdAtText: instantText(c.createdAt),
    submittedAt: instantOrNull(c.submittedAt),
    submittedAtText: instantTextOrNull(c.submittedAt),
    decidedAt: instantOrNull(c.decidedAt),
    decidedAtText: instantTextOrNull(c.decidedAt)
  }
}
