/**
 * 事项目录: every matter the case engine runs, looked up by code. Adding a matter = a definition here plus its
 * effect function in bff/src/modules/matters/.
 */
import type { z } from 'zod';
import type { CodeEntry, CodeTable } from '../codes/table';
import { columnForField } from './batch';
import { staffInfoChange, unitInfoChange, unitKeyInfoChange } from './info-change';
import { staffAddTypes, staffEnrol, staffReduceTypes, staffStop } from './staff';
import { backPayment, labourContractBackPayment, refund, wageChange, wageDeclaration } from './contributions';
import type { ChangeField, MatterDefinition, RowIssue, RuleContext } from './types';

export const MATTERS: readonly MatterDefinition[] = [
  staffEnrol,
  staffStop,
  staffReduceTypes,
  staffAddTypes,
  staffInfoChange,
  unitInfoChange,
  unitKeyInfoChange,
  wageDeclaration,
  backPayment,
  labourContractBackPayment,
  refund,
  wageChange,
] as unknown as readonly MatterDefinition[];

export const MATTER_CODES = MATTERS.map((m) => m.code) as unknown as readonly [string, ...string[]];

export const MATTER_CATEGORY_LABELS = {
  REGISTRATION: '社会保险登记',
  INFO_MAINTENANCE: '社会保险参保信息维护',
  CONTRIBUTION_DECLARATION: '社会保险缴费申报',
} as const;

const byCode = new Map(MATTERS.map((m) => [m.code, m]));

export function getMatter(code: string): MatterDefinition | undefined {
  return byCode.get(code);
}

export function matterName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: RowIssue[] };

function zodIssues(error: z.ZodError, label: (field: string) => string): RowIssue[] {
  const seen = new Set<string>();
  const out: RowIssue[] = [];
  for (const i of error.issues) {
    const path = i.path.map(String);
    const field = path.join('.') || '';
    // The deepest named segment names the column ('clerks.add.0.phone' → 手机号码).
    const named = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? field;
    const key = `${field}|${i.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, column: label(named), reason: i.message });
  }
  return out;
}

/** Validate one row of a matter: its schema, then its pure rules. Issues name the template column. */
export function validateMatterRow(matter: MatterDefinition, data: unknown, ctx: RuleContext): Validated<Record<string, unknown>> {
  if (!matter.row) return { ok: false, issues: [{ field: '', column: '', reason: '该事项没有明细' }] };
  const r = matter.row.safeParse(data);
  const label = (f: string) => columnForField(matter.template, f, matter.rowLabels);
  if (!r.success) return { ok: false, issues: zodIssues(r.error, label) };
  const issues = matter.rowRules ? matter.rowRules(r.data as never, ctx) : [];
  return issues.length ? { ok: false, issues } : { ok: true, value: r.data as Record<string, unknown> };
}

/** Validate a matter's form: schema, then pure rules. */
export function validateMatterForm(matter: MatterDefinition, data: unknown, ctx: RuleContext): Validated<Record<string, unknown>> {
  const r = matter.form.safeParse(data ?? {});
  const label = (f: string) => matter.formLabels?.[f] ?? f;
  if (!r.success) return { ok: false, issues: zodIssues(r.error, label) };
  const issues = matter.formRules ? matter.formRules(r.data as never, ctx) : [];
  return issues.length ? { ok: false, issues } : { ok: true, value: r.data as Record<string, unknown> };
}

export interface ChangeRow {
  readonly field: string;
  /** 变更项 */
  readonly label: string;
  /** 变更前值 (display text; '' when empty). */
  readonly before: string;
  /** 变更后值 */
  readonly after: string;
  readonly changed: boolean;
}

function display(value: unknown, table?: CodeTable<CodeEntry>): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => display(v, table)).join('、');
  const s = String(value);
  return table ? table.label(s) : s;
}

/**
 * The 变更项 / 变更前值 / 变更后值 table for the fields a change gives (`after` holds only the fields being set).
 */
export function changeTable(fields: readonly ChangeField[], before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const f of fields) {
    if (!(f.field in after) || after[f.field] === undefined) continue;
    const b = display(before[f.field], f.codeTable);
    const a = display(after[f.field], f.codeTable);
    rows.push({ field: f.field, label: f.label, before: b, after: a, changed: b !== a });
  }
  return rows;
}
