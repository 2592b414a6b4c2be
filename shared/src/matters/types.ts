/**
 * The shape of one matter (事项) in the catalogue. A matter is data: who may apply, the 服务说明, the form and row
 * schemas (zod, Chinese messages), the batch template (报盘) columns, the materials (附件材料), whether it completes
 * on submit (成功办结) or waits for the center's review, and its in-flight rule. What approving a case *does* is a
 * BFF function registered for the matter's code (bff/src/modules/matters/).
 */
import type { z } from 'zod';
import type { CodeEntry, CodeTable } from '../codes/table';

/** 事项分类: the seed's business modules (seed 002 §2, M1–M3). */
export type MatterCategory = 'REGISTRATION' | 'INFO_MAINTENANCE' | 'CONTRIBUTION_DECLARATION';

/** Who applies: a unit clerk for the unit, or a person for themselves. */
export type MatterApplicant = 'unit' | 'person';

/** 成功办结 on submit, or 提交审核 and wait for the center. */
export type MatterReview = 'instant' | 'reviewed';

/** 操作模式: 单个添加 / 批量添加 (报盘). Matters without rows have only the form. */
export type MatterMode = 'SINGLE' | 'BATCH';

/**
 * 在途规则 "有在途申请的记录，不允许申请新的变更": while a case is submitted and undecided, no second case may be
 * submitted for the same subject. Enforced by a unique key in the database (cases.in_flight_key for the case,
 * case_item.in_flight_key per worker), not only in the UI.
 * - `unit`: one open case of this matter per unit (unit info changes).
 * - `staff`: one open staff change per worker within the unit, across all staff matters (增员, 减员, 险种增减 …).
 * - `person`: one open case of this matter per applying person.
 */
export type InFlightScope = 'unit' | 'staff' | 'person';

/** 材料要求: 必传, 可选, or one of a group (分组: at least one material of each group). */
export type MaterialRequirement = 'REQUIRED' | 'OPTIONAL' | 'GROUP';

export interface MaterialSlot {
  /** Stable code within the matter (case_material.material_code). */
  readonly code: string;
  /** 材料名称 */
  readonly name: string;
  readonly requirement: MaterialRequirement;
  /** Group name for GROUP slots ("分组1"); every group needs at least one uploaded material. */
  readonly group?: string;
  /** 材料说明 shown beside the name. */
  readonly description?: string;
  /** How many images the slot takes (a multi-page document); default 5. */
  readonly maxFiles?: number;
}

/** How a template cell is read. */
export type ColumnKind =
  /** 序号: ignored on import. */
  | 'seq'
  /** 单位编号 / 单位名称 of the template header: must match the case's unit when filled. */
  | 'unitNo'
  | 'unitName'
  | 'text'
  /** 身份证号码: must be text (an Excel number loses the last digits). */
  | 'idNumber'
  /** A calendar date: YYYY-MM-DD, YYYYMMDD or an Excel date cell → 'YYYY-MM-DD'. */
  | 'date'
  /** A yuan amount → integer fen. */
  | 'money'
  /** A coded value written "code label" ("01 汉族"), or the label, or the code → the code. */
  | 'code'
  /** A tick column (√) of a group: when ticked, `tickValue` is added to the array field. */
  | 'tick';

export interface TemplateColumn {
  /** Header text exactly as in the template; failure reasons name the column by it. */
  readonly header: string;
  /** Row field the column fills (for tick columns: the array field). */
  readonly field: string;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** The worked example row's value. */
  readonly example: string;
  /** For 'code': the code table behind the dropdown. */
  readonly codeTable?: CodeTable<CodeEntry>;
  /** For 'tick': the value a ticked cell adds to the array field. */
  readonly tickValue?: string;
  /** Column width in characters. */
  readonly width?: number;
}

export interface BatchTemplate {
  /** Sheet title (the seed's T-series name): 在职职工增员申报表. */
  readonly title: string;
  /** Download file name without extension. */
  readonly fileName: string;
  readonly columns: readonly TemplateColumn[];
  /** The line under the example row. */
  readonly instruction: string;
  /** 说明 lines printed under the table (R10–R13 …). */
  readonly notes: readonly string[];
  /** Data rows one upload may carry. */
  readonly maxRows: number;
}

/** Labels and value formatting of the fields a change matter records, for the 变更项/变更前值/变更后值 table. */
export interface ChangeField {
  readonly field: string;
  readonly label: string;
  /** Code table whose labels are shown instead of the stored codes. */
  readonly codeTable?: CodeTable<CodeEntry>;
}

/** One field of an entry in a form list (a clerk, a bank account), for the wizard's list editor. */
export interface FormListField {
  readonly field: string;
  readonly label: string;
  readonly kind: 'text' | 'idNumber' | 'phone' | 'code' | 'multi';
  readonly required?: boolean;
  /** Choices for 'code' / 'multi'. */
  readonly codeTable?: CodeTable<CodeEntry>;
  /** Choices as a subset of the table (险种: only 养老/失业/工伤). */
  readonly codes?: readonly string[];
  /** May be changed on an existing entry (修改); identity fields may not. */
  readonly modifiable: boolean;
}

/**
 * A list inside a form change matter that the applicant edits entry by entry: the form field `key` holds
 * `{ add: [...], modify: [{ id, ...changed }], remove: [id] }` (单位一般信息变更: 经办人, 银行账户). The current entries
 * come from `source` (the unit's clerks / bank accounts as GET /api/unit/info lists them).
 */
export interface FormList {
  readonly key: string;
  /** 单位经办人信息 */
  readonly label: string;
  /** 经办人 (in 新增经办人, 删除经办人 …) */
  readonly itemName: string;
  readonly source: 'unitClerks' | 'unitBankAccounts';
  readonly fields: readonly FormListField[];
  /** A rule the applicant must know (单位经办人变更须用法人账号登录). */
  readonly note?: string;
}

/** One problem with one row (or with the form): the field, the column/label the clerk sees, the reason. */
export interface RowIssue {
  readonly field: string;
  /** Chinese column header (batch) or field label (single mode / form). */
  readonly column: string;
  readonly reason: string;
}

/** What the pure rules may know besides the row: today's business date (Asia/Shanghai). */
export interface RuleContext {
  readonly today: string;
}

export interface MatterDefinition<Form extends z.ZodType = z.ZodType, Row extends z.ZodType = z.ZodType> {
  /** Stable code stored in cases.matter_code. */
  readonly code: string;
  /** 事项名称 as the seed prints it. */
  readonly name: string;
  /** Seed 002 section (§3.3.3). */
  readonly section: string;
  readonly category: MatterCategory;
  readonly applicant: MatterApplicant;
  /** 服务说明, verbatim from the seed. */
  readonly description: string;
  /** How-to lines under the 服务说明 (the seed's instructions, rules the clerk must know). */
  readonly guidance: readonly string[];
  /** The terms checkbox text that must be ticked in step 1. */
  readonly terms: string;
  readonly review: MatterReview;
  /** Result page message after 确认提交. */
  readonly resultMessage: string;
  /** Operation modes; empty for form-only matters. */
  readonly modes: readonly MatterMode[];
  /** Matter-level form (cases.form). */
  readonly form: Form;
  /** One row (case_item.data) for matters with rows (single add / batch). */
  readonly row?: Row;
  /** Chinese labels of row fields, for failure reasons and lists. */
  readonly rowLabels?: Readonly<Record<string, string>>;
  /** The row field identifying the worker within a case (duplicates in one file or case are refused). */
  readonly rowKey?: string;
  /** Pure rules on one parsed row beyond its schema (dates against today, age …); the BFF adds database rules. */
  readonly rowRules?: (row: z.output<Row>, ctx: RuleContext) => RowIssue[];
  /** Pure rules on the parsed form (at least one change …). */
  readonly formRules?: (form: z.output<Form>, ctx: RuleContext) => RowIssue[];
  /** Chinese labels of form fields. */
  readonly formLabels?: Readonly<Record<string, string>>;
  /** Lists inside the form edited entry by entry (add / modify / remove). */
  readonly formLists?: readonly FormList[];
  /** The 报盘 template, for matters with batch mode. */
  readonly template?: BatchTemplate;
  readonly materials: readonly MaterialSlot[];
  readonly inFlight: InFlightScope;
  /** Fields of the 变更项 table for change matters. */
  readonly changeFields?: readonly ChangeField[];
  /** Title of the generated declaration report (申报表). */
  readonly reportTitle: string;
  /** Columns of the report's 花名册 for row matters without a batch template (default: the template's columns). */
  readonly reportColumns?: readonly TemplateColumn[];
  /** 说明 / 填报说明 lines printed under the report's table. */
  readonly reportNotes?: readonly string[];
}
