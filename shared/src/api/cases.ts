/**
 * Matter catalogue and case (办件) endpoints: the wizard (step 1 → draft, step 2 rows/batch/materials → 保存,
 * step 3 确认提交), the 办件记录 list and detail, withdraw (撤销), and material uploads.
 *
 * Conventions the clients rely on:
 * - A case is addressed by its 15-digit 业务流水号 (`serialNo`), given when the draft is created. Another unit's
 *   or person's serial answers 404.
 * - `POST /api/cases` and `POST /api/cases/:serialNo/submit` accept `Idempotency-Key`: the same key and body
 *   replay the first answer (same status and body, header `Idempotent-Replayed: true`); the same key with another
 *   body is 422 IDEMPOTENCY_KEY_REUSED.
 * - Row validation answers `{ passed, failed }`; each failure names the row (Excel row number for a batch file,
 *   1-based position for rows sent as JSON), the column (template header) and the reason in Chinese.
 * - Money is integer fen; dates 'YYYY-MM-DD'; codes as in the shared code tables.
 * - `GET /api/cases/:serialNo/report` is the generated 申报表 / 花名册 as application/pdf (inline, Chinese file name
 *   in `filename*` per RFC 5987): the case's owner and reviewers (not drafts) may fetch it; anyone else 404.
 * - Errors: MATTER_NOT_FOUND, MATTER_NOT_FOR_ROLE, TERMS_NOT_ACCEPTED, CASE_NOT_EDITABLE, CASE_NOT_SUBMITTABLE,
 *   CASE_NOT_WITHDRAWABLE, CASE_IN_FLIGHT (409 "有在途申请的记录，不允许申请新的变更"), CASE_NO_ITEMS,
 *   CASE_ITEMS_INVALID / CASE_FORM_INVALID (meta.failed lists the problems), MATERIALS_MISSING, RULE_VIOLATION,
 *   CLERK_CHANGE_NEEDS_LEGAL_REP, BATCH_FILE_INVALID (meta.reasons; nothing was saved), IDEMPOTENCY_KEY_REUSED.
 */
import { z } from 'zod';
import { CaseModes, CaseStatuses, Roles } from '../codes/status';
import { MATTER_CODES } from '../matters/catalogue';
import { codeSchema, InstantSchema, IsoDateSchema, PageQuery, Paged } from './common';
import { defineRoutes } from './route';

// ── pieces ──────────────────────────────────────────────────────────────────────────────────

export const CaseSerialNoSchema = z.string().regex(/^\d{15}$/, '业务流水号应为15位数字');
export const CaseParams = z.object({ serialNo: CaseSerialNoSchema });
export const MatterCodeSchema = z.enum(MATTER_CODES, '事项不存在');
export const CaseStatusCode = codeSchema(CaseStatuses, '办件状态').describe('DRAFT 保存 / SUBMITTED 已提交 / APPROVED 审核通过 / RETURNED 退回 / EFFECTIVE 办结 / WITHDRAWN 撤销');
export const CaseModeSchema = codeSchema(CaseModes, '操作模式').describe('SINGLE 单个添加 / BATCH 批量添加');

export const RowFailure = z.object({
  row: z.number().int().describe('行号：报盘文件为Excel行号；单个添加为提交顺序（从1开始）'),
  column: z.string().describe('列（模板表头）或字段名称'),
  field: z.string().describe('字段'),
  reason: z.string().describe('不通过原因'),
});
export type RowFailure = z.infer<typeof RowFailure>;

export const PassedRow = z.object({
  row: z.number().int(),
  rowNo: z.number().int().describe('保存到办件中的明细序号'),
  idNumber: z.string().optional(),
  name: z.string().optional(),
  derived: z.record(z.string(), z.unknown()).optional().describe('核定值，如 base 核定缴费基数（分）'),
});

export const ValidationResult = z.object({
  passedCount: z.number().int(),
  failedCount: z.number().int(),
  /** The first 200 passed rows (the saved rows are listed by GET …/items). */
  passed: z.array(PassedRow),
  failed: z.array(RowFailure),
  savedCount: z.number().int().describe('本次保存到办件的明细条数'),
  itemCount: z.number().int().describe('办件中的明细总数'),
});
export type ValidationResult = z.infer<typeof ValidationResult>;

export const ChangeRowSchema = z.object({
  field: z.string(),
  label: z.string().describe('变更项'),
  before: z.string().describe('变更前值'),
  after: z.string().describe('变更后值'),
  changed: z.boolean(),
});

export const CaseItemView = z.object({
  rowNo: z.number().int(),
  personId: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
  changes: z.array(ChangeRowSchema).optional(),
});

export const CaseEventView = z.object({
  type: z.string().describe('CREATED SAVED SUBMITTED APPROVED RETURNED WITHDRAWN EFFECTIVE MATERIAL …'),
  label: z.string(),
  actorRole: codeSchema(Roles, '角色'),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: InstantSchema,
});

export const CaseMaterialView = z.object({
  id: z.number().int(),
  materialCode: z.string(),
  name: z.string(),
  mediaId: z.string(),
  url: z.string(),
  createdAt: InstantSchema,
});

export const MaterialChecklistRow = z.object({
  code: z.string(),
  name: z.string(),
  requirement: z.enum(['REQUIRED', 'OPTIONAL', 'GROUP']),
  group: z.string().nullable(),
  description: z.string().nullable(),
  uploaded: z.number().int(),
  maxFiles: z.number().int(),
});

export const CaseSummary = z.object({
  serialNo: z.string().describe('业务流水号'),
  matterCode: z.string(),
  matterName: z.string(),
  status: CaseStatusCode,
  statusLabel: z.string(),
  mode: CaseModeSchema,
  unit: z.object({ unitNo: z.string(), name: z.string() }).nullable(),
  applicantName: z.string().describe('申报人'),
  itemCount: z.number().int(),
  createdAt: InstantSchema,
  submittedAt: InstantSchema.nullable(),
  decidedAt: InstantSchema.nullable(),
  returnReason: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseRecordDetail = CaseSummary.extend({
  review: z.enum(['instant', 'reviewed']),
  resultMessage: z.string().describe('确认提交后的结果提示'),
  applicantPhone: z.string(),
  remark: z.string().nullable(),
  form: z.record(z.string(), z.unknown()),
  /** Form change matters: the 变更项 table (live for drafts, recorded at submission afterwards). */
  changes: z.array(ChangeRowSchema),
  items: z.array(CaseItemView).describe('前200条明细；更多用 GET …/items 分页'),
  materials: z.array(CaseMaterialView),
  materialChecklist: z.array(MaterialChecklistRow),
  events: z.array(CaseEventView),
  actions: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean() }),
});
export type CaseRecordDetail = z.infer<typeof CaseRecordDetail>;

// ── matters ─────────────────────────────────────────────────────────────────────────────────

export const MatterSummary = z.object({
  code: z.string(),
  name: z.string(),
  section: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  applicant: z.enum(['unit', 'person']),
  review: z.enum(['instant', 'reviewed']),
  modes: z.array(CaseModeSchema),
  description: z.string().describe('服务说明'),
});

export const MatterInfo = MatterSummary.extend({
  guidance: z.array(z.string()),
  terms: z.string(),
  resultMessage: z.string(),
  inFlight: z.enum(['unit', 'staff', 'person']),
  reportTitle: z.string(),
  rowLabels: z.record(z.string(), z.string()).nullable(),
  formLabels: z.record(z.string(), z.string()).nullable(),
  formLists: z
    .array(
      z.object({
        key: z.string().describe('表单字段：{ add, modify: [{ id, … }], remove: [id] }'),
        label: z.string(),
        itemName: z.string(),
        source: z.enum(['unitClerks', 'unitBankAccounts']).describe('现有条目来源：GET /api/unit/info 的 clerks / bankAccounts'),
        note: z.string().nullable(),
        fields: z.array(
          z.object({
            field: z.string(),
            label: z.string(),
            kind: z.enum(['text', 'idNumber', 'phone', 'code', 'multi']),
            required: z.boolean(),
            modifiable: z.boolean().describe('现有条目可修改'),
            options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
          }),
        ),
      }),
    )
    .nullable()
    .optional()
    .describe('表单中逐条增删改的列表（单位经办人、银行账户）'),
  materials: z.array(
    z.object({ code: z.string(), name: z.string(), requirement: z.enum(['REQUIRED', 'OPTIONAL', 'GROUP']), group: z.string().nullable(), description: z.string().nullable() }),
  ),
  template: z
    .object({
      title: z.string(),
      instruction: z.string(),
      notes: z.array(z.string()),
      maxRows: z.number().int(),
      columns: z.array(
        z.object({
          header: z.string(),
          field: z.string(),
          kind: z.string(),
          required: z.boolean(),
          example: z.string(),
          options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
        }),
      ),
    })
    .nullable(),
});

// ── requests ────────────────────────────────────────────────────────────────────────────────

/** Step 1 (受理信息) + optional form; `submit: true` submits at once (single-step clients, scripts). */
export const CreateCaseBody = z.object({
  matterCode: MatterCodeSchema,
  /** 申报人: defaults to the signed-in clerk's name. */
  applicantName: z.string().trim().min(1, '请填写申报人').max(64, '申报人过长').optional(),
  applicantPhone: z.string('请填写手机号码'),
  remark: z.string().trim().max(512, '备注不能超过512个字').optional(),
  termsAccepted: z.literal(true, '请先阅读服务说明并勾选同意'),
  mode: CaseModeSchema.optional(),
  form: z.record(z.string(), z.unknown()).optional(),
  /** Rows to add at once (single mode). */
  rows: z.array(z.record(z.string(), z.unknown())).max(200, '一次最多添加200条').optional(),
  submit: z.boolean().optional(),
});
export type CreateCaseBody = z.input<typeof CreateCaseBody>;

export const UpdateCaseBody = z.object({
  applicantName: z.string().trim().min(1, '请填写申报人').max(64).optional(),
  applicantPhone: z.string().optional(),
  remark: z.string().trim().max(512).nullable().optional(),
  mode: CaseModeSchema.optional(),
  form: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateCaseBody = z.input<typeof UpdateCaseBody>;

export const AddItemsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1, '请填写人员信息').max(200, '一次最多添加200条') });
export type AddItemsBody = z.input<typeof AddItemsBody>;

export const ItemParams = CaseParams.extend({ rowNo: z.coerce.number().int().min(1) });
export const MaterialParams = CaseParams.extend({ id: z.coerce.number().int().min(1) });
export const AttachMaterialBody = z.object({ materialCode: z.string().min(1).max(32), mediaId: z.uuid('材料文件无效') });
export const WithdrawBody = z.preprocess((v) => v ?? {}, z.object({ reason: z.string().trim().max(200, '撤销原因不能超过200个字').optional() }));

export const CaseListQuery = PageQuery.extend({
  matterCode: MatterCodeSchema.optional(),
  status: CaseStatusCode.optional(),
  serialNo: CaseSerialNoSchema.optional(),
  from: IsoDateSchema.optional().describe('办件日期起（含）'),
  to: IsoDateSchema.optional().describe('办件日期止（含）'),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

export const SubmitResponse = CaseRecordDetail;

// ── routes ──────────────────────────────────────────────────────────────────────────────────

export const caseRoutes = defineRoutes([
  { method: 'GET', path: '/api/matters', summary: '事项目录', tag: 'cases', auth: 'any', response: z.object({ items: z.array(MatterSummary) }) },
  {
    method: 'GET', path: '/api/matters/:code', summary: '事项详情（服务说明、表单字段、报盘模板列、附件材料）', tag: 'cases', auth: 'any',
    request: { params: z.object({ code: MatterCodeSchema }) }, response: MatterInfo,
  },
  {
    method: 'GET', path: '/api/matters/:code/template', summary: '报盘模板下载（xlsx）', tag: 'cases', auth: 'unit',
    request: { params: z.object({ code: MatterCodeSchema }) }, response: z.any(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'GET', path: '/api/cases', summary: '办件记录（本单位或本人）', tag: 'cases', auth: 'any',
    request: { query: CaseListQuery }, response: Paged(CaseSummary),
  },
  {
    method: 'POST', path: '/api/cases', summary: '新建办件（保存草稿；submit=true 时直接确认提交）', tag: 'cases', auth: 'any',
    request: { body: CreateCaseBody }, response: CaseRecordDetail, status: 201, idempotent: true,
  },
  { method: 'GET', path: '/api/cases/:serialNo', summary: '办件详情（含时间线）', tag: 'cases', auth: 'any', request: { params: CaseParams }, response: CaseRecordDetail },
  {
    method: 'GET', path: '/api/cases/:serialNo/report', summary: '申报表/花名册（PDF）：草稿为预览（水印“预览”、未提交），提交后为打印相关表单；申请人与审核人员可取', tag: 'cases', auth: 'any',
    request: { params: CaseParams }, response: z.any(), contentType: 'application/pdf',
  },
  {
    method: 'PUT', path: '/api/cases/:serialNo', summary: '修改草稿（受理信息、表单）', tag: 'cases', auth: 'any',
    request: { params: CaseParams, body: UpdateCaseBody }, response: CaseRecordDetail,
  },
  {
    method: 'GET', path: '/api/cases/:serialNo/items', summary: '办件明细（分页）', tag: 'cases', auth: 'any',
    request: { params: CaseParams, query: PageQuery }, response: Paged(CaseItemView),
  },
  {
    method: 'POST', path: '/api/cases/:serialNo/items', summary: '添加校验（单个添加）', tag: 'cases', auth: 'any',
    request: { params: CaseParams, body: AddItemsBody }, response: ValidationResult,
  },
  {
    method: 'DELETE', path: '/api/cases/:serialNo/items/:rowNo', summary: '删除明细', tag: 'cases', auth: 'any',
    request: { params: ItemParams }, response: z.object({ itemCount: z.number().int() }),
  },
  {
    method: 'POST', path: '/api/cases/:serialNo/batch', summary: '上传校验（报盘文件 multipart/form-data，字段 file；?save=0 只校验不保存）', tag: 'cases', auth: 'any',
    request: { params: CaseParams, query: z.object({ save: z.enum(['0', '1']).optional() }) }, response: ValidationResult,
  },
  {
    method: 'POST', path: '/api/cases/:serialNo/submit', summary: '确认提交', tag: 'cases', auth: 'any',
    request: { params: CaseParams }, response: SubmitResponse, idempotent: true,
  },
  {
    method: 'POST', path: '/api/cases/:serialNo/withdraw', summary: '撤销业务（审核前）', tag: 'cases', auth: 'any',
    request: { params: CaseParams, body: WithdrawBody }, response: CaseRecordDetail,
  },
  {
    method: 'POST', path: '/api/cases/:serialNo/materials', summary: '附件材料：关联已上传的图片', tag: 'cases', auth: 'any',
    request: { params: CaseParams, body: AttachMaterialBody }, response: CaseRecordDetail, status: 201,
  },
  {
    method: 'DELETE', path: '/api/cases/:serialNo/materials/:id', summary: '附件材料：移除', tag: 'cases', auth: 'any',
    request: { params: MaterialParams }, response: CaseRecordDetail,
  },
]);
