// The generated declaration report of a case (申报表 / 花名册 / 明细表, seed 002 §2.7 and §5.2): the 预览 before
// 确认提交 and the 打印相关表单 of the case record. Who may print: the case's owner (the unit's clerks for a unit case,
// the person for a person case) and reviewers within their reach once it is submitted; anyone else 404, like every
// other case route.
//
// Content, from the case as its detail shows it (all rows, not only the first 200): the matter's report title
// (年度 reports get the declared year in front: 「2025」年度…), 单位名称/单位编号 (or 姓名/个人编号), 业务流水号,
// 申报日期, 办件状态 (a draft prints "未提交（预览）" and a 预览 watermark), the form's fields with their Chinese
// labels, the 变更项/变更前值/变更后值 table of change matters (per worker for 职工一般信息变更: L4), the rows as a
// 花名册 with 序号 and the template's (or the matter's report) columns — code values as labels, ticks as √, money in
// yuan — with a 合计 line (persons, per insurance type, money sums), the materials, the declaration sentence, 申报人 /
// 联系电话 / 申报日期 and the 单位（盖章） / 经办人签字 lines.
//
// Masking: none beyond what the case record itself masks. The report is the form the unit stamps and files; a
// declaration must identify its workers, so ID numbers and phones the applicant entered are printed in full — to the
// same people who already read them in full in the case detail (GET /api/cases/:serialNo returns the rows as
// entered; the reviewer's detail too). Values read from the register that the applicant did not type (the existing
// clerks and bank accounts in a 单位一般信息变更) stay as masked as the 变更项 table shows them. The PDF is never
// logged or cached (Cache-Control: no-store; the request log has the path only).
import {
  formatDateChinese,
  formatYuan,
  REPORT_DECLARATION,
  shanghaiToday,
  type CaseRecordDetail,
  type MatterDefinition,
  type TemplateColumn
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError } from '../../http/errors.ts'
import { reviewerScope } from '../review/scope.ts'
import { isCaseSerialText } from './access.ts'
import { loadActor, type Actor } from './actor.ts'
import { findOwnCase } from './context.ts'
import { detailById } from './detail.ts'
import { matterOf } from './lifecycle.ts'
import { renderCaseReport } from './report-pdf.ts'

export interface ReportField {
  label: string
  value: string
}

export interface ReportColumn {
  title: string
  /** Relative width (the template's width in characters). */
  width: number
  align?: 'left' | 'center' | 'right'
  /** Grouped header above (参保险种 over 养老 | 失业 | 工伤). */
  group?: string
}

export interface ReportTable {
  kind: 'table'
  caption: string
  columns: ReportColumn[]
  rows: string[][]
  /** 合计 line printed under the table. */
  total?: string
  empty?: string
}

export type ReportSection = { kind: 'fields'; caption: string; items: ReportField[] } | ReportTable

export interface CaseReport {
  title: string
  serialNo: string
  /** Printed across every page: 预览 while the case is not (or no longer) submitted, 已撤销 when withdrawn. */
  watermark: string | null
  landscape: boolean
  /** 单位名称（章）, 单位编号, 业务流水号, 申报日期, 事项名称, 办件状态 … (two a line). */
  head: ReportField[]
  /** The short line under the title on continuation pages. */
  runningHead: string
  sections: ReportSection[]
  notes: string[]
  declaration: string
  /** 申报人 / 联系电话 / 申报日期. */
  signature: ReportField[]
  /** Blank lines to sign or stamp: 单位（盖章）, 经办人签字 (or 申请人签字). */
  stamps: string[]
  printedAt: Date
  author: string
}

/** Above this sum of column widths (template characters, with 序号) the table goes landscape. */
const LANDSCAPE_FROM = 110

const SEQ: ReportColumn = { title: '序号', width: 5, align: 'center' }

function dateOf(instant: string | null): string {
  return instant ? formatDateChinese(shanghaiToday(new Date(instant))) : ''
}

function tickLabel(header: string): string {
  if (header.includes('养老')) return '养老'
  if (header.includes('失业')) return '失业'
  if (header.includes('工伤')) return '工伤'
  return header
}

/** One printed cell of a row under a template column. */
function cellOf(col: TemplateColumn, data: Record<string, unknown>, unit: { unitNo: string; name: string } | null): string {
  const v = data[col.field]
  switch (col.kind) {
    case 'unitNo':
      return unit?.unitNo ?? ''
    case 'unitName':
      return unit?.name ?? ''
    case 'tick':
      return Array.isArray(v) && v.includes(col.tickValue) ? '√' : ''
    case 'money':
      return typeof v === 'number' ? formatYuan(v) : v === undefined || v === null ? '' : String(v)
    case 'code':
      return v === undefined || v === null || v === '' ? '' : col.codeTable ? col.codeTable.label(String(v)) : String(v)
    default:
      return v === undefined || v === null ? '' : Array.isArray(v) ? v.join('、') : String(v)
  }
}

function rosterTable(matter: MatterDefinition, detail: CaseRecordDetail): ReportTable {
  const cols = (matter.reportColumns ?? matter.template?.columns ?? []).filter((c) => c.kind !== 'seq')
  const columns: ReportColumn[] = [
    SEQ,
    ...cols.map((c): ReportColumn => ({
      title: c.kind === 'tick' ? tickLabel(c.header) : c.header,
      width: Math.max(c.kind === 'tick' ? 5 : 6, c.width ?? 12),
      align: c.kind === 'money' ? 'right' : 'center',
      ...(c.kind === 'tick' ? { group: matter.rowLabels?.[c.field] ?? '险种' } : {})
    }))
  ]
  const rows = detail.items.map((it, i) => [String(i + 1), ...cols.map((c) => cellOf(c, it.data, detail.unit))])
  // 合计: persons, per ticked insurance type (T1 "合计：养老 人。失业 人。工伤 人。"), money sums.
  const parts = [`${detail.itemCount} 人`]
  const ticks = cols.filter((c) => c.kind === 'tick')
  if (ticks.length) {
    parts.push(
      ticks
        .map((c) => `${tickLabel(c.header)} ${detail.items.filter((it) => Array.isArray(it.data[c.field]) && (it.data[c.field] as unknown[]).includes(c.tickValue)).length} 人`)
        .join('，')
    )
  }
  for (const c of cols.filter((x) => x.kind === 'money')) {
    const sum = detail.items.reduce((s, it) => s + (typeof it.data[c.field] === 'number' ? (it.data[c.field] as number) : 0), 0)
    parts.push(`${c.header} ${formatYuan(sum)} 元`)
  }
  return {
    kind: 'table',
    caption: `申报人员花名册（共 ${detail.itemCount} 人）`,
    columns,
    rows,
    total: `合计：${parts.join('；')}`,
    empty: '尚未添加人员'
  }
}

/** 职工一般信息变更 (L4): 序号 | 个人编号 | 证件号码 | 姓名 | 变更类别 | 变更前值 | 变更后值, one line per changed field. */
function rowChangeTable(detail: CaseRecordDetail): ReportTable {
  const rows: string[][] = []
  detail.items.forEach((it, i) => {
    for (const c of it.changes ?? []) {
      rows.push([String(i + 1), String(it.data['personNo'] ?? ''), String(it.data['idNumber'] ?? ''), String(it.data['name'] ?? ''), c.label, c.before, c.after])
    }
  })
  return {
    kind: 'table',
    caption: `变更明细（共 ${detail.itemCount} 人）`,
    columns: [
      SEQ,
      { title: '个人编号', width: 14 },
      { title: '证件号码', width: 20 },
      { title: '姓名', width: 9 },
      { title: '变更类别', width: 14 },
      { title: '变更前值', width: 22, align: 'left' },
      { title: '变更后值', width: 22, align: 'left' }
    ],
    rows,
    total: `合计：${detail.itemCount} 人`,
    empty: '尚未添加人员'
  }
}

function changeTable(detail: CaseRecordDetail): ReportTable {
  return {
    kind: 'table',
    caption: '变更信息',
    columns: [SEQ, { title: '变更项', width: 16 }, { title: '变更前值', width: 34, align: 'left' }, { title: '变更后值', width: 34, align: 'left' }],
    rows: detail.changes.map((c, i) => [String(i + 1), c.label, c.before || '—', c.after || '—']),
    empty: '未填写需要变更的信息'
  }
}

/** Plain form fields (申报年度 …): the scalar values of the form with their labels; nested change forms are tables. */
function formFields(matter: MatterDefinition, form: Record<string, unknown>): ReportField[] {
  const out: ReportField[] = []
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined || v === null || typeof v === 'object') continue
    out.push({ label: matter.formLabels?.[k] ?? k, value: String(v) })
  }
  return out
}

function reportTitle(matter: MatterDefinition, form: Record<string, unknown>): string {
  // L9 「YYYY」年度职工社会保险缴费工资申报表
  if (matter.reportTitle.startsWith('年度') && typeof form['year'] === 'number') return `${form['year']}${matter.reportTitle}`
  return matter.reportTitle
}

function landscapeFor(sections: ReportSection[]): boolean {
  return sections.some((s) => s.kind === 'table' && s.columns.reduce((a, c) => a + c.width, 0) > LANDSCAPE_FROM)
}

export function buildCaseReport(
  matter: MatterDefinition,
  detail: CaseRecordDetail,
  subject: { kind: 'unit'; unitNo: string; name: string } | { kind: 'person'; personNo: string; name: string },
  now: Date
): CaseReport {
  const watermark = detail.status === 'DRAFT' || detail.status === 'RETURNED' ? '预览' : detail.status === 'WITHDRAWN' ? '已撤销' : null
  const declared = detail.status === 'DRAFT' ? '' : dateOf(detail.submittedAt)
  const statusText = detail.status === 'DRAFT' ? '未提交（预览）' : detail.status === 'RETURNED' ? '退回（待修改后重新提交）' : detail.statusLabel
  const head: ReportField[] =
    subject.kind === 'unit'
      ? [
          { label: '单位名称（章）', value: subject.name },
          { label: '单位编号', value: subject.unitNo }
        ]
      : [
          { label: '姓名', value: subject.name },
          { label: '个人编号', value: subject.personNo }
        ]
  head.push(
    { label: '业务流水号', value: detail.serialNo },
    { label: '申报日期', value: declared || '未提交' },
    { label: '事项名称', value: detail.matterName },
    { label: '办件状态', value: statusText }
  )
  if (detail.decidedAt && detail.status !== 'RETURNED') head.push({ label: '办结日期', value: dateOf(detail.decidedAt) })
  if (detail.returnReason && detail.status === 'RETURNED') head.push({ label: '退回原因', value: detail.returnReason })

  const sections: ReportSection[] = []
  // Change matters show their form as the 变更项 table; other forms (申报年度 …) as labelled fields.
  const fields = matter.changeFields ? [] : formFields(matter, detail.form)
  if (fields.length) sections.push({ kind: 'fields', caption: '申报信息', items: fields })
  if (!matter.row && (matter.changeFields || detail.changes.length)) sections.push(changeTable(detail))
  if (matter.row) sections.push(matter.changeFields ? rowChangeTable(detail) : rosterTable(matter, detail))
  if (detail.materialChecklist.length) {
    sections.push({
      kind: 'fields',
      caption: '附件材料',
      items: detail.materialChecklist.map((m) => ({ label: m.name, value: m.uploaded ? `已上传 ${m.uploaded} 张` : '未上传' }))
    })
  }
  if (detail.remark) sections.push({ kind: 'fields', caption: '备注', items: [{ label: '备注', value: detail.remark }] })

  return {
    title: reportTitle(matter, detail.form),
    serialNo: detail.serialNo,
    watermark,
    landscape: landscapeFor(sections),
    head,
    runningHead: `${subject.kind === 'unit' ? '单位名称' : '姓名'}：${subject.name}　${subject.kind === 'unit' ? '单位编号' : '个人编号'}：${subject.kind === 'unit' ? subject.unitNo : subject.personNo}　业务流水号：${detail.serialNo}`,
    sections,
    notes: matter.reportNotes ? [...matter.reportNotes] : [],
    declaration: REPORT_DECLARATION,
    signature: [
      { label: '申报人', value: detail.applicantName },
      { label: '联系电话', value: detail.applicantPhone },
      { label: '申报日期', value: declared || '未提交' }
    ],
    stamps: subject.kind === 'unit' ? ['单位（盖章）：', '经办人签字：'] : ['申请人签字：'],
    printedAt: now,
    author: subject.kind === 'unit' ? subject.name : '掌上社保'
  }
}

export interface RenderedReport {
  bytes: Buffer
  pages: number
  /** "在职职工增员申报表-202611230470001.pdf" */
  fileName: string
}

/** The report of a case for its owner or a reviewer; anyone else (and reviewers for drafts) 404. */
export async function caseReportPdf(prisma: PrismaClient, auth: AuthContext, serialNo: string, now = new Date()): Promise<RenderedReport> {
  if (!isCaseSerialText(serialNo)) throw new AppError('NOT_FOUND')
  let caseId: number
  let actor: Actor
  let viewer: 'owner' | 'reviewer'
  if (auth.role === 'reviewer') {
    const scope = await reviewerScope(prisma, auth)
    const row = await prisma.case.findFirst({ where: { AND: [scope.where, { serialNo }] }, select: { id: true } })
    if (!row) throw new AppError('NOT_FOUND')
    caseId = row.id
    actor = scope.actor
    viewer = 'reviewer'
  } else {
    caseId = (await findOwnCase(prisma, auth, serialNo)).id
    actor = await loadActor(prisma, auth)
    viewer = 'owner'
  }
  const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { matterCode: true, personId: true, applicantRole: true, unit: { select: { unitNo: true, name: true } } } })
  const { matter } = matterOf(row.matterCode)
  const detail = await detailById(prisma, caseId, actor, viewer, now, { allItems: true })
  let subject: Parameters<typeof buildCaseReport>[2]
  if (row.applicantRole === 'PERSON' && row.personId) {
    const person = await prisma.person.findUniqueOrThrow({ where: { id: row.personId }, select: { personNo: true, name: true } })
    subject = { kind: 'person', personNo: person.personNo, name: person.name }
  } else {
    subject = { kind: 'unit', unitNo: row.unit?.unitNo ?? '', name: row.unit?.name ?? '' }
  }
  const report = buildCaseReport(matter, detail, subject, now)
  const { bytes, pages } = await renderCaseReport(report)
  return { bytes, pages, fileName: `${report.title.replace(/[\\/:*?"<>|]/g, '')}-${detail.serialNo}.pdf` }
}
