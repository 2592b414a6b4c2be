/**
 * Form lists of change matters (单位一般信息变更: 经办人, 银行账户), driven by the catalogue's `formLists`: each list is
 * edited entry by entry and sent as `{ add: [...], modify: [{ id, ...changed }], remove: [id] }` in the form.
 * Pure helpers here (the component is components/ListEditor), so the conversions are unit-tested.
 */
import type { Values, WizardField } from '../components/Wizard/fields'
import type { MatterInfoT } from './types'

export type FormListT = NonNullable<MatterInfoT['formLists']>[number]

/** An existing entry as GET /api/unit/info lists it (ID numbers, phones and account numbers masked). */
export type ListEntry = { id: number } & Record<string, unknown>

export interface ListChanges {
  add: Record<string, unknown>[]
  modify: ({ id: number } & Record<string, unknown>)[]
  remove: number[]
}

export const noChanges = (): ListChanges => ({ add: [], modify: [], remove: [] })

export function hasChanges(c: ListChanges | undefined): boolean {
  return !!c && c.add.length + c.modify.length + c.remove.length > 0
}

/** The list's fields as wizard fields (all for 添加, the modifiable ones for 修改). */
export function listFields(list: FormListT, mode: 'add' | 'modify'): WizardField[] {
  return list.fields
    .filter((f) => mode === 'add' || f.modifiable)
    .map((f) => ({
      field: f.field,
      label: f.label,
      kind: f.kind,
      required: mode === 'add' && f.required,
      placeholder: f.kind === 'code' ? '请选择' : mode === 'modify' ? '不修改请留空' : f.required ? '必填' : '选填',
      ...(f.options ? { options: f.options } : {})
    }))
}

/** A value is masked when it shows 「*」: it cannot be pre-filled for editing. */
const masked = (v: unknown) => typeof v === 'string' && v.includes('*')

/** The form's starting values when modifying an entry (masked values left blank). */
export function entryValues(list: FormListT, entry: Record<string, unknown>): Values {
  const out: Values = {}
  for (const f of list.fields) {
    const v = entry[f.field]
    if (v === undefined || v === null || masked(v)) continue
    out[f.field] = Array.isArray(v) ? v.map(String) : String(v)
  }
  return out
}

/** Missing required fields of an entry to add (labels), for the toast. */
export function missingFields(list: FormListT, values: Values): string[] {
  return list.fields
    .filter((f) => f.required)
    .filter((f) => {
      const v = values[f.field]
      return Array.isArray(v) ? v.length === 0 : !v || !String(v).trim()
    })
    .map((f) => f.label)
}

/** An entry to add, as the form schema takes it (blank values left out). */
export function toEntry(list: FormListT, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of list.fields) {
    const v = values[f.field]
    if (f.kind === 'multi') {
      out[f.field] = Array.isArray(v) ? v : []
      continue
    }
    const s = typeof v === 'string' ? v.trim() : ''
    if (s) out[f.field] = s
  }
  return out
}

/** The changed modifiable fields of an existing entry (null when nothing changed). */
export function toModification(list: FormListT, entry: ListEntry, values: Values): ({ id: number } & Record<string, unknown>) | null {
  const out: { id: number } & Record<string, unknown> = { id: entry.id }
  let changed = false
  for (const f of list.fields) {
    if (!f.modifiable) continue
    const v = values[f.field]
    const before = entry[f.field]
    if (f.kind === 'multi') {
      const next = Array.isArray(v) ? v : []
      const prev = Array.isArray(before) ? before.map(String) : []
      if (next.length && (next.length !== prev.length || next.some((x) => !prev.includes(x)))) {
        out[f.field] = next
        changed = true
      }
      continue
    }
    const s = typeof v === 'string' ? v.trim() : ''
    if (s && s !== before) {
      out[f.field] = s
      changed = true
    }
  }
  return changed ? out : null
}

/** "退款账户 · 中国工商银行 · ****6789 · 失业、工伤": the entry's values with code labels. */
export function entrySummary(list: FormListT, entry: Record<string, unknown>): string {
  const parts: string[] = []
  for (const f of list.fields) {
    const v = entry[f.field]
    if (v === undefined || v === null || v === '') continue
    const label = (x: unknown) => f.options?.find((o) => o.value === String(x))?.label ?? String(x)
    parts.push(Array.isArray(v) ? v.map(label).join('、') : label(v))
  }
  return parts.join(' · ')
}

/** "手机号码：13700001111；经办人所在部门：财务部": what a modification changes. */
export function modificationSummary(list: FormListT, mod: Record<string, unknown>): string {
  return list.fields
    .filter((f) => f.field in mod && f.field !== 'id')
    .map((f) => `${f.label}：${entrySummary({ ...list, fields: [f] }, mod)}`)
    .join('；')
}

/** The lists' changes as saved in a draft's form (to continue editing it). */
export function changesFromForm(lists: readonly FormListT[], form: Record<string, unknown> | undefined): Record<string, ListChanges> {
  const out: Record<string, ListChanges> = {}
  for (const l of lists) {
    const saved = (form?.[l.key] ?? {}) as Partial<ListChanges>
    out[l.key] = {
      add: Array.isArray(saved.add) ? saved.add : [],
      modify: Array.isArray(saved.modify) ? saved.modify : [],
      remove: Array.isArray(saved.remove) ? saved.remove : []
    }
  }
  return out
}

/** The lists' part of the form: only the operations that are not empty. */
export function listsToForm(changes: Record<string, ListChanges>): Record<string, unknown> {
  const form: Record<string, unknown> = {}
  for (const [key, c] of Object.entries(changes)) {
    if (!hasChanges(c)) continue
    form[key] = { ...(c.add.length ? { add: c.add } : {}), ...(c.modify.length ? { modify: c.modify } : {}), ...(c.remove.length ? { remove: c.remove } : {}) }
  }
  return form
}
