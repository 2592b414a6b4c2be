/**
 * The single-mode form of a matter, derived from its catalogue entry (GET /api/matters/:code): the batch template's
 * columns (without 序号/单位编号/单位名称; the 养老/失业/工伤 tick columns become one multi-choice field), or for
 * form-only matters the form labels. Values are kept as the clerk types them and converted here to what the row
 * schema accepts (yuan → integer fen, ticks → array).
 */
import type { MatterInfoT } from '../../lib/types'

export type FieldKind = 'text' | 'idNumber' | 'date' | 'money' | 'code' | 'multi' | 'phone'

export interface WizardField {
  field: string
  label: string
  kind: FieldKind
  required: boolean
  placeholder: string
  options?: { value: string; label: string }[]
}

/** Form-only matters whose form nests the simple fields (单位一般信息变更: contact.*). */
const FORM_NESTING: Record<string, { prefix: string; fields: string[] }> = {
  UNIT_INFO_CHANGE: { prefix: 'contact', fields: ['contactName', 'contactPhone', 'contactEmail', 'address', 'postalCode'] }
}

const SKIP_KINDS = new Set(['seq', 'unitNo', 'unitName'])

export function rowFields(matter: MatterInfoT): WizardField[] {
  const out: WizardField[] = []
  const cols = matter.template?.columns ?? []
  for (const c of cols) {
    if (SKIP_KINDS.has(c.kind)) continue
    if (c.kind === 'tick') {
      const existing = out.find((f) => f.field === c.field)
      const option = { value: tickValue(c.header), label: c.header }
      if (existing) existing.options!.push(option)
      else out.push({ field: c.field, label: matter.rowLabels?.[c.field] ?? '险种', kind: 'multi', required: true, placeholder: '', options: [option] })
      continue
    }
    const kind: FieldKind = c.kind === 'idNumber' || c.kind === 'date' || c.kind === 'money' || c.kind === 'code' ? c.kind : /手机|电话/.test(c.header) ? 'phone' : 'text'
    out.push({
      field: c.field,
      label: matter.rowLabels?.[c.field] ?? c.header,
      kind,
      required: c.required,
      placeholder: kind === 'money' ? `如 ${c.example}（元）` : kind === 'date' ? '请选择日期' : kind === 'code' ? '请选择' : `如 ${c.example}`,
      ...(c.options ? { options: c.options } : {})
    })
  }
  return out
}

/** The tick column header names the insurance type; the row wants its code. */
function tickValue(header: string): string {
  if (header.includes('养老')) return 'PENSION'
  if (header.includes('失业')) return 'UNEMPLOYMENT'
  if (header.includes('工伤')) return 'WORK_INJURY'
  return header
}

export function formFields(matter: MatterInfoT): WizardField[] {
  const labels = matter.formLabels ?? {}
  const nest = FORM_NESTING[matter.code]
  const keys = nest ? nest.fields : Object.keys(labels)
  return keys.map((k) => ({ field: k, label: labels[k] ?? k, kind: /Phone$/.test(k) ? 'phone' : 'text', required: false, placeholder: '不变更请留空' }))
}

export type Values = Record<string, string | string[]>

/** The row object the API validates. Blank values are left out. */
export function toRow(fields: WizardField[], values: Values): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const f of fields) {
    const v = values[f.field]
    if (f.kind === 'multi') {
      row[f.field] = Array.isArray(v) ? v : []
      continue
    }
    const s = typeof v === 'string' ? v.trim() : ''
    if (s === '') continue
    if (f.kind === 'money') {
      const n = Number(s)
      row[f.field] = Number.isFinite(n) ? Math.round(n * 100) : s
    } else row[f.field] = s
  }
  return row
}

/** The form object for form-only matters (nested where the schema wants it). */
export function toForm(matter: MatterInfoT, fields: WizardField[], values: Values): Record<string, unknown> {
  const flat = toRow(fields, values)
  const nest = FORM_NESTING[matter.code]
  return nest ? (Object.keys(flat).length ? { [nest.prefix]: flat } : {}) : flat
}

/** A saved draft's form back as input values (continuing a draft of a form-only matter). */
export function formValues(matter: MatterInfoT, fields: WizardField[], form: Record<string, unknown> | undefined): Values {
  const nest = FORM_NESTING[matter.code]
  const flat = ((nest ? form?.[nest.prefix] : form) ?? {}) as Record<string, unknown>
  const out: Values = {}
  for (const f of fields) {
    const v = flat[f.field]
    if (v === undefined || v === null || typeof v === 'object') continue
    out[f.field] = String(v)
  }
  return out
}

/** Fields the clerk must fill before 添加校验 (the server checks everything again). */
export function missingRequired(fields: WizardField[], values: Values): string[] {
  return fields
    .filter((f) => f.required)
    .filter((f) => {
      const v = values[f.field]
      return Array.isArray(v) ? v.length === 0 : !v || !String(v).trim()
    })
    .map((f) => f.label)
}
